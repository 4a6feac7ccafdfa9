#include "MainWindow.h"

#include "graph/GraphExporter.h"

#include "details/RevisionDetailsView.h"
#include "dialogs/ConfirmationDialog.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionFilterProxy.h"
#include "graph/RevisionGraphDelegate.h"
#include "graph/RevisionGraphModel.h"
#include "project/RecentProjects.h"
#include "project/UrlChoices.h"
#include "run/StepDescription.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

// The folder a drop names: the folder itself, or the one holding a dropped file.
QString droppedFolder(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir())
            return info.absoluteFilePath();
        if (info.isFile())
            return info.absolutePath();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new RevisionGraphModel(this))
    , m_proxy(new RevisionFilterProxy(this))
    , m_delegate(new RevisionGraphDelegate(this))
    , m_problems(new ProblemListModel(this))
    , m_controller(new MigrationController(this))
{
    m_proxy->setSourceModel(m_model);
    setConfirmer([this](const PlanSummary &summary) { return ConfirmationDialog::confirm(summary, this); });
    m_errorPresenter = [this](const RunError &error) {
        QMessageBox::critical(this, tr("Migration failed"), error.toString());
    };
    createLayout();
    createActions();

    connect(m_controller, &MigrationController::connected, this, [this](const QString &displayUrl) {
        appendLog(tr("Connected to %1").arg(displayUrl));
        m_stateError.clear();
        updateTitle();
        updateActions();
    });
    connect(m_controller, &MigrationController::connectionFailed, this, [this](const RunError &error) {
        m_model->clearDatabaseState();
        m_stateError = error.message;
        appendLog(tr("Not connected: %1").arg(error.toString()));
        updateTitle();
        updateActions();
        updateStatus();
    });
    connect(m_controller, &MigrationController::stateRead, this, [this](const CurrentState &state) {
        m_stateError.clear();
        m_model->setDatabaseHeads(state.heads);
        updateActions();
        updateStatus();
    });
    connect(m_controller, &MigrationController::stateFailed, this, [this](const RunError &error) {
        m_stateError = error.message;
        appendLog(error.toString());
        updateStatus();
    });
    connect(m_controller, &MigrationController::busyChanged, this, [this](bool busy) {
        m_cancel->setVisible(busy);
        m_cancel->setEnabled(busy);
        if (!busy)
            m_progress->setVisible(false);
        updateActions();
    });
    connect(m_controller, &MigrationController::planFailed, this, &MainWindow::showRunError);
    connect(m_controller, &MigrationController::runStarted, this, [this](const PlanSummary &summary) {
        appendLog(summary.title());
        m_progress->setRange(0, int(summary.steps.size()));
        m_progress->setValue(0);
        m_progress->setVisible(true);
    });
    connect(m_controller, &MigrationController::stepStarted, this,
            [this](int index, int count, const PlanStep &step) {
                const QString name = step.revision.isEmpty() ? step.toRevisions.join(QStringLiteral(", ")) : step.revision;
                m_progress->setRange(0, count);
                m_progress->setValue(index);
                m_progress->setFormat(tr("step %1 of %2: %3").arg(index + 1).arg(count).arg(name));
                appendLog(tr("Running %1").arg(describeStep(step)));
            });
    connect(m_controller, &MigrationController::stepFinished, this,
            [this](int index, int, const PlanStep &step, qint64 elapsedMs) {
                m_progress->setValue(index + 1);
                appendLog(tr("Done %1 (%2 ms)").arg(describeStep(step)).arg(elapsedMs));
            });
    connect(m_controller, &MigrationController::logLine, this, &MainWindow::appendLog);
    connect(m_controller, &MigrationController::runFinished, this, &MainWindow::onRunFinished);

    setAcceptDrops(true);
    resize(1280, 800);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_graph = new QTreeView(this);
    m_graph->setObjectName(QStringLiteral("revisionGraph"));
    m_graph->setModel(m_proxy);
    m_graph->setItemDelegate(m_delegate);
    m_graph->setRootIsDecorated(false);
    m_graph->setUniformRowHeights(true);
    m_graph->setAllColumnsShowFocus(true);
    m_graph->setSelectionMode(QAbstractItemView::SingleSelection);
    m_graph->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_graph->header()->setStretchLastSection(false);
    m_graph->header()->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    m_graph->setColumnWidth(RevisionGraphModel::IdColumn, 110);
    m_graph->setColumnWidth(RevisionGraphModel::DateColumn, 130);
    m_graph->setColumnWidth(RevisionGraphModel::LabelsColumn, 170);
    connect(m_graph->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showSelection();
        updateActions();
    });

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter: id prefix, message or label"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        m_delegate->setNodesOnly(m_proxy->isFiltering());
        m_graph->viewport()->update();
    });

    m_problemView = new QListView(this);
    m_problemView->setObjectName(QStringLiteral("problems"));
    m_problemView->setModel(m_problems);
    m_problemView->setUniformItemSizes(true);
    connect(m_problemView, &QListView::clicked, this, [this](const QModelIndex &index) {
        selectRevision(index.data(ProblemListModel::RevisionRole).toString());
        const int line = index.data(ProblemListModel::LineRole).toInt();
        if (line > 0)
            m_details->showLine(line);
    });

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);

    auto *bottomTabs = new QTabWidget(this);
    bottomTabs->addTab(m_problemView, tr("Problems"));
    bottomTabs->addTab(m_log, tr("Log"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    auto *leftSplitter = new QSplitter(Qt::Vertical, left);
    leftSplitter->addWidget(m_graph);
    leftSplitter->addWidget(bottomTabs);
    leftSplitter->setStretchFactor(0, 4);
    leftSplitter->setStretchFactor(1, 1);
    leftLayout->addWidget(leftSplitter);

    m_details = new RevisionDetailsView(this);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_progress->setMinimumWidth(280);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop after the step that is running (a step in flight always finishes or rolls back)"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller->cancel();
        m_cancel->setEnabled(false);
        appendLog(tr("Cancelling after the current step…"));
    });
    m_databaseStatus = new QLabel(this);
    statusBar()->addWidget(m_databaseStatus, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Folder…"), this, &MainWindow::openFolderDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    fileMenu->addSeparator();
    QAction *exportGraph = fileMenu->addAction(tr("&Export Graph…"), this, &MainWindow::exportGraphDialog);
    exportGraph->setObjectName(QStringLiteral("exportGraph"));
    exportGraph->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportGraph->setToolTip(tr("Save the whole revision graph as an SVG or PNG file"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    const auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut,
                             const QString &tip, auto handler) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setData(tip);
        connect(action, &QAction::triggered, this, handler);
        return action;
    };
    m_upgradeHead = make(QStringLiteral("upgradeHead"), tr("Upgrade to Head"), QKeySequence(tr("Ctrl+U")),
                         tr("Apply every pending revision (upgrade heads)"),
                         [this] { runRequest(MigrationRequest::upgrade(QStringLiteral("heads"))); });
    m_upgradeOne = make(QStringLiteral("upgradeOne"), tr("Upgrade One Step"), QKeySequence(tr("Ctrl+]")),
                        tr("Apply the next revision (upgrade +1)"),
                        [this] { runRequest(MigrationRequest::upgrade(QStringLiteral("+1"))); });
    m_upgradeSelected = make(QStringLiteral("upgradeSelected"), tr("Upgrade to Selected"),
                             QKeySequence(tr("Ctrl+Shift+U")), tr("Apply revisions up to the selected one"),
                             [this] { runRequest(MigrationRequest::upgrade(selectedRevision())); });
    m_downgradeOne = make(QStringLiteral("downgradeOne"), tr("Downgrade One Step"), QKeySequence(tr("Ctrl+[")),
                          tr("Revert the last applied revision (downgrade -1)"),
                          [this] { runRequest(MigrationRequest::downgrade(QStringLiteral("-1"))); });
    m_downgradeSelected = make(QStringLiteral("downgradeSelected"), tr("Downgrade to Selected"),
                               QKeySequence(tr("Ctrl+Shift+D")),
                               tr("Revert revisions above the selected one"),
                               [this] { runRequest(MigrationRequest::downgrade(selectedRevision())); });
    m_stampSelected = make(QStringLiteral("stampSelected"), tr("Stamp Selected"), QKeySequence(tr("Ctrl+Shift+S")),
                           tr("Write the selected revision into the version table without running anything"),
                           [this] { runRequest(MigrationRequest::stamp({selectedRevision()})); });
    m_refresh = make(QStringLiteral("refresh"), tr("Refresh"), QKeySequence::Refresh,
                     tr("Read the project and the version table again"), [this] {
                         if (!m_directory.isEmpty())
                             openProject(m_directory, m_url->currentData().toString());
                     });

    QMenu *databaseMenu = menuBar()->addMenu(tr("&Database"));
    for (QAction *action : {m_upgradeHead, m_upgradeOne, m_upgradeSelected, m_downgradeOne, m_downgradeSelected,
                            m_stampSelected})
        databaseMenu->addAction(action);
    databaseMenu->addSeparator();
    databaseMenu->addAction(m_refresh);

    QToolBar *toolbar = addToolBar(tr("Database"));
    toolbar->setObjectName(QStringLiteral("databaseToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Database: "), toolbar));
    m_url = new QComboBox(toolbar);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setMinimumWidth(320);
    m_url->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_url->lineEdit()->setPlaceholderText(tr("sqlite:///app.db or postgresql://user@host/db"));
    connect(m_url, &QComboBox::activated, this, [this](int index) { connectTo(m_url->itemData(index).toString()); });
    connect(m_url->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const QString text = m_url->currentText().trimmed();
        const int index = m_url->findText(text);
        connectTo(index >= 0 ? m_url->itemData(index).toString() : text);
    });
    toolbar->addWidget(m_url);
    toolbar->addSeparator();
    for (QAction *action : {m_upgradeHead, m_upgradeOne, m_upgradeSelected, m_downgradeOne, m_downgradeSelected,
                            m_stampSelected, m_refresh})
        toolbar->addAction(action);
}

void MainWindow::setConfirmer(MigrationController::Confirmer confirmer)
{
    m_controller->setConfirmer(std::move(confirmer));
}

void MainWindow::openProject(const QString &directory, const QString &url)
{
    const QString absolute = QDir(directory).absolutePath();
    const auto snapshot = ProjectSnapshot::load(absolute, QDir::currentPath());
    m_directory = absolute;
    m_model->setSnapshot(snapshot);
    m_problems->setProblems(snapshot->problems());
    m_details->clear();
    m_graph->setColumnWidth(RevisionGraphModel::GraphColumn,
                            RevisionGraphDelegate::LaneWidth * qMax(2, m_model->maxLaneCount())
                                + 2 * RevisionGraphDelegate::Margin);
    if (m_model->rowCount() > 0)
        m_graph->setCurrentIndex(m_proxy->index(0, RevisionGraphModel::MessageColumn));
    RecentProjects::addProject(absolute);
    rebuildRecentMenu();
    fillUrlChoices(url);
    connectTo(m_url->count() > 0 ? m_url->itemData(m_url->currentIndex()).toString() : url);
}

void MainWindow::connectTo(const QString &url)
{
    if (!m_model->snapshot())
        return;
    m_model->clearDatabaseState();
    if (!url.isEmpty()) {
        RecentProjects::addUrl(url);
        const int index = m_url->findData(url);
        if (index >= 0)
            m_url->setCurrentIndex(index);
        else
            m_url->setEditText(maskedUrl(url));
    }
    m_stateError = tr("connecting…");
    m_controller->open(m_model->snapshot(), url, QDir::currentPath());
    updateTitle();
    updateStatus();
}

void MainWindow::fillUrlChoices(const QString &given)
{
    const auto snapshot = m_model->snapshot();
    const QList<UrlChoice> choices = urlChoices(snapshot->config(), given, QProcessEnvironment::systemEnvironment(),
                                                RecentProjects::urls());
    m_url->clear();
    for (const UrlChoice &choice : choices) {
        m_url->addItem(choice.display, choice.url);
        m_url->setItemData(m_url->count() - 1, choice.source, Qt::ToolTipRole);
    }
    if (!choices.isEmpty())
        m_url->setCurrentIndex(0);
}

void MainWindow::openFolderDialog()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open Migrations Folder"), m_directory);
    if (!directory.isEmpty())
        openProject(directory);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList projects = RecentProjects::projects();
    for (const QString &project : projects)
        m_recentMenu->addAction(project, this, [this, project] { openProject(project); });
    m_recentMenu->setEnabled(!projects.isEmpty());
}

void MainWindow::updateTitle()
{
    if (m_directory.isEmpty()) {
        setWindowTitle(tr("Retort"));
        return;
    }
    const QString project = QFileInfo(m_directory).fileName();
    QString url = m_controller->isConnected() ? m_controller->displayUrl() : QString();
    if (url.isEmpty() && m_url->currentIndex() >= 0)
        url = m_url->currentText();
    setWindowTitle(url.isEmpty() ? tr("%1 - Retort").arg(project) : tr("%1 (%2) - Retort").arg(project, url));
}

void MainWindow::updateActions()
{
    const bool project = m_model->snapshot() != nullptr;
    const bool connected = m_controller->isConnected();
    const bool busy = m_controller->isBusy();
    const QString selected = selectedRevision();
    const int row = m_model->rowOfRevision(selected);
    const bool known = m_model->hasDatabaseState();
    const auto selectedState = row >= 0 ? m_model->state(row) : RevisionGraphModel::State::Pending;

    QString common;
    if (!project)
        common = tr("Open a project first (File > Open Folder).");
    else if (!connected)
        common = tr("Connect to a database first: choose or type its URL in the toolbar.");
    else if (busy)
        common = tr("Wait for the run in progress to finish, or cancel it.");

    const auto apply = [](QAction *action, const QString &reason) {
        action->setEnabled(reason.isEmpty());
        const QString tip = action->data().toString();
        action->setToolTip(reason.isEmpty() ? tip : tip + QStringLiteral("\n") + tr("Unavailable: %1").arg(reason));
    };
    const QString noSelection = row < 0 ? tr("Select a revision in the graph.") : QString();
    const bool nothingPending = known && m_model->pendingCount() == 0;
    const bool atBase = known && m_model->databaseHeads().isEmpty();

    apply(m_upgradeHead, !common.isEmpty() ? common : nothingPending ? tr("Nothing is pending.") : QString());
    apply(m_upgradeOne, !common.isEmpty() ? common : nothingPending ? tr("Nothing is pending.") : QString());
    apply(m_upgradeSelected, !common.isEmpty()     ? common
                             : !noSelection.isEmpty() ? noSelection
                             : known && selectedState != RevisionGraphModel::State::Pending
                                 ? tr("The selected revision is already applied.")
                                 : QString());
    apply(m_downgradeOne, !common.isEmpty() ? common : atBase ? tr("The database is at base.") : QString());
    apply(m_downgradeSelected, !common.isEmpty()     ? common
                               : !noSelection.isEmpty() ? noSelection
                               : known && selectedState != RevisionGraphModel::State::Applied
                                   ? tr("Only a revision below the current one can be a downgrade target.")
                                   : QString());
    apply(m_stampSelected, !common.isEmpty() ? common : noSelection);
    apply(m_refresh, !project ? tr("Open a project first (File > Open Folder).")
                     : busy   ? tr("Wait for the run in progress to finish, or cancel it.")
                              : QString());
}

void MainWindow::updateStatus()
{
    if (!m_model->snapshot()) {
        m_databaseStatus->clear();
        return;
    }
    QString text = tr("%n revision(s)", nullptr, m_model->rowCount());
    if (!m_model->hasDatabaseState()) {
        text += QStringLiteral(" · ")
                + (m_stateError.isEmpty() ? tr("database not read") : tr("database: %1").arg(m_stateError));
    } else {
        const QStringList heads = m_model->databaseHeads();
        text += QStringLiteral(" · ")
                + tr("database at %1").arg(heads.isEmpty() ? tr("base")
                                                           : [&] {
                                                                 QStringList shortIds;
                                                                 for (const QString &head : heads)
                                                                     shortIds.append(RevisionGraphModel::shortId(head));
                                                                 return shortIds.join(QStringLiteral(", "));
                                                             }());
        text += QStringLiteral(" · ") + tr("%n pending", nullptr, m_model->pendingCount());
        if (heads.size() > 1)
            text += QStringLiteral(" · ⚠ ") + tr("%n heads in the version table", nullptr, int(heads.size()));
    }
    m_databaseStatus->setText(text);
}

QString MainWindow::selectedRevision() const
{
    const QModelIndex current = m_graph->currentIndex();
    return current.isValid() ? current.data(RevisionGraphModel::RevisionIdRole).toString() : QString();
}

void MainWindow::selectRevision(const QString &id)
{
    const int row = m_model->rowOfRevision(id);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, RevisionGraphModel::MessageColumn));
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(row, RevisionGraphModel::MessageColumn));
    }
    m_graph->setCurrentIndex(index);
    m_graph->scrollTo(index);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

QString MainWindow::logText() const
{
    return m_log->toPlainText();
}

void MainWindow::showSelection()
{
    const auto snapshot = m_model->snapshot();
    const QModelIndex current = m_graph->currentIndex();
    if (!snapshot || !current.isValid()) {
        m_details->clear();
        return;
    }
    m_details->showRevision(*snapshot, current.data(RevisionGraphModel::RevisionIndexRole).toInt(),
                            m_controller->dialect());
}

void MainWindow::runRequest(const MigrationRequest &request)
{
    appendLog(tr("Planning %1 %2").arg(request.verb(), request.targets.join(QLatin1Char(' '))));
    m_controller->request(request);
}

void MainWindow::appendLog(const QString &line)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + line);
}

void MainWindow::onRunFinished(const RunOutcome &outcome)
{
    if (outcome.error) {
        showRunError(*outcome.error);
    } else if (outcome.cancelled) {
        appendLog(tr("Cancelled after %n step(s)", nullptr, outcome.stepsApplied));
    } else {
        appendLog(tr("Finished: %n step(s) applied", nullptr, outcome.stepsApplied));
    }
}

void MainWindow::showRunError(const RunError &error)
{
    appendLog(error.toString());
    if (!error.revision.isEmpty()) {
        selectRevision(error.revision);
        m_details->showLine(error.line);
    }
    if (m_errorPresenter)
        m_errorPresenter(error);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFolder(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString folder = droppedFolder(event->mimeData());
    if (folder.isEmpty())
        return;
    event->acceptProposedAction();
    openProject(folder);
}

} // namespace retort::ui

namespace retort::ui {

void MainWindow::exportGraphDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), QString(),
                                                      tr("SVG image (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    const GraphExporter exporter(*m_model, *m_delegate);
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? exporter.exportPng(path, &error)
                                                                              : exporter.exportSvg(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export Graph"), error);
    else
        statusBar()->showMessage(tr("Graph saved to %1").arg(path), 5000);
}

} // namespace retort::ui
