#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// One Alembic verb to run as a child process, independent of how Alembic is invoked.
struct AlembicAction
{
    enum class Verb { Upgrade, Downgrade, Stamp, Heads, Merge, Autogenerate };

    Verb verb = Verb::Heads;
    QStringList targets; // revisions / ranges as Alembic takes them ("head", "ae1-1", "a:b")
    bool purge = false; // stamp --purge
    bool sql = false; // offline mode: print SQL instead of running it
    // merge and autogenerate: -m, --branch-label (merge), --rev-id (empty: left out)
    QString message;
    QString branchLabel;
    QString revId;

    static AlembicAction upgrade(const QString &target);
    static AlembicAction downgrade(const QString &target);
    static AlembicAction stamp(const QStringList &targets, bool purge = false);
    // Offline SQL: "A:B" (from A to B) or, for upgrade only, "B" (from base).
    static AlembicAction offlineUpgrade(const QString &range);
    static AlembicAction offlineDowngrade(const QString &range);
    // `heads`: harmless, reads the scripts only; used to check that a command works at all.
    static AlembicAction heads();
    // `merge`: a new revision whose parents are `revisions` (two or more). Writes a file,
    // touches no database.
    static AlembicAction merge(const QStringList &revisions, const QString &message, const QString &branchLabel,
                               const QString &revId);

    // `flask db migrate` / `alembic revision --autogenerate`: a new revision from comparing the
    // models with the database (which it reads, never changes).
    static AlembicAction autogenerate(const QString &message, const QString &revId);

    // The verb's words: "revision --autogenerate" is two for Alembic, "migrate" for Flask-Migrate.
    QString verbName() const;
    QStringList verbWords(bool flaskMigrate) const;
    QStringList options() const; // flags after the verb, e.g. --sql, --purge
    QStringList positionals() const; // the targets
    // Why the action cannot be run as given (e.g. downgrade --sql without a range); nullopt if ok.
    Fallible<void> validate() const;
};

} // namespace retort
