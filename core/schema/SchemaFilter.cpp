#include "SchemaFilter.h"

#include <algorithm>

namespace retort {

SchemaFilter SchemaFilter::parse(const QString &patterns)
{
    SchemaFilter filter;
    for (const QString &part : patterns.split(QLatin1Char(','))) {
        const QString pattern = part.trimmed();
        if (pattern.isEmpty())
            continue;
        filter.m_sources << pattern;
        // Path-style globbing only treats '/' specially, which no table name here contains.
        filter.m_patterns << QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern));
    }
    return filter;
}

bool SchemaFilter::ignores(const QString &schemaName, const QString &name) const
{
    const QString qualified = schemaName.isEmpty() ? name : schemaName + QLatin1Char('.') + name;
    return std::any_of(m_patterns.begin(), m_patterns.end(), [&](const QRegularExpression &pattern) {
        return pattern.match(name).hasMatch() || pattern.match(qualified).hasMatch();
    });
}

Schema SchemaFilter::apply(Schema schema) const
{
    if (isEmpty())
        return schema;
    schema.tables.removeIf([&](const Table &table) { return ignores(table.schema, table.name); });
    schema.views.removeIf([&](const View &view) { return ignores(view.schema, view.name); });
    // ownedBy is "schema.table.column": the sequence of an ignored table's serial column.
    schema.sequences.removeIf([&](const Sequence &sequence) {
        if (ignores(sequence.schema, sequence.name))
            return true;
        const QStringList owner = sequence.ownedBy.split(QLatin1Char('.'));
        return owner.size() == 3 && ignores(owner[0], owner[1]);
    });
    return schema;
}

} // namespace retort
