#include "RevisionDetailsView.h"

#include "OfflineSqlLoader.h"
#include "SchemaChangesView.h"
#include "SchemaView.h"
#include "ScriptView.h"
#include "run/StepScript.h"

#include <QCoreApplication>
#include <QFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

QString joinIds(const RevisionMap &map, const RevIndexes &indexes)
{
    QStringList ids = map.ids(indexes);
    return ids.isEmpty() ? QStringLiteral("—") : ids.join(QStringLiteral(", "));
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><th align=left valign=top>%1</th><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

// The statements one direction runs, each preceded by the file line it starts on.
QString statementsText(const Revision &revision, PlanStep::Direction direction, SqlDialect dialect)
{
    const QString title =
        direction == PlanStep::Direction::Up ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
    QString text = QStringLiteral("-- %1 (%2)\n").arg(title, sqlDialectName(dialect));
    const auto loaded = StepScript::load(revision, direction, dialect);
    if (const auto *error = loaded.failure())
        return text + QCoreApplication::translate("RevisionDetailsView", "-- cannot read: ") + error->message
            + QLatin1Char('\n');
    const auto &script = loaded.value();
    if (script.statements.isEmpty())
        text += QCoreApplication::translate("RevisionDetailsView", "-- (no statements)") + u'\n';
    for (const SqlStatement &statement : script.statements)
        text += QCoreApplication::translate("RevisionDetailsView", "-- line %1").arg(statement.line) + u'\n'
            + statement.text + QStringLiteral(";\n");
    return text;
}

} // namespace

RevisionDetailsView::RevisionDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_metadata(new QTextBrowser(this))
    , m_tabs(new QTabWidget(this))
    , m_script(new ScriptView(this))
    , m_sql(new ScriptView(this))
    , m_offlineSql(new OfflineSqlLoader(this))
    , m_schema(new SchemaView(this))
    , m_changes(new SchemaChangesView(this))
    , m_lint(new QTreeWidget(this))
{
    m_lint->setObjectName(QStringLiteral("lintFindings"));
    m_lint->setRootIsDecorated(false);
    m_lint->setHeaderLabels({tr("Severity"), tr("Line"), tr("Rule"), tr("Message")});
    connect(m_lint, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { showLine(item->data(1, Qt::UserRole).toInt()); });
    connect(m_offlineSql, &OfflineSqlLoader::rendered, this, [this](const QString &revision, const QString &sql) {
        if (revision == m_revisionId)
            showSql(sql);
    });
    connect(m_offlineSql, &OfflineSqlLoader::failed, this, [this](const QString &revision, const QString &message) {
        if (revision != m_revisionId)
            return;
        QString text = tr("-- The project's Alembic command could not render %1 offline:\n").arg(revision);
        for (const QString &line : message.split(u'\n'))
            text += QStringLiteral("-- ") + line + u'\n';
        showSql(text);
    });
    m_metadata->setOpenLinks(false);
    m_tabs->addTab(m_script, tr("Script"));
    m_tabs->addTab(m_sql, tr("SQL"));
    m_tabs->addTab(m_schema, tr("Schema"));
    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->addTab(m_lint, tr("Lint"));
    setSchemaUnavailable(tr("The schema at each revision is shown once the history has been replayed."));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_sql)
            requestOfflineSql();
    });
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("detailsSplitter")); // its position is kept (WindowState)
    splitter->addWidget(m_metadata);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void RevisionDetailsView::showRevision(const ProjectSnapshot &snapshot, RevIndex index,
                                       std::optional<SqlDialect> dialect)
{
    const RevisionMap &map = snapshot.map();
    const Revision &revision = map.revision(index);
    m_title = orDash(revision.message).toHtmlEscaped();
    m_rows = row(tr("Revision"), revision.id);
    m_rows += row(tr("Parents"), orDash(revision.downRevisions.join(QStringLiteral(", "))));
    m_rows += row(tr("Children"), joinIds(map, map.children(index)));
    m_rows += row(tr("Branch labels"), orDash(map.branchLabels(index).join(QStringLiteral(", "))));
    m_rows += row(tr("Depends on"), orDash(revision.dependsOn.join(QStringLiteral(", "))));
    m_rows += row(tr("Created"), orDash(revision.createDate));
    m_rows += row(tr("File"), revision.path);
    m_rows += row(tr("Format"), revision.format == ScriptFormat::Sql ? tr("native SQL") : tr("Python (Alembic)"));
    m_revisionId = revision.id;
    m_revisionPath = revision.path;
    renderMetadata();

    QFile file(revision.path);
    if (file.open(QIODevice::ReadOnly))
        m_script->showScript(QString::fromUtf8(file.readAll()), revision.path);
    else
        m_script->showScript(tr("Cannot read %1: %2").arg(revision.path, file.errorString()), QString());

    renderLint();
    m_pythonRevision = revision.format == ScriptFormat::Python;
    if (m_pythonRevision) {
        showSql(tr("-- %1 is a Python revision: its SQL comes from the project's own Alembic command\n"
                   "-- (`upgrade --sql`, offline), rendered when this tab is shown.\n")
                    .arg(revision.id));
        if (m_tabs->currentWidget() == m_sql)
            requestOfflineSql();
    } else {
        const SqlDialect shown = dialect.value_or(SqlDialect::Sqlite);
        showSql(statementsText(revision, PlanStep::Direction::Up, shown) + QLatin1Char('\n')
                + statementsText(revision, PlanStep::Direction::Down, shown));
    }
}

void RevisionDetailsView::showSql(const QString &text)
{
    m_sqlText = text;
    m_sql->showScript(m_sqlText, QStringLiteral("statements.sql"));
}

void RevisionDetailsView::setOfflineSqlSource(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                                              const QString &workingDirectory)
{
    m_offlineSql->setProject(std::move(project), url, workingDirectory);
    if (m_pythonRevision && m_tabs->currentWidget() == m_sql)
        requestOfflineSql();
}

void RevisionDetailsView::showSqlTab()
{
    m_tabs->setCurrentWidget(m_sql);
}

void RevisionDetailsView::requestOfflineSql()
{
    if (m_revisionId.isEmpty() || !m_pythonRevision)
        return;
    showSql(tr("-- rendering %1 with the project's Alembic command (offline)…\n").arg(m_revisionId));
    m_offlineSql->load(m_revisionId);
}

void RevisionDetailsView::setGitHistory(std::shared_ptr<const GitHistory> history)
{
    m_provenance.setGitHistory(std::move(history));
    renderMetadata();
}

void RevisionDetailsView::setJournal(const JournalLog &log)
{
    m_provenance.setJournal(log);
    renderMetadata();
}

void RevisionDetailsView::setJournalUnavailable(const QString &reason)
{
    m_provenance.setJournalUnavailable(reason);
    renderMetadata();
}

void RevisionDetailsView::renderMetadata()
{
    if (m_revisionId.isEmpty()) {
        m_metadata->clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=4>").arg(m_title) + m_rows;
    const QString added = m_provenance.addedText(m_revisionPath);
    if (!added.isEmpty())
        html += row(tr("Git"), added);
    html += row(tr("Journal"), m_provenance.journalLines(m_revisionId).join(QLatin1Char('\n')));
    html += QStringLiteral("</table>");
    m_metadata->setHtml(html);
}

void RevisionDetailsView::clear()
{
    m_revisionId.clear();
    m_revisionPath.clear();
    m_pythonRevision = false;
    m_metadata->clear();
    m_script->showScript(QString(), QString());
    m_sqlText.clear();
    m_sql->showScript(QString(), QString());
}

void RevisionDetailsView::setLintFindings(const QHash<QString, LintFindings> &findings)
{
    m_lintFindings = findings;
    renderLint();
}

void RevisionDetailsView::showLintTab()
{
    m_tabs->setCurrentWidget(m_lint);
}

void RevisionDetailsView::renderLint()
{
    m_lint->clear();
    const LintFindings findings = m_lintFindings.value(m_revisionId);
    for (const LintFinding &finding : findings) {
        auto *item = new QTreeWidgetItem(
            m_lint, {lintSeverityName(finding.severity), QString::number(finding.line), finding.rule, finding.message});
        item->setData(1, Qt::UserRole, finding.line);
        const QString tip = finding.statement.simplified() + QStringLiteral("\n\n") + finding.advice;
        for (int column = 0; column < 4; ++column)
            item->setToolTip(column, tip);
        if (finding.severity == LintSeverity::Error)
            item->setForeground(0, QColor(0xc0, 0x39, 0x2b));
    }
    m_lint->resizeColumnToContents(0);
    m_lint->resizeColumnToContents(1);
    m_lint->resizeColumnToContents(2);
    m_tabs->setTabText(m_tabs->indexOf(m_lint), findings.isEmpty() ? tr("Lint") : tr("Lint (%1)").arg(findings.size()));
}

void RevisionDetailsView::showLine(int line)
{
    if (line <= 0)
        return;
    m_tabs->setCurrentWidget(m_script);
    const int zeroBased = line - 1;
    m_script->setCursorPosition(zeroBased, 0);
    m_script->ensureLineVisible(zeroBased);
    QString text = m_script->text(zeroBased);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    // Selected from its end back to its start, so the caret stays on the line.
    m_script->setSelection(zeroBased, int(text.size()), zeroBased, 0);
}

QString RevisionDetailsView::metadataText() const
{
    return m_metadata->toPlainText();
}

QString RevisionDetailsView::sqlText() const
{
    return m_sqlText;
}

void RevisionDetailsView::setSchema(const Schema &schema, const SchemaChanges &changes, const QString &caption)
{
    m_schema->setSchema(schema, caption);
    m_changes->setChanges(changes,
                          changes.isEmpty()
                              ? tr("This revision changes no table, view or constraint.")
                              : tr("%n change(s) against the parent revision(s).", nullptr, int(changes.size())));
}

void RevisionDetailsView::setSchemaUnavailable(const QString &reason)
{
    m_schema->setUnavailable(reason);
    m_changes->setUnavailable(reason);
}

void RevisionDetailsView::showSchemaTab()
{
    m_tabs->setCurrentWidget(m_schema);
}

void RevisionDetailsView::showChangesTab()
{
    m_tabs->setCurrentWidget(m_changes);
}

} // namespace retort::ui
