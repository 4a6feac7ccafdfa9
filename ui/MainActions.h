#pragma once

#include <QObject>
#include <QString>

#include <array>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QWidget;

namespace retort::ui {

// What decides which actions apply: a small value so the rules are a pure, testable function.
struct ActionState
{
    enum class Selected { None, Pending, Applied, Current };

    bool project = false;
    bool connected = false;
    bool busy = false;
    bool stateKnown = false; // the version table has been read
    int pending = 0; // revisions not applied yet (when stateKnown)
    int databaseHeads = 0; // rows in the version table (when stateKnown)
    int projectHeads = 1; // heads of the revision graph (`alembic heads`)
    Selected selected = Selected::None;
    QString mergeUnavailable; // why Merge Heads cannot run (core's words); empty when it can
    QString autogenerateUnavailable; // why Autogenerate cannot run (core's words); empty when it can
    bool replayRunning = false; // the schema replay on shadow databases
};

// The window's commands: the QActions (object names are stable, tests find them by name), the
// File, Database, Schema and Help menus, the toolbar, and enabling each action with the reason it is off.
class MainActions : public QObject
{
    Q_OBJECT

public:
    enum Id {
        Open,
        ExportGraph,
        Quit,
        UpgradeHead,
        UpgradeOne,
        UpgradeSelected,
        DowngradeOne,
        DowngradeSelected,
        StampSelected,
        StampSelectedPurge,
        RerunSelected,
        MergeHeads,
        BackupNow,
        Restore,
        Refresh,
        ConnectionProfiles,
        ReplaySchemas,
        StopReplay,
        VerifyDowngrades,
        About,
        KeyboardShortcuts,
        NewRevision,
        Autogenerate,
        IdCount
    };
    Q_ENUM(Id)

    // The actions are children of `window`, so window->findChild<QAction *>(name) finds them.
    explicit MainActions(QMainWindow *window);

    QAction *action(Id id) const { return m_actions.at(id); }
    QMenu *recentMenu() const { return m_recentMenu; }

    // Adds the File, Database, Schema and Help menus to the window's menu bar and the Database toolbar, with
    // `urlEditor` (the database chooser) at the toolbar's start.
    void install(QMainWindow *window, QWidget *urlEditor);

    // Enables each action whose reason is empty; a disabled action's tooltip says why.
    void update(const ActionState &state);

    // Why `id` cannot run in `state`; empty when it can.
    static QString unavailableReason(Id id, const ActionState &state);

private:
    std::array<QAction *, IdCount> m_actions{};
    std::array<QString, IdCount> m_tips;
    QMenu *m_recentMenu = nullptr;
};

} // namespace retort::ui
