#include "DatabaseUrl.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

bool isSchemeChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'+';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX -> byte (as Python's urllib.parse.unquote: malformed escapes stay as written).
QString percentDecode(QStringView text, bool plusIsSpace)
{
    const QByteArray in = text.toUtf8();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '%' && i + 2 < in.size() && hexValue(in.at(i + 1)) >= 0 && hexValue(in.at(i + 2)) >= 0) {
            out.append(char(hexValue(in.at(i + 1)) * 16 + hexValue(in.at(i + 2))));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

// Encodes the characters in `special` plus controls and space (as %XX, or '+' for a space when
// spaceAsPlus); everything else stays readable.
QString percentEncode(const QString &text, QLatin1StringView special, bool spaceAsPlus)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u' ' && spaceAsPlus) {
            out.append(u'+');
        } else if (c.unicode() <= 0x20 || c.unicode() == 0x7f || special.contains(c)) {
            out.append(u'%');
            out.append(QString::number(c.unicode(), 16).toUpper().rightJustified(2, u'0'));
        } else {
            out.append(c);
        }
    }
    return out;
}

QString encodeUserInfo(const QString &text)
{
    return percentEncode(text, "%:@/?#[]"_L1, false);
}

qsizetype indexOfAny(QStringView text, qsizetype from, QStringView chars)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (chars.contains(text.at(i)))
            return i;
    }
    return text.size();
}

const QString kExample = u"postgresql://user:password@host:5432/dbname or sqlite:///path/to/file.db"_s;

DbError malformed(const QString &what)
{
    return DbError::make(ErrorKind::MalformedUrl,
                         u"The database URL is malformed: "_s + what + u". Write it like "_s + kExample + u"."_s);
}

} // namespace

QStringList DatabaseUrl::supportedDialects()
{
    return {u"sqlite"_s, u"postgresql"_s};
}

DbResult<DatabaseUrl> DatabaseUrl::parse(const QString &input)
{
    // Only the dialect name is ever quoted back: every other part could hold the password
    // when the URL is malformed.
    const QString text = input.trimmed();
    if (text.isEmpty())
        return DbError::make(ErrorKind::EmptyUrl,
                             u"The database URL is empty. Give one such as "_s + kExample + u"."_s);
    const qsizetype sep = text.indexOf(u"://"_s);
    const QStringView scheme = QStringView(text).left(sep < 0 ? 0 : sep);
    if (sep <= 0 || !std::all_of(scheme.begin(), scheme.end(), isSchemeChar))
        return malformed(u"it does not start with a dialect name followed by '://'"_s);
    const QList<QStringView> schemeParts = scheme.split(u'+');
    if (schemeParts.size() > 2 || schemeParts.first().isEmpty()
        || (schemeParts.size() == 2 && schemeParts.last().isEmpty()))
        return malformed(u"'"_s + scheme.toString() + u"' is not of the form dialect or dialect+driver"_s);

    DatabaseUrl url;
    url.dialect = schemeParts.first().toString().toLower();
    if (url.dialect == u"postgres"_s)
        url.dialect = u"postgresql"_s;
    if (schemeParts.size() == 2)
        url.driver = schemeParts.last().toString();
    if (!supportedDialects().contains(url.dialect))
        return DbError::make(ErrorKind::UnsupportedDialect,
                             u"The database dialect '"_s + schemeParts.first().toString()
                                 + u"' is not supported: Retort works with "_s + supportedDialects().join(u" and "_s)
                                 + u" (sqlite:///file.db, postgresql://user@host/dbname)."_s);

    // user[:password]@ read the way SQLAlchemy's pattern reads it: the user name stops at the
    // first ':' or '/', the password at the first '@' after that ':'.
    const QStringView rest = QStringView(text).mid(sep + 3);
    qsizetype pos = 0;
    const qsizetype runEnd = indexOfAny(rest, 0, u":/");
    bool haveUserInfo = false;
    if (runEnd < rest.size() && rest.at(runEnd) == u':') {
        const qsizetype at = rest.indexOf(u'@', runEnd + 1);
        if (at >= 0) {
            url.user = percentDecode(rest.left(runEnd), false);
            url.password = percentDecode(rest.mid(runEnd + 1, at - runEnd - 1), false);
            pos = at + 1;
            haveUserInfo = true;
        }
    }
    if (!haveUserInfo) {
        const qsizetype at = rest.left(runEnd).lastIndexOf(u'@');
        if (at >= 0) {
            url.user = percentDecode(rest.left(at), false);
            pos = at + 1;
        }
    }

    if (pos < rest.size() && rest.at(pos) == u'[') {
        const qsizetype close = rest.indexOf(u']', pos);
        const qsizetype stop = indexOfAny(rest, pos, u"/?");
        if (close < 0 || close > stop || close == pos + 1)
            return malformed(u"the IPv6 host has no closing ']'"_s);
        url.host = rest.mid(pos + 1, close - pos - 1).toString();
        pos = close + 1;
    } else {
        const qsizetype hostEnd = indexOfAny(rest, pos, u":/?");
        url.host = rest.mid(pos, hostEnd - pos).toString();
        pos = hostEnd;
    }
    if (url.host.contains(u'@'))
        return malformed(u"the host contains '@'; write an '@' inside the user name or password "
                         "as %40"_s);
    if (url.host.contains(u' ') || url.host.contains(u'\t'))
        return malformed(u"the host contains a space"_s);
    if (pos < rest.size() && rest.at(pos) == u':') {
        const qsizetype portEnd = indexOfAny(rest, pos + 1, u"/?");
        const QStringView portText = rest.mid(pos + 1, portEnd - pos - 1);
        if (!portText.isEmpty()) {
            bool numeric =
                std::all_of(portText.begin(), portText.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
            const int port = numeric && portText.size() <= 5 ? portText.toInt() : 0;
            if (port < 1 || port > 65535)
                return malformed(u"the port after the host is not a number from 1 to 65535 "
                                 "(if that was a password, add the user name and '@host')"_s);
            url.port = port;
        }
        pos = portEnd;
    }
    if (pos < rest.size() && rest.at(pos) == u'/') {
        const qsizetype dbEnd = indexOfAny(rest, pos + 1, u"?");
        url.database = rest.mid(pos + 1, dbEnd - pos - 1).toString();
        pos = dbEnd;
    }
    if (pos < rest.size() && rest.at(pos) == u'?') {
        for (const QStringView pair : rest.mid(pos + 1).split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(u'=');
            url.query.append({percentDecode(eq < 0 ? pair : pair.left(eq), true),
                              eq < 0 ? QString() : percentDecode(pair.mid(eq + 1), true)});
        }
        pos = rest.size();
    }
    if (pos < rest.size())
        return malformed(u"unexpected text after the host"_s);

    if (url.isSqlite() && (!url.host.isEmpty() || !url.user.isEmpty() || !url.password.isEmpty() || url.port != 0))
        return DbError::make(ErrorKind::MalformedUrl,
                             u"A SQLite URL names a file, not a host, user or port: write "
                             "sqlite:///relative/path.db (three slashes) or "
                             "sqlite:////absolute/path.db (four)."_s);
    return url;
}

QString DatabaseUrl::toString() const
{
    QString s = dialect;
    if (!driver.isEmpty())
        s += u'+' + driver;
    s += u"://"_s;
    if (!user.isEmpty() || !password.isEmpty()) {
        s += encodeUserInfo(user);
        if (!password.isEmpty())
            s += u':' + encodeUserInfo(password);
        s += u'@';
    }
    s += host.contains(u':') ? u'[' + host + u']' : host;
    if (port != 0)
        s += u':' + QString::number(port);
    if (!database.isEmpty())
        s += u'/' + database;
    for (qsizetype i = 0; i < query.size(); ++i) {
        s += i == 0 ? u'?' : u'&';
        s += percentEncode(query.at(i).first, "%&=+#"_L1, true) + u'='
            + percentEncode(query.at(i).second, "%&+#"_L1, true);
    }
    return s;
}

QString DatabaseUrl::toDisplayString() const
{
    DatabaseUrl masked = *this;
    if (!masked.password.isEmpty())
        masked.password = u"***"_s; // '*' is never encoded, so the mask shows as written
    // A password given as a query parameter is hidden too.
    for (auto &[key, value] : masked.query) {
        if (key.compare(u"password"_s, Qt::CaseInsensitive) == 0 && !value.isEmpty())
            value = u"***"_s;
    }
    return masked.toString();
}

SqlDialect DatabaseUrl::sqlDialect() const
{
    return isSqlite() ? SqlDialect::Sqlite : SqlDialect::PostgreSql;
}

bool DatabaseUrl::isInMemory() const
{
    return isSqlite() && (database.isEmpty() || database == u":memory:"_s);
}

QString DatabaseUrl::sqliteFilePath(const QString &currentDirectory) const
{
    if (!isSqlite() || isInMemory())
        return {};
    return QDir::cleanPath(QDir(currentDirectory).absoluteFilePath(database));
}

QString DatabaseUrl::queryValue(const QString &key) const
{
    for (const auto &[k, v] : query) {
        if (k == key)
            return v;
    }
    return {};
}

bool DatabaseUrl::hasQueryKey(const QString &key) const
{
    return std::any_of(query.begin(), query.end(), [&](const auto &p) { return p.first == key; });
}

} // namespace retort
