#include "SecretMask.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace retort {

namespace {
// scheme://user:password@ — the user part has no '/', '@' or whitespace; the password runs to
// the last '@' before the host (passwords may contain '@' when written unencoded).
const QRegularExpression &urlPasswordPattern()
{
    static const QRegularExpression re(uR"(([A-Za-z][A-Za-z0-9+.\-]*://[^/:@\s]*:)([^\s/]*)@)"_s);
    return re;
}
} // namespace

QString SecretMask::maskUrls(const QString &text)
{
    QString out = text;
    qsizetype from = 0;
    while (true) {
        const QRegularExpressionMatch m = urlPasswordPattern().match(out, from);
        if (!m.hasMatch())
            break;
        if (m.capturedLength(2) == 0) {
            from = m.capturedEnd(0);
            continue;
        }
        out.replace(m.capturedStart(2), m.capturedLength(2), kMask);
        from = m.capturedStart(2) + kMask.size() + 1;
    }
    return out;
}

QStringList SecretMask::passwordsOf(const QString &url)
{
    const QRegularExpressionMatch m = urlPasswordPattern().match(url);
    if (!m.hasMatch() || m.capturedLength(2) == 0)
        return {};
    const QString raw = m.captured(2);
    QStringList out{raw};
    const QString decoded = QUrl::fromPercentEncoding(raw.toUtf8());
    if (decoded != raw && !decoded.isEmpty())
        out.append(decoded);
    return out;
}

QString SecretMask::mask(const QString &text, const QStringList &secrets)
{
    QString out = maskUrls(text);
    for (const QString &s : secrets) {
        if (!s.isEmpty())
            out.replace(s, kMask);
    }
    return out;
}

} // namespace retort
