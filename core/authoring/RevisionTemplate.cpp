#include "RevisionTemplate.h"

#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// format_as_comma: None -> "", a str as it is, a sequence joined with ", ".
Expected<MakoValue, QString> comma(const QList<MakoValue> &arguments)
{
    if (arguments.size() != 1)
        return u"comma() takes exactly one argument"_s;
    const MakoValue &value = arguments.constFirst();
    switch (value.kind()) {
    case MakoValue::Kind::None:
        return MakoValue::string(QString());
    case MakoValue::Kind::Str:
        return value;
    case MakoValue::Kind::Tuple:
    case MakoValue::Kind::List: {
        QStringList parts;
        for (const MakoValue &item : value.items()) {
            if (item.kind() != MakoValue::Kind::Str)
                return u"sequence item: expected str instance, %1 found"_s.arg(item.typeName());
            parts << item.text();
        }
        return MakoValue::string(parts.join(u", "_s));
    }
    default:
        return u"Don't know how to comma-format %1"_s.arg(value.repr().value_or(value.typeName()));
    }
}

// tuple_rev_as_scalar: nothing -> None, one -> the str, more -> the sequence.
MakoValue scalarOrSequence(const QStringList &items, bool asList)
{
    if (items.isEmpty())
        return MakoValue::none();
    if (items.size() == 1)
        return MakoValue::string(items.constFirst());
    return asList ? MakoValue::list(items) : MakoValue::tuple(items);
}

} // namespace

QString pythonDateTimeText(const QDateTime &when, bool withOffset)
{
    QString text = when.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    if (const int msec = when.time().msec())
        text += u'.' + QString::number(msec * 1000).rightJustified(6, u'0');
    if (withOffset) {
        const int offset = when.offsetFromUtc();
        const int minutes = qAbs(offset) / 60;
        text += (offset < 0 ? u'-' : u'+') + QString::number(minutes / 60).rightJustified(2, u'0') + u':'
            + QString::number(minutes % 60).rightJustified(2, u'0');
    }
    return text;
}

MakoScope revisionTemplateScope(const RevisionTemplateValues &values)
{
    MakoScope scope;
    scope.insert(u"up_revision"_s, MakoValue::string(values.revision));
    scope.insert(u"down_revision"_s, scalarOrSequence(values.downRevisions, false));
    scope.insert(u"branch_labels"_s,
                 values.branchLabels.isEmpty() ? MakoValue::none() : MakoValue::tuple(values.branchLabels));
    scope.insert(u"depends_on"_s, scalarOrSequence(values.dependsOn, true));
    scope.insert(u"create_date"_s,
                 MakoValue::printable(u"datetime"_s, pythonDateTimeText(values.createDate, values.createDateHasZone)));
    scope.insert(u"message"_s, MakoValue::string(values.message.value_or(u"empty message"_s)));
    scope.insert(u"comma"_s, MakoValue::function(u"comma"_s, comma));
    if (values.upgrades)
        scope.insert(u"upgrades"_s, MakoValue::string(*values.upgrades));
    if (values.downgrades)
        scope.insert(u"downgrades"_s, MakoValue::string(*values.downgrades));
    if (values.imports)
        scope.insert(u"imports"_s, MakoValue::string(*values.imports));
    return scope;
}

QString newRevisionId()
{
    return QUuid::createUuid().toString(QUuid::Id128).right(12);
}

Fallible<QDateTime> revisionCreateDate(const QString &timezone, const QDateTime &nowUtc)
{
    if (timezone.isEmpty())
        return nowUtc.toLocalTime();
    QTimeZone zone(timezone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(timezone.toUpper().toUtf8());
    if (!zone.isValid())
        return Failure{u"Can't locate timezone: %1"_s.arg(timezone)};
    return nowUtc.toTimeZone(zone);
}

} // namespace retort
