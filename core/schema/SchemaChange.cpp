#include "SchemaChange.h"

#include <QJsonArray>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

using Kind = SchemaChange::Kind;

constexpr std::array<std::pair<Kind, const char16_t *>, 13> kNames{{
    {Kind::AddTable, u"add_table"},
    {Kind::DropTable, u"drop_table"},
    {Kind::AddColumn, u"add_column"},
    {Kind::DropColumn, u"drop_column"},
    {Kind::AlterColumn, u"alter_column"},
    {Kind::AddIndex, u"add_index"},
    {Kind::DropIndex, u"drop_index"},
    {Kind::AddForeignKey, u"add_foreign_key"},
    {Kind::DropForeignKey, u"drop_foreign_key"},
    {Kind::AddView, u"add_view"},
    {Kind::DropView, u"drop_view"},
    {Kind::AlterView, u"alter_view"},
    {Kind::Other, u"other"},
}};

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString SchemaChange::kindName(Kind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return u"other"_s;
}

std::optional<SchemaChange::Kind> SchemaChange::kindFromName(QStringView name)
{
    for (const auto &[k, text] : kNames) {
        if (name == QStringView(text))
            return k;
    }
    return std::nullopt;
}

QJsonObject SchemaChange::toJson() const
{
    return QJsonObject{
        {u"kind"_s, kindName()},           {u"table"_s, optionalText(table)},
        {u"name"_s, optionalText(name)},   {u"before"_s, optionalText(before)},
        {u"after"_s, optionalText(after)}, {u"aspects"_s, QJsonArray::fromStringList(aspects)},
    };
}

QString SchemaChange::toLine() const
{
    QString where = table;
    if (!name.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(".")) + name;
    QString line = kindName() + u' ' + where;
    if (!before.isEmpty() && !after.isEmpty())
        line += QStringLiteral(": ") + before + QStringLiteral(" -> ") + after;
    else if (!before.isEmpty() || !after.isEmpty())
        line += QStringLiteral(": ") + before + after;
    return line;
}

} // namespace retort
