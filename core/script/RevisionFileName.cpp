#include "RevisionFileName.h"

#include <QHash>
#include <QRegularExpression>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace retort {

QString RevisionFileName::slug(const QString &message, int truncateLength)
{
    // Python's \w is Unicode-aware; so is ours with UseUnicodePropertiesOption.
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    for (auto it = word.globalMatch(message); it.hasNext();)
        words << it.next().captured();
    QString slug = words.join(u'_').toLower();
    if (truncateLength > 0 && slug.size() > truncateLength) {
        slug.truncate(truncateLength);
        // rsplit("_", 1)[0]: without a "_" the whole cut stays.
        const qsizetype underscore = slug.lastIndexOf(u'_');
        if (underscore >= 0)
            slug.truncate(underscore);
        slug += u'_';
    }
    return slug;
}

QString RevisionFileName::format(const QString &fileTemplate, const QHash<QString, QVariant> &values)
{
    static const QRegularExpression spec(u"%(%|\\((\\w+)\\)([-#0 +]*)(\\d*)(?:\\.(\\d+))?([sdi]))"_s);
    QString out;
    qsizetype pos = 0;
    for (auto it = spec.globalMatch(fileTemplate); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(fileTemplate).mid(pos, m.capturedStart() - pos);
        pos = m.capturedEnd();
        if (m.captured(1) == u"%"_s) {
            out += u'%';
            continue;
        }
        const QString key = m.captured(2);
        if (!values.contains(key)) {
            out += m.captured();
            continue;
        }
        const QString flags = m.captured(3);
        const int width = m.captured(4).toInt();
        const QVariant value = values.value(key);
        QString text;
        if (m.captured(6) == u"s"_s) {
            text = value.toString();
            if (!m.captured(5).isEmpty())
                text.truncate(m.captured(5).toInt());
        } else {
            const qlonglong n = value.toLongLong();
            text = QString::number(qAbs(n));
            // For integers the precision is a minimum digit count, as in "%(month).2d".
            if (!m.captured(5).isEmpty())
                text = text.rightJustified(m.captured(5).toInt(), u'0');
            if (n < 0)
                text.prepend(u'-');
            else if (flags.contains(u'+'))
                text.prepend(u'+');
            if (flags.contains(u'0') && !flags.contains(u'-') && text.size() < width) {
                const bool sign = text.startsWith(u'-') || text.startsWith(u'+');
                const QString digits = sign ? text.mid(1) : text;
                text = (sign ? text.left(1) : QString()) + digits.rightJustified(width - (sign ? 1 : 0), u'0');
            }
        }
        if (text.size() < width)
            text = flags.contains(u'-') ? text.leftJustified(width) : text.rightJustified(width);
        out += text;
    }
    out += QStringView(fileTemplate).mid(pos);
    return out;
}

QString RevisionFileName::fileName(const QString &fileTemplate, const QString &revision, const QString &message,
                                   const QDateTime &createDate, int truncateLength, const QString &extension)
{
    const QDate date = createDate.date();
    const QTime time = createDate.time();
    const QHash<QString, QVariant> values = {
        {u"rev"_s, revision},
        {u"slug"_s, slug(message, truncateLength)},
        {u"epoch"_s, createDate.toSecsSinceEpoch()},
        {u"year"_s, date.year()},
        {u"month"_s, date.month()},
        {u"day"_s, date.day()},
        {u"hour"_s, time.hour()},
        {u"minute"_s, time.minute()},
        {u"second"_s, time.second()},
    };
    return format(fileTemplate, values) + extension;
}

} // namespace retort
