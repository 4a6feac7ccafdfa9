#include "Schema.h"

#include <algorithm>
#include <tuple>

namespace retort {

const Table *Schema::table(const QString &schemaName, const QString &name) const
{
    for (const Table &t : tables) {
        if (t.schema == schemaName && t.name == name)
            return &t;
    }
    return nullptr;
}

const View *Schema::view(const QString &schemaName, const QString &name) const
{
    for (const View &v : views) {
        if (v.schema == schemaName && v.name == name)
            return &v;
    }
    return nullptr;
}

namespace {

// Each kind's sort key: the name first, then every other field, so that unnamed constraints
// (SQLite) still land in one order whatever order the CREATE TABLE text declared them in.
auto key(const Index &i)
{
    return std::tie(i.name, i.columns, i.unique, i.where, i.method);
}
auto key(const ForeignKey &f)
{
    return std::tie(f.name, f.columns, f.refSchema, f.refTable, f.refColumns, f.onDelete, f.onUpdate);
}
auto key(const UniqueConstraint &u)
{
    return std::tie(u.name, u.columns);
}
auto key(const CheckConstraint &c)
{
    return std::tie(c.name, c.expression);
}
template <typename T>
auto qualifiedKey(const T &item)
{
    return std::tie(item.schema, item.name);
}

template <typename T>
void sortByKey(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return key(a) < key(b); });
}

template <typename T>
void sortByQualifiedName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return qualifiedKey(a) < qualifiedKey(b); });
}

} // namespace

void canonicalize(Table &table)
{
    std::stable_sort(table.columns.begin(), table.columns.end(),
                     [](const Column &a, const Column &b) { return a.position < b.position; });
    sortByKey(table.indexes);
    sortByKey(table.foreignKeys);
    sortByKey(table.uniqueConstraints);
    sortByKey(table.checks);
}

void canonicalize(Schema &schema)
{
    for (Table &table : schema.tables)
        canonicalize(table);
    sortByQualifiedName(schema.tables);
    sortByQualifiedName(schema.views);
    sortByQualifiedName(schema.sequences);
    sortByQualifiedName(schema.enums);
}

} // namespace retort
