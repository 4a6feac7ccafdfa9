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

// Sorting a QList detaches it, copying every element of a list shared with another schema (a
// replay's snapshots share their unchanged tables): lists already in order are left alone.
template <typename T, typename Less>
void sortUnlessSorted(QList<T> &list, Less less)
{
    if (!std::is_sorted(list.cbegin(), list.cend(), less))
        std::sort(list.begin(), list.end(), less);
}

template <typename T>
void sortByKey(QList<T> &list)
{
    sortUnlessSorted(list, [](const T &a, const T &b) { return key(a) < key(b); });
}

template <typename T>
void sortByQualifiedName(QList<T> &list)
{
    sortUnlessSorted(list, [](const T &a, const T &b) { return qualifiedKey(a) < qualifiedKey(b); });
}

template <typename T, typename Less>
bool sorted(const QList<T> &list, Less less)
{
    return std::is_sorted(list.cbegin(), list.cend(), less);
}

bool isCanonical(const Table &table)
{
    const auto byKey = [](const auto &a, const auto &b) { return key(a) < key(b); };
    return sorted(table.columns, [](const Column &a, const Column &b) { return a.position < b.position; })
        && sorted(table.indexes, byKey) && sorted(table.foreignKeys, byKey) && sorted(table.uniqueConstraints, byKey)
        && sorted(table.checks, byKey);
}

} // namespace

void canonicalize(Table &table)
{
    const auto byPosition = [](const Column &a, const Column &b) { return a.position < b.position; };
    if (!std::is_sorted(table.columns.cbegin(), table.columns.cend(), byPosition))
        std::stable_sort(table.columns.begin(), table.columns.end(), byPosition);
    sortByKey(table.indexes);
    sortByKey(table.foreignKeys);
    sortByKey(table.uniqueConstraints);
    sortByKey(table.checks);
}

void canonicalize(Schema &schema)
{
    for (qsizetype i = 0; i < schema.tables.size(); ++i) {
        // Through a const reference first: a table already canonical is not detached.
        const Table &table = std::as_const(schema.tables)[i];
        if (!isCanonical(table))
            canonicalize(schema.tables[i]);
    }
    sortByQualifiedName(schema.tables);
    sortByQualifiedName(schema.views);
    sortByQualifiedName(schema.sequences);
    sortByQualifiedName(schema.enums);
}

} // namespace retort
