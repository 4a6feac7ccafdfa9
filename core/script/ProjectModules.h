#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

struct ProjectConfig;

// The project's own Python modules, read without running them, so that a revision that takes
// an identifier from one (OpenStack style: `branch_labels = (cli.EXPAND_BRANCH,)` after
// `from neutron.db.migration import cli`) can still be read statically. A module is a file
// under one of the import roots; only its top-level assignments of string literals count.
// Thread-safe: revision files are read in parallel.
class ProjectModules
{
public:
    explicit ProjectModules(QStringList importRoots);

    // Where the project's modules are imported from, as Alembic and the application would:
    // alembic.ini's prepend_sys_path, the directory above the migrations folder, the directory
    // above the outermost package holding it (walking up while __init__.py is there), and the
    // repository root (the nearest directory above with a .git).
    static QStringList importRootsFor(const ProjectConfig &config);

    // The string `qualifiedName` (module.path.NAME) is assigned at the top of its module;
    // nullopt when no such module file exists or NAME is not a string literal there.
    std::optional<QString> stringConstant(const QString &qualifiedName) const;

    const QStringList &importRoots() const { return m_roots; }

private:
    QString moduleFile(const QString &module) const;
    QHash<QString, QString> constantsOf(const QString &file) const;

    QStringList m_roots;
    // By module file; a cache that revision files read on several threads share.
    mutable QMutex m_mutex;
    mutable QHash<QString, QHash<QString, QString>> m_constants;
};

} // namespace retort
