#include "CatalogWrites.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

constexpr std::array<const char *, CatalogWrites::CatalogCount> kCatalogNames{
    "pg_class",    "pg_attribute", "pg_attrdef",   "pg_constraint", "pg_index", "pg_rewrite",
    "pg_sequence", "pg_depend",    "pg_namespace", "pg_type",       "pg_enum",  "pg_proc",
};

} // namespace

bool CatalogWrites::any() const
{
    for (const Counts &c : counts) {
        if (c.any())
            return true;
    }
    return false;
}

CatalogWrites &CatalogWrites::operator+=(const CatalogWrites &other)
{
    combine(other, 1);
    return *this;
}

CatalogWrites &CatalogWrites::operator-=(const CatalogWrites &other)
{
    combine(other, -1);
    return *this;
}

void CatalogWrites::combine(const CatalogWrites &other, int sign)
{
    for (size_t i = 0; i < counts.size(); ++i) {
        counts[i].inserted += sign * other.counts[i].inserted;
        counts[i].updated += sign * other.counts[i].updated;
        counts[i].deleted += sign * other.counts[i].deleted;
    }
}

QString CatalogWrites::selectList()
{
    // Made once: a replay sends it twice with every step.
    static const QString list = [] {
        QStringList columns;
        for (const char *catalog : kCatalogNames) {
            const QString relation = u"'pg_catalog.%1'::regclass"_s.arg(QLatin1StringView(catalog));
            for (const char *what : {"inserted", "updated", "deleted"})
                columns << u"pg_stat_get_xact_tuples_%1(%2)"_s.arg(QLatin1StringView(what), relation);
        }
        return columns.join(u", "_s);
    }();
    return list;
}

CatalogWrites CatalogWrites::fromRow(const QSqlQuery &query, int first)
{
    CatalogWrites writes;
    int column = first;
    for (Counts &c : writes.counts) {
        c.inserted = query.value(column++).toLongLong();
        c.updated = query.value(column++).toLongLong();
        c.deleted = query.value(column++).toLongLong();
    }
    return writes;
}

} // namespace retort
