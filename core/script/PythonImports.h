#pragma once

#include <QHash>
#include <QString>

#include <string_view>
#include <vector>

namespace retort {

// The names a module binds with its top-level import statements, each mapped to what it means
// as a dotted name: `from neutron.db.migration import cli` binds cli -> neutron.db.migration.cli,
// `import a.b as c` binds c -> a.b, `import a.b` binds a -> a. Relative imports are left out:
// they need the package the file is imported as, which a versions folder does not say.
// Statements are only noted as they come and parsed when a name is first qualified: most
// revision files take nothing from their imports, and parsing every import of 10,000 files was
// a good part of what `heads` cost.
class PythonImports
{
public:
    // Notes one top-level statement, which must outlive this object; anything that is not an
    // import is ignored.
    void read(std::string_view statement);
    // The dotted name `name` refers to through the imports read so far ("cli.EXPAND_BRANCH" ->
    // "neutron.db.migration.cli.EXPAND_BRANCH"); empty when its first part was not imported.
    QString qualify(const QString &name);
    bool isEmpty();

private:
    void parsePending();
    void parse(std::string_view statement);

    std::vector<std::string_view> m_pending;
    QHash<QString, QString> m_bound;
};

} // namespace retort
