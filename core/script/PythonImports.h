#pragma once

#include <QHash>
#include <QString>

#include <string_view>

namespace retort {

// The names a module binds with its top-level import statements, each mapped to what it means
// as a dotted name: `from neutron.db.migration import cli` binds cli -> neutron.db.migration.cli,
// `import a.b as c` binds c -> a.b, `import a.b` binds a -> a. Relative imports are left out:
// they need the package the file is imported as, which a versions folder does not say.
class PythonImports
{
public:
    // Reads one top-level statement; anything that is not an import is ignored.
    void read(std::string_view statement);
    // The dotted name `name` refers to through the imports ("cli.EXPAND_BRANCH" ->
    // "neutron.db.migration.cli.EXPAND_BRANCH"); empty when its first part was not imported.
    QString qualify(const QString &name) const;
    bool isEmpty() const { return m_bound.isEmpty(); }

private:
    QHash<QString, QString> m_bound;
};

} // namespace retort
