#pragma once

#include "lint/LintFinding.h"

#include "RevisionProvenance.h"
#include "command/ProjectSnapshot.h"
#include "db/SqlDialect.h"
#include "schema/Schema.h"
#include "schema/SchemaChange.h"

#include <QWidget>

#include <optional>

class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QTextBrowser;

namespace retort::ui {

class OfflineSqlLoader;
class SchemaChangesView;
class SchemaView;
class ScriptView;

// The selected revision: its metadata (id, parents, children, labels, depends_on, date, file),
// who added it (git) and who applied or reverted it (the journal), its script, and the SQL a
// native revision runs on the connected dialect.
class RevisionDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetailsView(QWidget *parent = nullptr);

    // `dialect` is the connected database's; without one the SQL tab shows every dialect's
    // default sections as SQLite would read them.
    void showRevision(const ProjectSnapshot &snapshot, RevIndex revision, std::optional<SqlDialect> dialect);
    void clear();
    // Both re-render the revision shown.
    void setGitHistory(std::shared_ptr<const retort::GitHistory> history);
    void setJournal(const retort::JournalLog &log);
    // No journal to show: not connected, or reading it failed (`reason` is shown instead).
    void setJournalUnavailable(const QString &reason);
    // Where a Python revision's SQL comes from: the project's Alembic, offline, for this URL's
    // dialect (empty: the project's own URL). Rendered when the SQL tab is shown.
    void setOfflineSqlSource(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                             const QString &workingDirectory);
    // Shows the SQL tab (and, for a Python revision, starts rendering it).
    void showSqlTab();
    // The schema at the revision shown and what it changes against its parent(s), from the
    // shadow replay; `caption` says which revision and dialect.
    void setSchema(const Schema &schema, const SchemaChanges &changes, const QString &caption);
    // No schema for the revision shown (not replayed yet, failed): `reason` says why.
    void setSchemaUnavailable(const QString &reason);
    void showSchemaTab();
    void showChangesTab();
    SchemaView *schemaView() const { return m_schema; }
    SchemaChangesView *changesView() const { return m_changes; }
    // Shows the script tab scrolled to `line` (1-based), the line selected.
    void showLine(int line);
    // Lint findings by revision id (LintLoader); the Lint tab lists the shown revision's, and a
    // double-click on one shows its line in the script.
    void setLintFindings(const QHash<QString, LintFindings> &findings);
    void showLintTab();
    QTreeWidget *lintView() const { return m_lint; }

    QString metadataText() const;
    QString sqlText() const;
    ScriptView *scriptView() const { return m_script; }

private:
    void renderMetadata();
    void showSql(const QString &text);
    void requestOfflineSql();
    void renderLint();

    RevisionProvenance m_provenance;
    QString m_title; // escaped HTML
    QString m_rows; // escaped HTML table rows of the revision's own metadata
    QString m_revisionId; // empty: nothing shown
    QString m_revisionPath;
    bool m_pythonRevision = false;
    QTextBrowser *m_metadata = nullptr;
    QTabWidget *m_tabs = nullptr;
    ScriptView *m_script = nullptr;
    ScriptView *m_sql = nullptr;
    QString m_sqlText;
    OfflineSqlLoader *m_offlineSql = nullptr;
    SchemaView *m_schema = nullptr;
    SchemaChangesView *m_changes = nullptr;
    QTreeWidget *m_lint = nullptr;
    QHash<QString, LintFindings> m_lintFindings;
};

} // namespace retort::ui
