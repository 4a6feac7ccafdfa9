#pragma once

#include "run/MigrationController.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace retort::ui {

class ProblemListModel;
class RevisionDetailsView;
class RevisionFilterProxy;
class RevisionGraphDelegate;
class RevisionGraphModel;

// Assembles the window: graph, problems, details, log and the database actions, and connects
// them. The work itself lives in the models, the details view and the MigrationController.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using ErrorPresenter = std::function<void(const RunError &)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the project in `directory` and connects to `url` (empty: the first URL offered).
    void openProject(const QString &directory, const QString &url = {});
    // Connects the open project to another database.
    void connectTo(const QString &url);

    // Test hooks: what asks before a run and what shows a failed run (dialogs by default).
    void setConfirmer(MigrationController::Confirmer confirmer);
    void setErrorPresenter(ErrorPresenter presenter) { m_errorPresenter = std::move(presenter); }

    RevisionGraphModel *graphModel() const { return m_model; }
    QTreeView *graphView() const { return m_graph; }
    RevisionDetailsView *detailsView() const { return m_details; }
    MigrationController *controller() const { return m_controller; }
    QString logText() const;
    QString selectedRevision() const;
    void selectRevision(const QString &id);
    QAction *action(const QString &objectName) const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void exportGraphDialog();
    void createActions();
    void createLayout();
    void openFolderDialog();
    void rebuildRecentMenu();
    void fillUrlChoices(const QString &given);
    void updateTitle();
    void updateActions();
    void updateStatus();
    void showSelection();
    void runRequest(const MigrationRequest &request);
    void appendLog(const QString &line);
    void onRunFinished(const RunOutcome &outcome);
    void showRunError(const RunError &error);

    RevisionGraphModel *m_model = nullptr;
    RevisionFilterProxy *m_proxy = nullptr;
    RevisionGraphDelegate *m_delegate = nullptr;
    ProblemListModel *m_problems = nullptr;
    QTreeView *m_graph = nullptr;
    QListView *m_problemView = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_url = nullptr;
    RevisionDetailsView *m_details = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_databaseStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    MigrationController *m_controller = nullptr;
    ErrorPresenter m_errorPresenter;

    QAction *m_upgradeHead = nullptr;
    QAction *m_upgradeOne = nullptr;
    QAction *m_upgradeSelected = nullptr;
    QAction *m_downgradeOne = nullptr;
    QAction *m_downgradeSelected = nullptr;
    QAction *m_stampSelected = nullptr;
    QAction *m_refresh = nullptr;

    QString m_directory;
    QString m_stateError;
};

} // namespace retort::ui
