#include "MainWindow.h"

#include "MainActions.h"
#include "WindowState.h"
#include "command/AutogenerateCommand.h"
#include "command/DatabaseTarget.h"
#include "command/RetortSettings.h"
#include "details/DowngradeVerifyPresenter.h"
#include "details/GitHistoryLoader.h"
#include "details/LintLoader.h"
#include "details/RevisionDetailsView.h"
#include "details/SchemaReplayLoader.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ConfirmationDialog.h"
#include "dialogs/ConnectionProfilesDialog.h"
#include "dialogs/NewRevisionDialog.h"
#include "dialogs/RestoreDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "drift/DriftBanner.h"
#include "drift/DriftMonitor.h"
#include "edit/ExternalEditor.h"
#include "edit/ScriptEditor.h"
#include "graph/GraphExporter.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionFilterProxy.h"
#include "graph/RevisionGraphDelegate.h"
#include "graph/RevisionGraphModel.h"
#include "icons/ActionIcons.h"
#include "project/DatabaseChooser.h"
#include "project/ProjectWatcher.h"
#include "project/RecentProjects.h"
#include "project/ShadowServerConsent.h"
#include "project/UrlChoices.h"
#include "run/DatabaseStatus.h"
#include "run/RunPanel.h"
#include "schema/SchemaDiff.h"
#include "start/StartPage.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
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

ActionState::Selected selectedState(const RevisionGraphModel &model, int row)
{
    if (row < 0)
        return ActionState::Selected::None;
    switch (model.state(row)) {
    case RevisionGraphModel::State::Pending:
        return ActionState::Selected::Pending;
    case RevisionGraphModel::State::Applied:
        return ActionState::Selected::Applied;
    case RevisionGraphModel::State::Current:
        return ActionState::Selected::Current;
    }
    return ActionState::Selected::None;
}

bool askShadowServer(QWidget *parent, const QString &server)
{
    return QMessageBox::question(
               parent, MainWindow::tr("Replay on a scratch database"),
               MainWindow::tr("To show the schema at each revision, Retort replays the history on scratch databases "
                              "named retort_shadow_… that it creates on %1 and drops afterwards. Your database is "
                              "not touched. The role needs CREATEDB.\n\nUse this server for scratch databases?")
                   .arg(server),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
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
    m_controller->setRehearsingConfirmer(
        [this](const PlanReview &review, const MigrationController::Rehearser &rehearse) {
            return ConfirmationDialog::confirm(review, this, rehearse);
        });
    setRestoreConfirmer([this](const BackupInfo &backup, const QString &currentUrl) {
        return ConfirmationDialog::confirmRestore(backup, currentUrl, this);
    });
    m_backupChooser = [this](const BackupPolicy &policy) { return RestoreDialog::chooseBackup(policy, this); };
    m_mergeMessageAsker = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString message = QInputDialog::getText(this, tr("Merge Heads"), tr("Message of the merge revision:"),
                                                      QLineEdit::Normal, tr("merge heads"), &ok);
        return ok ? std::optional<QString>(message) : std::nullopt;
    };
    m_revisionAsker = [this](const ProjectSnapshot &project, const QString &selected) {
        return NewRevisionDialog::ask(project, selected, this);
    };
    m_autogenerateMessageAsker = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString message = QInputDialog::getText(
            this, tr("Autogenerate Revision"), tr("Message of the new revision:"), QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional<QString>(message) : std::nullopt;
    };
    m_errorPresenter = [this](const RunError &error) {
        // Runs, backups, restores and merges all report a RunError; its text says which failed.
        QMessageBox::critical(this, tr("Retort"), error.toString());
    };
    createLayout();
    createActions();
    connectController();

    setAcceptDrops(true);
    resize(1280, 800);
    WindowState::restore(this);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    WindowState::save(this);
}

void MainWindow::createLayout()
{
    m_graph = new QTreeView(this);
    m_graph->setObjectName(QStringLiteral("revisionGraph"));
    m_graph->setModel(m_proxy);
    m_graph->setItemDelegate(m_delegate);
    m_graph->setRootIsDecorated(false);
    m_graph->setUniformRowHeights(true);
    m_graph->setAllColumnsShowFocus(true);
    m_graph->setSelectionMode(QAbstractItemView::ExtendedSelection); // a range for Verify Downgrades
    m_graph->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_graph->header()->setStretchLastSection(false);
    m_graph->header()->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    m_graph->setColumnWidth(RevisionGraphModel::IdColumn, 110);
    m_graph->setColumnWidth(RevisionGraphModel::DateColumn, 130);
    m_graph->setColumnWidth(RevisionGraphModel::LabelsColumn, 170);
    m_graph->setColumnWidth(RevisionGraphModel::ChangesColumn, 150);
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
        fitGraphColumn();
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

    m_runPanel = new RunPanel(this);
    m_runPanel->follow(m_controller);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->addTab(m_problemView, tr("Problems"));
    m_bottomTabs->addTab(m_runPanel, tr("Log"));
    connect(m_runPanel, &RunPanel::runShown, this, [this] { m_bottomTabs->setCurrentWidget(m_runPanel); });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    m_driftBanner = new DriftBanner(left);
    leftLayout->addWidget(m_driftBanner);
    auto *leftSplitter = new QSplitter(Qt::Vertical, left);
    leftSplitter->setObjectName(QStringLiteral("graphSplitter"));
    leftSplitter->addWidget(m_graph);
    leftSplitter->addWidget(m_bottomTabs);
    leftSplitter->setStretchFactor(0, 4);
    leftSplitter->setStretchFactor(1, 1);
    leftLayout->addWidget(leftSplitter);

    m_details = new RevisionDetailsView(this);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Until a project is open, the start page stands where the graph and details will be.
    m_pages = new QStackedWidget(this);
    m_start = new StartPage(m_pages);
    m_pages->addWidget(m_start);
    m_pages->addWidget(splitter);
    m_workspace = splitter;
    setCentralWidget(m_pages);
    connect(m_start, &StartPage::openFolderRequested, this, &MainWindow::openFolderDialog);
    connect(m_start, &StartPage::projectChosen, this, [this](const QString &directory) { openProject(directory); });
    connect(m_start, &StartPage::demoRequested, this, [this] {
        if (m_demoOpener)
            m_demoOpener();
    });

    m_databaseStatus = new QLabel(this);
    statusBar()->addWidget(m_databaseStatus, 1);
}

DatabaseChooser *MainWindow::createUrlEditor()
{
    m_url = new DatabaseChooser(this);
    connect(m_url, &DatabaseChooser::chosen, this, &MainWindow::connectTo);
    connect(m_url, &DatabaseChooser::notice, this, [this](const QString &message) {
        appendLog(message);
        statusBar()->showMessage(message, 10000);
    });
    return m_url;
}

void MainWindow::editConnectionProfiles()
{
    ConnectionProfilesDialog dialog(m_url->vault(), this);
    connect(&dialog, &ConnectionProfilesDialog::profilesChanged, this, [this] {
        if (const auto snapshot = m_model->snapshot()) {
            m_url->offer(snapshot->config(), m_url->inUse());
            m_url->showInUse(m_url->inUse());
        }
    });
    dialog.exec();
}

void MainWindow::createActions()
{
    m_actions = new MainActions(this);
    m_actions->install(this, createUrlEditor());
    rebuildRecentMenu();
    const auto on = [this](MainActions::Id id, auto handler) {
        connect(m_actions->action(id), &QAction::triggered, this, handler);
    };
    on(MainActions::Open, [this] { openFolderDialog(); });
    on(MainActions::ExportGraph, [this] { exportGraphDialog(); });
    on(MainActions::Quit, [this] { close(); });
    on(MainActions::UpgradeHead, [this] { runRequest(MigrationRequest::upgrade(QStringLiteral("heads"))); });
    on(MainActions::UpgradeOne, [this] { runRequest(MigrationRequest::upgrade(QStringLiteral("+1"))); });
    on(MainActions::UpgradeSelected, [this] { runRequest(MigrationRequest::upgrade(selectedRevision())); });
    on(MainActions::DowngradeOne, [this] { runRequest(MigrationRequest::downgrade(QStringLiteral("-1"))); });
    on(MainActions::DowngradeSelected, [this] { runRequest(MigrationRequest::downgrade(selectedRevision())); });
    on(MainActions::StampSelected, [this] { runRequest(MigrationRequest::stamp({selectedRevision()})); });
    on(MainActions::RerunSelected, [this] { runRequest(MigrationRequest::rerun(selectedRevision())); });
    on(MainActions::StampSelectedPurge, [this] { runRequest(MigrationRequest::stamp({selectedRevision()}, true)); });
    on(MainActions::MergeHeads, [this] { mergeHeads(); });
    on(MainActions::NewRevision, [this] { newRevision(); });
    on(MainActions::Autogenerate, [this] { autogenerate(); });
    on(MainActions::BackupNow, [this] { backupNow(); });
    on(MainActions::Restore, [this] { restoreBackup(); });
    on(MainActions::Refresh, [this] { reloadProject(); });
    on(MainActions::ConnectionProfiles, [this] { editConnectionProfiles(); });
    on(MainActions::ReplaySchemas, [this] { startReplay(m_replayUrl, true); });
    on(MainActions::StopReplay, [this] { stopReplay(); });
    on(MainActions::VerifyDowngrades, [this] { verifySelection(); });
    on(MainActions::About, [this] { AboutDialog(this).exec(); });
    on(MainActions::KeyboardShortcuts, [this] { ShortcutsDialog(findChildren<QAction *>(), this).exec(); });
    // Edit: the selected revision's file in the built-in editor.
    auto *edit = new QAction(tr("&Edit Script"), this);
    edit->setObjectName(QStringLiteral("editScript"));
    ActionIcons::apply(edit);
    edit->setShortcut(QKeySequence(Qt::Key_F4)); // Ctrl+E is Export Graph
    connect(edit, &QAction::triggered, this, &MainWindow::editSelection);
    // The person's own editor instead of the built-in one, for those who prefer it.
    auto *external = new QAction(tr("Open in E&xternal Editor"), this);
    external->setObjectName(QStringLiteral("openExternalEditor"));
    external->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F4));
    external->setStatusTip(tr("Open the selected revision's file in $VISUAL, $EDITOR or the desktop's editor"));
    ActionIcons::apply(external);
    connect(external, &QAction::triggered, this, &MainWindow::editSelectionExternally);
    addAction(external);
    m_graph->addAction(external);
    addAction(edit);
    m_graph->addAction(edit);
    // Right-clicking a revision offers what can be done with it.
    m_graph->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (MainActions::Id id : {MainActions::UpgradeSelected, MainActions::DowngradeSelected, MainActions::RerunSelected,
                               MainActions::StampSelected, MainActions::StampSelectedPurge})
        m_graph->addAction(m_actions->action(id));
}

void MainWindow::connectController()
{
    MigrationController *controller = m_controller;
    connect(controller, &MigrationController::connected, this, [this](const QString &displayUrl) {
        appendLog(tr("Connected to %1").arg(displayUrl));
        m_stateError.clear();
        updateTitle();
        updateActions();
    });
    connect(controller, &MigrationController::connectionFailed, this, [this](const RunError &error) {
        m_model->clearDatabaseState();
        m_stateError = error.message;
        appendLog(tr("Not connected: %1").arg(error.toString()));
        updateTitle();
        updateActions();
        updateStatus();
        // A refused login asks for the password instead of leaving the person to retype the URL.
        // Asked from the event loop, not from inside the controller's signal.
        const QString said = error.databaseMessage + u'\n' + error.message;
        QMetaObject::invokeMethod(
            this, [this, said] { m_url->retryAfterRefusedLogin(m_url->inUse(), said); }, Qt::QueuedConnection);
    });
    connect(controller, &MigrationController::stateRead, this, [this](const CurrentState &state) {
        m_stateError.clear();
        m_model->setDatabaseHeads(state.heads);
        updateActions();
        updateStatus();
    });
    connect(controller, &MigrationController::stateFailed, this, [this](const RunError &error) {
        m_stateError = error.message;
        appendLog(error.toString());
        updateStatus();
    });
    connect(controller, &MigrationController::busyChanged, this, &MainWindow::updateActions);
    connect(controller, &MigrationController::planFailed, this, &MainWindow::showRunError);
    connect(controller, &MigrationController::taskFailed, this, &MainWindow::showRunError);
    connect(controller, &MigrationController::runFinished, this, [this](const RunOutcome &outcome) {
        if (outcome.error && !MigrationController::replansAfter(outcome))
            showRunError(*outcome.error);
    });
    connect(controller, &MigrationController::backupTaken, this, [this](const BackupOutcome &outcome) {
        statusBar()->showMessage(tr("Backup saved to %1").arg(outcome.info.path), 5000);
    });
    connect(controller, &MigrationController::merged, this, [this](const MergeOutcome &outcome) {
        reloadProject();
        selectRevision(outcome.revision);
    });
    connect(controller, &MigrationController::revisionWritten, this, [this](const RevisionOutcome &outcome) {
        appendLog(tr("Wrote revision %1: %2").arg(outcome.revision, outcome.path));
        reloadProject();
        selectRevision(outcome.revision);
    });
    connect(controller, &MigrationController::autogenerated, this, [this](const AutogenerateOutcome &outcome) {
        if (outcome.revision.isEmpty()) {
            appendLog(tr("Autogenerate found no changes between the models and the database; nothing was written"));
            return;
        }
        appendLog(tr("Autogenerated revision %1: %2").arg(outcome.revision, outcome.path));
        reloadProject();
        selectRevision(outcome.revision);
    });
    connect(controller, &MigrationController::journalRead, m_details, &RevisionDetailsView::setJournal);
    connect(controller, &MigrationController::journalFailed, this, [this](const RunError &error) {
        m_details->setJournalUnavailable(tr("journal not read: %1").arg(error.message));
    });
    // Whether the database's schema is its revisions', on connect and after each run.
    m_drift = new DriftMonitor(m_driftBanner, controller, this);
    connect(m_drift, &DriftMonitor::stampRequested, this, &MainWindow::runRequest);
    // Who added each file comes from git, read off the GUI thread; the details show it once known.
    m_gitLoader = new GitHistoryLoader(this);
    connect(m_gitLoader, &GitHistoryLoader::loaded, m_details, &RevisionDetailsView::setGitHistory);
    connect(m_gitLoader, &GitHistoryLoader::failed, this, &MainWindow::appendLog);
    m_lintLoader = new LintLoader(this);
    connect(m_lintLoader, &LintLoader::loaded, this, [this](const QHash<QString, LintFindings> &findings) {
        m_model->setLintFindings(findings);
        m_details->setLintFindings(findings);
    });
    // The schema at every revision comes from a replay on shadow databases, in the background.
    m_replay = new SchemaReplayLoader(this);
    connect(m_replay, &SchemaReplayLoader::progress, this, [this](int done, int total, const QString &) {
        statusBar()->showMessage(tr("Replaying the history for its schemas: %1 of %2").arg(done).arg(total), 3000);
    });
    connect(m_replay, &SchemaReplayLoader::finished, this, &MainWindow::showReplay);
    connect(m_replay, &SchemaReplayLoader::runningChanged, this, &MainWindow::updateActions);
    connect(m_replay, &SchemaReplayLoader::failed, this, [this](const QString &message) {
        appendLog(tr("Schema replay not possible: %1").arg(message));
        m_details->setSchemaUnavailable(tr("The history could not be replayed: %1").arg(message));
    });
    // Verify Downgrades: shadow databases again, results as row badges and in Problems.
    m_verify = new DowngradeVerifyPresenter(statusBar(), m_model, m_problems, this);
    connect(m_verify, &DowngradeVerifyPresenter::logLine, this, &MainWindow::appendLog);
    // Files edited, added or removed on disk refresh the graph.
    m_watcher = new ProjectWatcher(this);
    connect(m_watcher, &ProjectWatcher::changed, this, &MainWindow::refreshFromDisk);
}

void MainWindow::setDemoOpener(DemoOpener opener)
{
    m_demoOpener = std::move(opener);
    m_start->setDemoAvailable(bool(m_demoOpener));
}

void MainWindow::setConfirmer(MigrationController::Confirmer confirmer)
{
    m_controller->setConfirmer(std::move(confirmer));
}

void MainWindow::setRestoreConfirmer(MigrationController::RestoreConfirmer confirmer)
{
    m_controller->setRestoreConfirmer(std::move(confirmer));
}

void MainWindow::openProject(const QString &directory, const QString &url)
{
    const QString absolute = QDir(directory).absolutePath();
    const auto snapshot = ProjectSnapshot::load(absolute, QDir::currentPath());
    m_directory = absolute;
    m_pages->setCurrentWidget(m_workspace);
    m_model->setSnapshot(snapshot);
    m_problems->setProjectProblems(snapshot->problems());
    QStringList watchedFiles = snapshot->files();
    if (!snapshot->config().iniPath.isEmpty())
        watchedFiles << snapshot->config().iniPath;
    m_watcher->watch(snapshot->config().versionLocations, watchedFiles);
    m_details->clear();
    fitGraphColumn();
    if (m_model->rowCount() > 0)
        m_graph->setCurrentIndex(m_proxy->index(0, RevisionGraphModel::MessageColumn));
    m_details->setGitHistory(nullptr);
    m_details->setJournalUnavailable(tr("journal not read: no database connected"));
    m_gitLoader->load(snapshot->config().versionLocations);
    m_details->setLintFindings({});
    m_lintLoader->load(snapshot, url);
    startReplay(url);
    RecentProjects::addProject(absolute);
    rebuildRecentMenu();
    m_url->offer(snapshot->config(), url);
    if (m_url->count() > 0)
        m_url->chooseCurrent();
    else
        connectTo(url);
}

void MainWindow::fitGraphColumn()
{
    const int lanes = m_proxy->isFiltering() ? m_proxy->maxLaneCount() : m_model->maxLaneCount();
    // The lanes get what the other columns leave once the message has room to be read; a wider
    // graph can still be dragged open, and the view then scrolls.
    constexpr int messageRoom = 240;
    int others = 0;
    for (int column = 0; column < RevisionGraphModel::ColumnCount; ++column) {
        if (column != RevisionGraphModel::GraphColumn && column != RevisionGraphModel::MessageColumn
            && !m_graph->isColumnHidden(column))
            others += m_graph->columnWidth(column);
    }
    m_graph->setColumnWidth(
        RevisionGraphModel::GraphColumn,
        RevisionGraphDelegate::graphColumnWidth(lanes, m_graph->viewport()->width() - others - messageRoom));
}

void MainWindow::reloadProject()
{
    if (!m_directory.isEmpty())
        openProject(m_directory, m_url->inUse());
}

QString MainWindow::selectedScriptPath() const
{
    const auto snapshot = m_model->snapshot();
    const QString id = selectedRevision();
    const RevIndex index = snapshot && !id.isEmpty() ? snapshot->map().indexOf(id) : -1;
    return index < 0 ? QString() : QFileInfo(snapshot->map().revision(index).path).absoluteFilePath();
}

void MainWindow::editSelectionExternally()
{
    const QString path = selectedScriptPath();
    if (path.isEmpty())
        return;
    const ExternalEditorLaunch launch = openInExternalEditor(path);
    appendLog(launch.started ? tr("Opened %1 with %2").arg(selectedRevision(), launch.how) : launch.error);
}

void MainWindow::editSelection()
{
    const QString path = selectedScriptPath();
    if (path.isEmpty())
        return;
    // One editor per file.
    for (ScriptEditor *open : findChildren<ScriptEditor *>()) {
        if (open->path() == path) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto *editor = new ScriptEditor(this);
    editor->setWindowFlag(Qt::Window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto opened = editor->open(path); !opened.ok()) {
        appendLog(opened.error().message);
        delete editor;
        return;
    }
    editor->show();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // A project opened before the window was first shown was fitted to a view without its real
    // width.
    if (!m_shown) {
        m_shown = true;
        fitGraphColumn();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (ScriptEditor *editor : findChildren<ScriptEditor *>()) {
        if (!editor->confirmClose()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::refreshFromDisk()
{
    if (m_directory.isEmpty())
        return;
    const QString selected = selectedRevision();
    const int scroll = m_graph->verticalScrollBar()->value();
    reloadProject();
    selectRevision(selected);
    m_graph->doItemsLayout();
    m_graph->verticalScrollBar()->setValue(scroll);
    statusBar()->showMessage(tr("The project changed on disk and was read again"), 3000);
}

bool MainWindow::isDriftChecking() const
{
    return m_drift->isChecking();
}

void MainWindow::connectTo(const QString &url)
{
    if (!m_model->snapshot())
        return;
    m_model->clearDatabaseState();
    m_url->showInUse(url);
    m_details->setOfflineSqlSource(m_model->snapshot(), url, QDir::currentPath());
    m_stateError = tr("connecting…");
    m_drift->watch(m_model->snapshot(), url, QDir::currentPath());
    m_controller->open(m_model->snapshot(), url, QDir::currentPath());
    updateTitle();
    updateStatus();
}

void MainWindow::openFolderDialog()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open Migrations Folder"), m_directory);
    if (!directory.isEmpty())
        openProject(directory);
}

void MainWindow::rebuildRecentMenu()
{
    QMenu *menu = m_actions->recentMenu();
    menu->clear();
    const QStringList projects = RecentProjects::projects();
    for (const QString &project : projects)
        menu->addAction(project, this, [this, project] { openProject(project); });
    menu->setEnabled(!projects.isEmpty());
    m_start->setRecentProjects(projects);
}

void MainWindow::exportGraphDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Graph"), QString(), tr("SVG image (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    const GraphExporter exporter(*m_model, *m_delegate);
    const auto exported =
        path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? exporter.exportPng(path) : exporter.exportSvg(path);
    if (!exported.ok())
        QMessageBox::warning(this, tr("Export Graph"), exported.error().message);
    else
        statusBar()->showMessage(tr("Graph saved to %1").arg(path), 5000);
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
    const auto snapshot = m_model->snapshot();
    ActionState state;
    state.project = snapshot != nullptr;
    state.connected = m_controller->isConnected();
    state.busy = m_controller->isBusy();
    state.stateKnown = m_model->hasDatabaseState();
    state.pending = m_model->pendingCount();
    state.databaseHeads = int(m_model->databaseHeads().size());
    state.projectHeads = snapshot ? int(snapshot->map().heads().size()) : 1;
    state.selected = selectedState(*m_model, m_model->rowOfRevision(selectedRevision()));
    state.mergeUnavailable = snapshot ? mergeUnavailableReason(*snapshot) : QString();
    state.autogenerateUnavailable = snapshot ? autogenerateUnavailableReason(*snapshot) : QString();
    state.replayRunning = m_replay && m_replay->isRunning();
    m_actions->update(state);
}

void MainWindow::updateStatus()
{
    if (!m_model->snapshot()) {
        m_databaseStatus->clear();
        return;
    }
    const DatabaseStatus status{m_model->rowCount(), m_model->hasDatabaseState(), m_model->databaseHeads(),
                                m_model->pendingCount(), m_stateError};
    m_databaseStatus->setText(status.text());
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
    return m_runPanel->logText();
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
    showSchemaOfSelection();
}

void MainWindow::startReplay(const QString &url, bool offer)
{
    m_replayUrl = url;
    m_replayResult.reset();
    m_model->clearChangeSummaries();
    const auto snapshot = m_model->snapshot();
    if (!snapshot || snapshot->map().size() == 0) {
        m_replay->cancel();
        return;
    }
    const auto target =
        resolveDatabaseTarget(snapshot->config(), url, QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    const bool postgres = target && target->url.isPostgresql();
    // On PostgreSQL replay creates scratch databases on a server: only where the project named
    // one (shadow_url) or the person accepted the project's own server.
    if (postgres && RetortSettings::fromConfig(snapshot->config()).shadowUrl.isEmpty()
        && !ShadowServerConsent::granted(target->url)) {
        const QString server = ShadowServerConsent::serverKey(target->url);
        const bool accepted = offer && (m_shadowOffer ? m_shadowOffer(server) : askShadowServer(this, server));
        if (!accepted) {
            m_replay->cancel();
            m_details->setSchemaUnavailable(
                tr("The schema at each revision is replayed on scratch databases that Retort creates and drops. "
                   "Schema > Replay Schemas offers to use %1 (its role needs CREATEDB), or name a server in the "
                   "[retort] section of alembic.ini: shadow_url = postgresql://...")
                    .arg(server));
            return;
        }
        ShadowServerConsent::grant(target->url);
    }
    m_details->setSchemaUnavailable(tr("Replaying the history for the schema at each revision..."));
    m_replay->start(snapshot, postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite"), url,
                    QDir::currentPath());
}

void MainWindow::stopReplay()
{
    if (!m_replay->isRunning())
        return;
    m_replay->cancel();
    m_details->setSchemaUnavailable(tr("The schema replay was stopped. Schema > Replay Schemas starts it again; "
                                       "revisions it finished are kept in the cache."));
    statusBar()->showMessage(tr("Schema replay stopped"), 5000);
}

void MainWindow::verifySelection()
{
    RevIndexes revisions;
    for (const QModelIndex &row : m_graph->selectionModel()->selectedRows())
        revisions.push_back(row.data(RevisionGraphModel::RevisionIndexRole).toInt());
    m_verify->start(m_model->snapshot(), revisions, m_url->inUse(), QDir::currentPath());
}

void MainWindow::showReplay(std::shared_ptr<const SchemaReplayResult> result)
{
    m_replayResult = std::move(result);
    QHash<QString, RevisionGraphModel::ChangeSummary> summaries;
    for (auto it = m_replayResult->changes.cbegin(); it != m_replayResult->changes.cend(); ++it) {
        RevisionGraphModel::ChangeSummary summary;
        summary.text = SchemaDiff::summary(it.value());
        QStringList lines;
        for (const SchemaChange &change : it.value()) {
            summary.destructive = summary.destructive || SchemaDiff::isDestructive(change);
            lines.append(change.kindName() + u' ' + change.table
                         + (change.name.isEmpty() ? QString() : u'.' + change.name));
        }
        summary.details = lines.join(u'\n');
        summaries.insert(it.key(), summary);
    }
    m_model->setChangeSummaries(summaries);
    // Steps that failed on the shadow are problems of the project: the Problems panel lists them.
    Problems problems;
    int failed = 0;
    for (const RevisionReplay &entry : m_replayResult->report.revisions) {
        if (entry.status != RevisionReplay::Status::Failed || !entry.error)
            continue;
        ++failed;
        Problem problem = Problem::make(Problem::Severity::Error, QStringLiteral("ReplayFailed"), entry.error->path,
                                        entry.error->line, tr("on a shadow database: %1").arg(entry.error->toString()));
        problem.revision = entry.revision;
        problems.append(problem);
    }
    m_problems->setProblems(ProblemListModel::Source::Replay, problems);
    statusBar()->showMessage(
        failed == 0 ? tr("Schema replayed for %n revision(s)", nullptr, int(m_replayResult->report.revisions.size()))
                    : tr("Schema replay: %n revision(s) failed on the shadow database; see "
                         "Problems",
                         nullptr, failed),
        5000);
    showSchemaOfSelection();
}

void MainWindow::showSchemaOfSelection()
{
    const QModelIndex current = m_graph->currentIndex();
    if (!m_replayResult || !current.isValid())
        return;
    const QString id = current.data(RevisionGraphModel::RevisionIdRole).toString();
    const auto schema = m_replayResult->report.schemas.constFind(id);
    if (schema == m_replayResult->report.schemas.constEnd()) {
        const RevisionReplay *entry = m_replayResult->report.find(id);
        m_details->setSchemaUnavailable(entry && entry->error ? tr("Replay failed here: %1").arg(entry->error->message)
                                            : entry && entry->status == RevisionReplay::Status::Skipped
                                            ? tr("Not replayed: %1 before it failed").arg(entry->blockedBy)
                                            : tr("No schema for this revision."));
        return;
    }
    m_details->setSchema(*schema, m_replayResult->changes.value(id),
                         tr("Schema after %1 (%2)").arg(id, m_replayResult->report.dialect));
}

void MainWindow::runRequest(const MigrationRequest &request)
{
    appendLog(tr("Planning %1 %2%3")
                  .arg(request.verb(), request.targets.join(QLatin1Char(' ')),
                       request.purge ? QStringLiteral(" --purge") : QString()));
    m_controller->request(request);
}

void MainWindow::backupNow()
{
    m_controller->backupNow();
}

void MainWindow::restoreBackup()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot || !m_backupChooser)
        return;
    const QString file = m_backupChooser(BackupPolicy::fromConfig(snapshot->config()));
    if (!file.isEmpty())
        m_controller->restore(file);
}

void MainWindow::mergeHeads()
{
    if (!m_model->snapshot() || !m_mergeMessageAsker)
        return;
    const std::optional<QString> message = m_mergeMessageAsker();
    if (!message)
        return;
    MergeRequest request;
    request.message = *message;
    m_controller->merge(request, QDir::currentPath());
}

void MainWindow::newRevision()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot || !m_revisionAsker)
        return;
    if (const std::optional<RevisionRequest> request = m_revisionAsker(*snapshot, selectedRevision()))
        m_controller->newRevision(*request);
}

void MainWindow::autogenerate()
{
    if (!m_model->snapshot() || !m_autogenerateMessageAsker)
        return;
    const std::optional<QString> message = m_autogenerateMessageAsker();
    if (!message)
        return;
    AutogenerateRequest request;
    if (!message->trimmed().isEmpty())
        request.message = message->trimmed();
    m_controller->autogenerate(request, QDir::currentPath());
}

void MainWindow::appendLog(const QString &line)
{
    m_runPanel->appendLog(line);
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
