#pragma once

#include "schema/Schema.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace retort {

// Tables a comparison leaves out ([retort] drift_ignore): names or glob patterns (`*`, `?`,
// `[...]`), each matched against a table's name and against `schema.table`, so `audit_*`,
// `public.audit_*` and `reporting.*` all work. Views are matched the same way; a sequence owned
// by an ignored table goes with it.
class SchemaFilter
{
public:
    SchemaFilter() = default;
    // Comma-separated patterns; blanks around each are trimmed and empty ones skipped.
    static SchemaFilter parse(const QString &patterns);

    bool isEmpty() const { return m_patterns.isEmpty(); }
    const QStringList &patterns() const { return m_sources; }
    bool ignores(const QString &schemaName, const QString &name) const;
    // The schema without what this filter ignores.
    Schema apply(Schema schema) const;

private:
    QStringList m_sources;
    QList<QRegularExpression> m_patterns;
};

} // namespace retort
