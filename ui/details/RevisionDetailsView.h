#pragma once

#include "command/ProjectSnapshot.h"
#include "db/SqlDialect.h"

#include <QWidget>

#include <optional>

class QTabWidget;
class QTextBrowser;

namespace retort::ui {

class ScriptView;

// The selected revision: its metadata (id, parents, children, labels, depends_on, date, file),
// its script, and the SQL a native revision runs on the connected dialect.
class RevisionDetailsView : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetailsView(QWidget *parent = nullptr);

    // `dialect` is the connected database's; without one the SQL tab shows every dialect's
    // default sections as SQLite would read them.
    void showRevision(const ProjectSnapshot &snapshot, RevIndex revision, std::optional<SqlDialect> dialect);
    void clear();
    // Shows the script tab scrolled to `line` (1-based), the line selected.
    void showLine(int line);

    QString metadataText() const;
    QString sqlText() const;
    ScriptView *scriptView() const { return m_script; }

private:
    QTextBrowser *m_metadata = nullptr;
    QTabWidget *m_tabs = nullptr;
    ScriptView *m_script = nullptr;
    ScriptView *m_sql = nullptr;
    QString m_sqlText;
};

} // namespace retort::ui
