#pragma once

#include <QString>

#include <array>

class QSqlQuery;

namespace retort {

// How many rows of each PostgreSQL catalog the schema tracker follows a step inserted, updated
// and deleted: pg_stat_get_xact_tuples_* read inside the step's transaction before and after its
// statements, in the same query message. (Those counters also hold earlier transactions' rows
// until the session reports them, at most once a second, so only the difference of two
// readings with no idle moment between them is the step's own.) A step that wrote none of these
// catalogs changed no schema the tracker can see, whatever its statements were; one that only
// inserted rows lost none, so the tracker need not count rows to find what went. Counts may be
// too high (a rolled-back savepoint's rows count too), never too low.
struct CatalogWrites
{
    enum Catalog {
        Class,
        Attribute,
        AttrDef,
        Constraint,
        Index,
        Rewrite,
        Sequence,
        Depend,
        Namespace,
        Type,
        Enum,
        Proc,
        CatalogCount
    };
    struct Counts
    {
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 deleted = 0;
        bool any() const { return inserted || updated || deleted; }
        // Rows changed or removed: more than new rows coming in.
        bool changedOrDeleted() const { return updated || deleted; }
    };

    std::array<Counts, CatalogCount> counts{};

    const Counts &operator[](Catalog catalog) const { return counts[size_t(catalog)]; }
    bool any() const;
    CatalogWrites &operator+=(const CatalogWrites &other);
    CatalogWrites &operator-=(const CatalogWrites &other);

    // The select list that reads them, three columns per catalog in Catalog order.
    static QString selectList();
    static constexpr int columnCount = 3 * CatalogCount;
    // From a row of selectList()'s columns, starting at column `first`.
    static CatalogWrites fromRow(const QSqlQuery &query, int first);

private:
    void combine(const CatalogWrites &other, int sign);
};

} // namespace retort
