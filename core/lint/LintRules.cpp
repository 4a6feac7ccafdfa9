#include "LintRules.h"

namespace retort {

namespace {

QList<LintRule> buildRules()
{
    using S = LintSeverity;
    return {
        // Destructive.
        {QStringLiteral("ban-drop-table"), S::Error,
         QStringLiteral("The table and every row in it are gone, and the running application may still use it. Stop "
                        "using the table in a release first, back it up, and drop it in a later revision.")},
        {QStringLiteral("ban-drop-column"), S::Error,
         QStringLiteral("The column's data is gone and the running application may still read or write it. Stop "
                        "using the column in a release first, then drop it in a later revision.")},
        {QStringLiteral("ban-drop-database"), S::Error,
         QStringLiteral("Dropping a database deletes everything in it; it does not belong in a migration.")},
        {QStringLiteral("ban-drop-schema"), S::Error,
         QStringLiteral("Dropping a schema deletes every table in it. Drop the objects one by one in revisions of "
                        "their own, after the application stopped using them.")},
        {QStringLiteral("ban-truncate"), S::Error,
         QStringLiteral("TRUNCATE deletes every row and takes an ACCESS EXCLUSIVE lock. Delete the rows you mean "
                        "with a WHERE clause, or drop the table once nothing uses it.")},
        {QStringLiteral("ban-truncate-cascade"), S::Error,
         QStringLiteral("TRUNCATE ... CASCADE also empties every table that references this one, which may be far "
                        "more than intended. Truncate the tables you mean by name.")},
        {QStringLiteral("delete-without-where"), S::Error,
         QStringLiteral("DELETE without WHERE removes every row. Add the WHERE clause that names the rows to go.")},
        {QStringLiteral("update-without-where"), S::Warning,
         QStringLiteral("UPDATE without WHERE rewrites every row and locks them all. Restrict it with WHERE, or "
                        "backfill in batches outside the migration.")},
        {QStringLiteral("changing-column-type"), S::Warning,
         QStringLiteral("Changing a column's type can lose data (narrower types, casts) and in PostgreSQL usually "
                        "rewrites the table under an ACCESS EXCLUSIVE lock. Add a new column, backfill it, switch "
                        "the application, then drop the old column.")},
        {QStringLiteral("ban-drop-not-null"), S::Warning,
         QStringLiteral("The application may rely on the column never being NULL. Make sure every reader handles "
                        "NULL before dropping the constraint.")},
        {QStringLiteral("drop-column-default"), S::Warning,
         QStringLiteral("Inserts that leave the column out relied on its default; on a NOT NULL column they now "
                        "fail. Make the application set the value first.")},
        // PostgreSQL locking and rewrites.
        {QStringLiteral("require-concurrent-index-creation"), S::Warning,
         QStringLiteral("CREATE INDEX blocks writes to the table until the index is built. Use CREATE INDEX "
                        "CONCURRENTLY in a step marked \"-- Transactional: no\".")},
        {QStringLiteral("require-concurrent-index-deletion"), S::Warning,
         QStringLiteral("DROP INDEX takes an ACCESS EXCLUSIVE lock on the table. Use DROP INDEX CONCURRENTLY in a "
                        "step marked \"-- Transactional: no\".")},
        {QStringLiteral("adding-foreign-key-constraint"), S::Warning,
         QStringLiteral("Adding a foreign key checks every row while both tables are locked against writes. Add it "
                        "NOT VALID, then VALIDATE CONSTRAINT in a later statement (which does not block writes).")},
        {QStringLiteral("constraint-missing-not-valid"), S::Warning,
         QStringLiteral("Adding a CHECK constraint scans the table under an ACCESS EXCLUSIVE lock. Add it NOT VALID, "
                        "then VALIDATE CONSTRAINT separately.")},
        {QStringLiteral("adding-required-field"), S::Error,
         QStringLiteral("A NOT NULL column without a default fails on a table that has rows. Give it a "
                        "non-volatile DEFAULT, or add it nullable, backfill, then set NOT NULL.")},
        {QStringLiteral("adding-not-nullable-field"), S::Warning,
         QStringLiteral("SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Add CHECK (col IS NOT "
                        "NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12 and later skip the scan).")},
        {QStringLiteral("adding-field-with-default"), S::Warning,
         QStringLiteral("This default makes PostgreSQL rewrite the table under an ACCESS EXCLUSIVE lock (before "
                        "version 11 any default does; from 11 only a volatile one). Add the column without a "
                        "default, set the default, and backfill in batches.")},
        {QStringLiteral("disallowed-unique-constraint"), S::Warning,
         QStringLiteral("Adding a UNIQUE constraint builds its index while the table is locked. Build a unique index "
                        "CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX.")},
        {QStringLiteral("renaming-column"), S::Warning,
         QStringLiteral("The running application still uses the old name and fails until it is redeployed. Add the "
                        "new column, write to both, switch readers, then drop the old one.")},
        {QStringLiteral("renaming-table"), S::Warning,
         QStringLiteral("The running application still uses the old name and fails until it is redeployed. Rename "
                        "in a release of its own, or keep a view with the old name meanwhile.")},
        {QStringLiteral("require-timeout-settings"), S::Notice,
         QStringLiteral("This step takes an ACCESS EXCLUSIVE lock; waiting for it queues every other query on the "
                        "table. Start the step with SET lock_timeout = '5s' (and a statement_timeout) so it fails "
                        "fast instead.")},
        // Transactions.
        {QStringLiteral("ban-concurrent-index-creation-in-transaction"), S::Error,
         QStringLiteral("CONCURRENTLY cannot run inside a transaction block and the step runs in one. Put the "
                        "statement in a revision marked \"-- Transactional: no\".")},
        {QStringLiteral("transaction-nesting"), S::Error,
         QStringLiteral("The step already runs in one transaction; BEGIN / COMMIT / ROLLBACK inside it ends that "
                        "transaction early, so the version table and the schema can disagree. Remove it, or mark the "
                        "revision \"-- Transactional: no\".")},
        // SQLite.
        {QStringLiteral("sqlite-unsupported-alter"), S::Error,
         QStringLiteral("SQLite's ALTER TABLE only renames a table or column, adds a column (no PRIMARY KEY or "
                        "UNIQUE, NOT NULL only with a default) and drops a column; anything else fails at run time. "
                        "Rebuild the table: create the new one, copy the rows, drop the old, rename.")},
        // History.
        {QStringLiteral("missing-downgrade"), S::Warning,
         QStringLiteral("The revision cannot be undone. Write a downgrade that reverses the upgrade.")},
        {QStringLiteral("empty-downgrade"), S::Warning,
         QStringLiteral("The upgrade changes the schema but the downgrade does nothing, so downgrading leaves the "
                        "schema and the version table out of step. Write the reverse statements.")},
        {QStringLiteral("edited-applied-script"), S::Error,
         QStringLiteral("The database ran an earlier version of this script; the edit never runs there and the "
                        "databases drift apart. Revert the edit and make the change in a new revision.")},
    };
}

} // namespace

const QList<LintRule> &lintRules()
{
    static const QList<LintRule> rules = buildRules();
    return rules;
}

const LintRule *lintRule(QStringView id)
{
    for (const LintRule &rule : lintRules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

LintFinding makeFinding(const QString &id, int line, const QString &message, const QString &statement)
{
    LintFinding finding;
    finding.rule = id;
    finding.line = line;
    finding.message = message;
    finding.statement = statement;
    if (const LintRule *rule = lintRule(id)) {
        finding.severity = rule->severity;
        finding.advice = rule->advice;
    }
    return finding;
}

} // namespace retort
