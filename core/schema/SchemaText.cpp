#include "SchemaText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QString list(const QStringList &items)
{
    return u'(' + items.join(u", "_s) + u')';
}

QString nameOr(const QString &name)
{
    return name.isEmpty() ? u"(unnamed)"_s : name;
}

// Rows of cells as aligned text, each line indented by `indent`; the last cell is not padded.
QString alignedRows(const QList<QStringList> &rows, const QString &indent)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line = indent;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                line += u" | "_s;
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i)) : row.at(i);
        }
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    return text;
}

template <typename T>
void section(QString &text, const QString &title, const QList<T> &items)
{
    if (items.isEmpty())
        return;
    text += title + u":\n"_s;
    for (const T &item : items)
        text += u"    "_s + nameOr(item.name) + u' ' + SchemaText::describe(item) + u'\n';
}

} // namespace

QString SchemaText::defaultText(const Column &column)
{
    if (!column.identity.isEmpty())
        return u"generated "_s + column.identity + u" as identity"_s;
    if (!column.generated.isEmpty()) {
        QString text = u"generated always as "_s;
        text += column.generationExpression.isEmpty() ? u"(?)"_s : u'(' + column.generationExpression + u')';
        return text + u' ' + column.generated;
    }
    return column.defaultValue;
}

QString SchemaText::describe(const Column &column)
{
    QString text = column.type.isEmpty() ? u"(no type)"_s : column.type;
    if (!column.nullable)
        text += u" not null"_s;
    if (!column.identity.isEmpty() || !column.generated.isEmpty())
        text += u' ' + defaultText(column);
    else if (!column.defaultValue.isEmpty())
        text += u" default "_s + column.defaultValue;
    return text;
}

QString SchemaText::describe(const PrimaryKey &key)
{
    return list(key.columns);
}

QString SchemaText::describe(const UniqueConstraint &unique)
{
    return u"UNIQUE "_s + list(unique.columns);
}

QString SchemaText::describe(const Index &index)
{
    QString text;
    if (index.unique)
        text += u"UNIQUE "_s;
    if (!index.method.isEmpty() && index.method != u"btree")
        text += u"USING "_s + index.method + u' ';
    text += list(index.columns);
    if (!index.where.isEmpty())
        text += u" WHERE "_s + index.where;
    return text;
}

QString SchemaText::describe(const ForeignKey &key)
{
    QString text = list(key.columns) + u" REFERENCES "_s;
    text += key.refSchema.isEmpty() ? key.refTable : key.refSchema + u'.' + key.refTable;
    text += u' ' + list(key.refColumns);
    if (key.onDelete != u"NO ACTION")
        text += u" ON DELETE "_s + key.onDelete;
    if (key.onUpdate != u"NO ACTION")
        text += u" ON UPDATE "_s + key.onUpdate;
    return text;
}

QString SchemaText::describe(const CheckConstraint &check)
{
    return u"CHECK ("_s + check.expression + u')';
}

QString SchemaText::describe(const Sequence &s)
{
    QString text = s.dataType + u", start "_s + QString::number(s.start) + u", increment "_s
        + QString::number(s.increment) + u", min "_s + QString::number(s.minValue) + u", max "_s
        + QString::number(s.maxValue);
    if (s.cycle)
        text += u", cycle"_s;
    if (!s.ownedBy.isEmpty())
        text += u", owned by "_s + s.ownedBy;
    return text;
}

QString SchemaText::describe(const EnumType &type)
{
    QStringList quoted;
    for (const QString &label : type.labels)
        quoted.append(u'\'' + QString(label).replace(u'\'', u"''"_s) + u'\'');
    return quoted.join(u", "_s);
}

QString SchemaText::toText(const Table &table)
{
    QString text = u"Table "_s + table.qualifiedName() + u'\n';
    QList<QStringList> rows{{u"Column"_s, u"Type"_s, u"Nullable"_s, u"Default"_s}};
    for (const Column &c : table.columns)
        rows.append({c.name, c.type, c.nullable ? QString() : u"not null"_s, defaultText(c)});
    text += alignedRows(rows, u"    "_s);
    if (!table.primaryKey.isEmpty())
        text += u"Primary key: "_s + (table.primaryKey.name.isEmpty() ? QString() : table.primaryKey.name + u' ')
            + describe(table.primaryKey) + u'\n';
    section(text, u"Unique constraints"_s, table.uniqueConstraints);
    section(text, u"Indexes"_s, table.indexes);
    section(text, u"Foreign keys"_s, table.foreignKeys);
    section(text, u"Check constraints"_s, table.checks);
    return text;
}

QString SchemaText::toText(const Schema &schema)
{
    QStringList blocks;
    for (const Table &t : schema.tables)
        blocks.append(toText(t));
    for (const View &v : schema.views) {
        QString block = (v.materialized ? u"Materialized view "_s : u"View "_s) + v.qualifiedName() + u'\n';
        for (const QString &line : v.definition.split(u'\n'))
            block += line.trimmed().isEmpty() ? u"\n"_s : u"    "_s + line + u'\n';
        blocks.append(block);
    }
    if (!schema.sequences.isEmpty()) {
        QString block = u"Sequences:\n"_s;
        for (const Sequence &s : schema.sequences)
            block += u"    "_s + s.qualifiedName() + u": "_s + describe(s) + u'\n';
        blocks.append(block);
    }
    if (!schema.enums.isEmpty()) {
        QString block = u"Enums:\n"_s;
        for (const EnumType &e : schema.enums)
            block += u"    "_s + e.qualifiedName() + u": "_s + describe(e) + u'\n';
        blocks.append(block);
    }
    return blocks.join(u'\n');
}

} // namespace retort
