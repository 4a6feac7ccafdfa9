#include "ChangeSets.h"

#include "schema/SchemaDiff.h"

#include <optional>

namespace retort {

QHash<QString, SchemaChanges> changeSets(const RevisionMap &map, const QHash<QString, Schema> &schemas)
{
    QHash<QString, SchemaChanges> sets;
    for (RevIndex i = 0; i < map.size(); ++i) {
        const QString &id = map.revision(i).id;
        const auto own = schemas.constFind(id);
        if (own == schemas.constEnd())
            continue;
        const RevIndexes &parents = map.downRevisions(i);
        if (parents.empty()) {
            Schema empty;
            empty.dialect = own->dialect;
            sets.insert(id, SchemaDiff::between(empty, *own));
            continue;
        }
        std::optional<SchemaChanges> shared;
        for (RevIndex parent : parents) {
            const auto before = schemas.constFind(map.revision(parent).id);
            if (before == schemas.constEnd()) {
                shared.reset();
                break;
            }
            const SchemaChanges changes = SchemaDiff::between(*before, *own);
            if (!shared) {
                shared = changes;
                continue;
            }
            SchemaChanges common;
            for (const SchemaChange &change : std::as_const(*shared)) {
                if (changes.contains(change))
                    common.append(change);
            }
            shared = common;
        }
        if (shared)
            sets.insert(id, *shared);
    }
    return sets;
}

} // namespace retort
