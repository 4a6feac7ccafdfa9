#pragma once

#include "run/MigrationController.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace retort::ui {

class DatabaseChooser;
class StartPage;
class DriftBanner;
class DriftMonitor;
class DowngradeVerifyPresenter;
class GitHistoryLoader;
class LintLoader;
class SchemaReplayLoader;
struct SchemaReplayResult;
class MainActions;
class ProblemListModel;
class ProjectWatcher;
class RevisionDetailsView;
class RevisionFilterProxy;
class RevisionGraphDelegate;
class RevisionGraphModel;
class RunPanel;

// Assembles the window: graph, problems, details, the run panel and the actions, and connects
// them. The work itself lives in the models, the details view, MainActions (what is enabled
// and why) and the MigrationController (everything touching the database, on its thread).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using ErrorPresenter = std::function<void(const RunError &)>;
    using BackupChooser = std::function<QString(const BackupPolicy &)>;
    using MessageAsker = std::function<std::optional<QString>()>;
    // New Revision's questions: the project, and the revision selected in the graph.
    using RevisionAsker =
        std::function<std::optional<RevisionRequest>(const ProjectSnapshot &project, const QString &selected)>;
    // Asks whether Retort may create scratch databases on `server` (user@host:port).
    using ShadowOffer = std::function<bool(const QString &server)>;

    // Opens the demo project (the launcher knows where it and its database live); the start page
    // offers Open Demo only when one is set.
    using DemoOpener = std::function<void()>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the project in `directory` and connects to `url` (empty: the first URL offered).
    void openProject(const QString &directory, const QString &url = {});
    bool hasProject() const { return !m_directory.isEmpty(); }
    void setDemoOpener(DemoOpener opener);
    StartPage *startPage() const { return m_start; }
    // Connects the open project to another database.
    void connectTo(const QString &url);

    // Test hooks: what asks before a run or a restore, what picks the backup to restore, what
    // asks for a merge message and what shows a failure (dialogs by default).
    void setConfirmer(MigrationController::Confirmer confirmer);
    void setRestoreConfirmer(MigrationController::RestoreConfirmer confirmer);
    void setBackupChooser(BackupChooser chooser) { m_backupChooser = std::move(chooser); }
    void setShadowOffer(ShadowOffer offer) { m_shadowOffer = std::move(offer); }
    void setMergeMessageAsker(MessageAsker asker) { m_mergeMessageAsker = std::move(asker); }
    void setRevisionAsker(RevisionAsker asker) { m_revisionAsker = std::move(asker); }
    void setAutogenerateMessageAsker(MessageAsker asker) { m_autogenerateMessageAsker = std::move(asker); }
    void setErrorPresenter(ErrorPresenter presenter) { m_errorPresenter = std::move(presenter); }

    RevisionGraphModel *graphModel() const { return m_model; }
    QTreeView *graphView() const { return m_graph; }
    RevisionDetailsView *detailsView() const { return m_details; }
    MigrationController *controller() const { return m_controller; }
    RunPanel *runPanel() const { return m_runPanel; }
    bool isDriftChecking() const;
    DowngradeVerifyPresenter *verifyPresenter() const { return m_verify; }
    QString logText() const;
    QString selectedRevision() const;
    void selectRevision(const QString &id);
    QAction *action(const QString &objectName) const;
    ProblemListModel *problemModel() const { return m_problems; }
    ProjectWatcher *projectWatcher() const { return m_watcher; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    // Open editors with unsaved changes ask first; a Cancel keeps the window open.
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createLayout();
    void createActions();
    void connectController();
    DatabaseChooser *createUrlEditor();
    void editConnectionProfiles();
    void exportGraphDialog();
    void openFolderDialog();
    void rebuildRecentMenu();
    void reloadProject();
    // The files changed on disk: read the project again, keeping the selection and the scroll.
    void refreshFromDisk();
    // The selected revision's file in the built-in editor.
    void editSelection();
    void fitGraphColumn();
    void updateTitle();
    void updateActions();
    void updateStatus();
    void showSelection();
    // Replays the history on shadow databases for the Schema and Changes tabs. On PostgreSQL
    // without shadow_url, only on a server the person accepted; `offer` asks when not yet.
    void startReplay(const QString &url, bool offer = false);
    void stopReplay();
    void showReplay(std::shared_ptr<const SchemaReplayResult> result);
    void showSchemaOfSelection();
    // Verify Downgrades over the selected rows (every revision when none is selected).
    void verifySelection();
    void runRequest(const MigrationRequest &request);
    void backupNow();
    void restoreBackup();
    void mergeHeads();
    void newRevision();
    void editSelectionExternally();
    // The selected revision's file, absolute; empty when nothing (known) is selected.
    QString selectedScriptPath() const;
    void autogenerate();
    void appendLog(const QString &line);
    void showRunError(const RunError &error);

    RevisionGraphModel *m_model = nullptr;
    RevisionFilterProxy *m_proxy = nullptr;
    RevisionGraphDelegate *m_delegate = nullptr;
    ProblemListModel *m_problems = nullptr;
    QTreeView *m_graph = nullptr;
    QListView *m_problemView = nullptr;
    QLineEdit *m_filter = nullptr;
    DatabaseChooser *m_url = nullptr;
    GitHistoryLoader *m_gitLoader = nullptr;
    LintLoader *m_lintLoader = nullptr;
    SchemaReplayLoader *m_replay = nullptr;
    DowngradeVerifyPresenter *m_verify = nullptr;
    std::shared_ptr<const SchemaReplayResult> m_replayResult;
    RevisionDetailsView *m_details = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    RunPanel *m_runPanel = nullptr;
    DriftBanner *m_driftBanner = nullptr;
    DriftMonitor *m_drift = nullptr;
    QLabel *m_databaseStatus = nullptr;
    MainActions *m_actions = nullptr;
    ProjectWatcher *m_watcher = nullptr;
    MigrationController *m_controller = nullptr;
    ErrorPresenter m_errorPresenter;
    BackupChooser m_backupChooser;
    MessageAsker m_mergeMessageAsker;
    RevisionAsker m_revisionAsker;
    MessageAsker m_autogenerateMessageAsker;
    ShadowOffer m_shadowOffer;

    QString m_directory;
    QStackedWidget *m_pages = nullptr; // the start page, then the workspace
    StartPage *m_start = nullptr;
    QWidget *m_workspace = nullptr;
    DemoOpener m_demoOpener;
    bool m_shown = false; // the first show fits the graph column to the real view
    QString m_replayUrl; // the URL the last replay was started for
    QString m_stateError;
};

} // namespace retort::ui
