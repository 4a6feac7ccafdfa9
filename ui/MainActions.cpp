#include "MainActions.h"

#include "icons/ActionIcons.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

namespace retort::ui {

namespace {

struct Definition
{
    MainActions::Id id;
    const char *name;
    const char *text;
    QKeySequence shortcut;
    const char *tip;
};

// The platform's key for a standard command, or `otherwise` where it has none (Quit has no
// binding on Windows or on Qt's generic platforms).
QKeySequence standardOr(QKeySequence::StandardKey key, const QKeySequence &otherwise)
{
    return QKeySequence::keyBindings(key).isEmpty() ? otherwise : QKeySequence(key);
}

} // namespace

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
{
    const QList<Definition> definitions = {
        {Open, "open", QT_TR_NOOP("&Open Folder…"), QKeySequence::Open, QT_TR_NOOP("Open a migrations folder")},
        {ExportGraph, "exportGraph", QT_TR_NOOP("&Export Graph…"), QKeySequence(Qt::CTRL | Qt::Key_E),
         QT_TR_NOOP("Save the whole revision graph as an SVG or PNG file")},
        {Quit, "quit", QT_TR_NOOP("&Quit"), standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)),
         QT_TR_NOOP("Close the window")},
        {UpgradeHead, "upgradeHead", QT_TR_NOOP("Upgrade to Head"), QKeySequence(Qt::CTRL | Qt::Key_U),
         QT_TR_NOOP("Apply every pending revision (upgrade head)")},
        {UpgradeOne, "upgradeOne", QT_TR_NOOP("Upgrade One Step"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight),
         QT_TR_NOOP("Apply the next revision (upgrade +1)")},
        {UpgradeSelected, "upgradeSelected", QT_TR_NOOP("Upgrade to Selected"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), QT_TR_NOOP("Apply revisions up to the selected one")},
        {DowngradeOne, "downgradeOne", QT_TR_NOOP("Downgrade One Step"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft),
         QT_TR_NOOP("Revert the last applied revision (downgrade -1)")},
        {DowngradeSelected, "downgradeSelected", QT_TR_NOOP("Downgrade to Selected"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), QT_TR_NOOP("Revert revisions above the selected one")},
        {StampSelected, "stampSelected", QT_TR_NOOP("Stamp Selected"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
         QT_TR_NOOP("Write the selected revision into the version table without running anything")},
        {RerunSelected, "rerunSelected", QT_TR_NOOP("Re-run Selected"), QKeySequence(Qt::CTRL | Qt::Key_R),
         QT_TR_NOOP("Downgrade the selected revision (the database's head) and upgrade it again, to try an edited "
                    "script once more")},
        {StampSelectedPurge, "stampSelectedPurge", QT_TR_NOOP("Stamp Selected (Purge)"),
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_S),
         QT_TR_NOOP("Empty the version table, then write the selected revision into it (stamp --purge)")},
        {MergeHeads, "mergeHeads", QT_TR_NOOP("Merge Heads…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
         QT_TR_NOOP("Write a merge revision whose parents are the project's heads")},
        {BackupNow, "backupNow", QT_TR_NOOP("Backup Now"), QKeySequence(Qt::CTRL | Qt::Key_B),
         QT_TR_NOOP("Copy the database into the project's backup folder")},
        {Restore, "restore", QT_TR_NOOP("Restore…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         QT_TR_NOOP("Replace the database with one of its backups")},
        {Refresh, "refresh", QT_TR_NOOP("Refresh"), QKeySequence(Qt::Key_F5),
         QT_TR_NOOP("Read the project and the version table again")},
        {ConnectionProfiles, "connectionProfiles", QT_TR_NOOP("Connection &Profiles…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         QT_TR_NOOP("Save database URLs under a name; passwords go to the system keychain")},
        {ReplaySchemas, "replaySchemas", QT_TR_NOOP("&Replay Schemas"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R),
         QT_TR_NOOP("Replay the history on scratch databases for the schema at every revision")},
        {StopReplay, "stopReplay", QT_TR_NOOP("&Stop Replay"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Period),
         QT_TR_NOOP("Stop the schema replay running in the background")},
        {VerifyDowngrades, "verifyDowngrades", QT_TR_NOOP("&Verify Downgrades"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
         QT_TR_NOOP("Check on shadow databases that the selected revisions' downgrades undo their upgrades (every "
                    "revision when none is selected); your database is not touched")},
        {NewRevision, "newRevision", QT_TR_NOOP("&New Revision…"), QKeySequence::New,
         QT_TR_NOOP("Write a new, empty revision on a head: Python from the project's script.py.mako, or native "
                    "SQL")},
        {Autogenerate, "autogenerate", QT_TR_NOOP("&Autogenerate Revision…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
         QT_TR_NOOP("Run the project's own autogenerate (flask db migrate / alembic revision --autogenerate), "
                    "comparing the models with the connected database")},
        {About, "aboutRetort", QT_TR_NOOP("&About Retort"), QKeySequence(),
         QT_TR_NOOP("The versions of Retort and of the libraries it runs on")},
        {KeyboardShortcuts, "keyboardShortcuts", QT_TR_NOOP("&Keyboard Shortcuts"), QKeySequence(),
         QT_TR_NOOP("Every command that has a shortcut, with its keys")},
    };
    for (const Definition &definition : definitions) {
        auto *action = new QAction(tr(definition.text), window);
        action->setObjectName(QLatin1String(definition.name));
        ActionIcons::apply(action);
        action->setShortcut(definition.shortcut);
        m_tips[definition.id] = tr(definition.tip);
        action->setStatusTip(m_tips[definition.id]);
        action->setToolTip(m_tips[definition.id]);
        m_actions[definition.id] = action;
    }
}

void MainActions::install(QMainWindow *window, QWidget *urlEditor)
{
    QMenu *fileMenu = window->menuBar()->addMenu(tr("&File"));
    fileMenu->setToolTipsVisible(true);
    fileMenu->addAction(action(Open));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    fileMenu->addSeparator();
    fileMenu->addAction(action(NewRevision));
    fileMenu->addAction(action(Autogenerate));
    fileMenu->addSeparator();
    fileMenu->addAction(action(ExportGraph));
    fileMenu->addSeparator();
    fileMenu->addAction(action(Quit));

    QMenu *databaseMenu = window->menuBar()->addMenu(tr("&Database"));
    databaseMenu->setToolTipsVisible(true); // a disabled entry says why on hover
    for (Id id : {UpgradeHead, UpgradeOne, UpgradeSelected, DowngradeOne, DowngradeSelected, RerunSelected})
        databaseMenu->addAction(action(id));
    databaseMenu->addSeparator();
    databaseMenu->addAction(action(StampSelected));
    databaseMenu->addAction(action(StampSelectedPurge));
    databaseMenu->addAction(action(MergeHeads));
    databaseMenu->addSeparator();
    databaseMenu->addAction(action(BackupNow));
    databaseMenu->addAction(action(Restore));
    databaseMenu->addSeparator();
    databaseMenu->addAction(action(ConnectionProfiles));
    databaseMenu->addAction(action(Refresh));

    QMenu *schemaMenu = window->menuBar()->addMenu(tr("&Schema"));
    schemaMenu->setToolTipsVisible(true);
    schemaMenu->addAction(action(ReplaySchemas));
    schemaMenu->addAction(action(StopReplay));
    schemaMenu->addSeparator();
    schemaMenu->addAction(action(VerifyDowngrades));

    QMenu *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(action(KeyboardShortcuts));
    helpMenu->addSeparator();
    helpMenu->addAction(action(About));

    QToolBar *toolbar = window->addToolBar(tr("Database"));
    toolbar->setObjectName(QStringLiteral("databaseToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Database: "), toolbar));
    toolbar->addWidget(urlEditor);
    toolbar->addSeparator();
    // Short toolbar words, so every button fits next to the URL box on a laptop screen; menus
    // and tooltips keep the full names.
    const QList<std::pair<Id, QString>> toolbarTexts = {
        {UpgradeHead, tr("To Head")},
        {UpgradeOne, tr("Step Up")},
        {UpgradeSelected, tr("Up to Selected")},
        {DowngradeOne, tr("Step Down")},
        {DowngradeSelected, tr("Down to Selected")},
        {StampSelected, tr("Stamp")},
        {BackupNow, tr("Backup")},
        {Restore, tr("Restore…")},
    };
    for (const auto &[id, text] : toolbarTexts)
        action(id)->setIconText(text);
    for (Id id : {UpgradeHead, UpgradeOne, UpgradeSelected, DowngradeOne, DowngradeSelected, StampSelected})
        toolbar->addAction(action(id));
    toolbar->addSeparator();
    for (Id id : {BackupNow, Restore, Refresh})
        toolbar->addAction(action(id));
}

void MainActions::update(const ActionState &state)
{
    for (int id = 0; id < IdCount; ++id) {
        const QString reason = unavailableReason(Id(id), state);
        m_actions[id]->setEnabled(reason.isEmpty());
        m_actions[id]->setToolTip(
            reason.isEmpty() ? m_tips[id] : m_tips[id] + QLatin1Char('\n') + tr("Unavailable: %1").arg(reason));
    }
}

QString MainActions::unavailableReason(Id id, const ActionState &state)
{
    using Selected = ActionState::Selected;
    switch (id) {
    case Open:
    case Quit:
    case ConnectionProfiles:
    case About:
    case KeyboardShortcuts:
        return {};
    case ExportGraph:
    case VerifyDowngrades: // shadow databases only: no connection needed, a run may go on
        return state.project ? QString() : tr("Open a project first (File > Open Folder).");
    // The replay works on Retort's own scratch databases, so a run on the person's database does
    // not hold it up.
    case ReplaySchemas:
        if (!state.project)
            return tr("Open a project first (File > Open Folder).");
        return state.replayRunning ? tr("The replay is running; stop it first to start again.") : QString();
    case StopReplay:
        return state.replayRunning ? QString() : tr("No schema replay is running.");
    default:
        break;
    }
    if (!state.project)
        return tr("Open a project first (File > Open Folder).");
    if (state.busy)
        return tr("Wait for the run in progress to finish, or cancel it.");
    if (id == Refresh)
        return {};
    if (id == NewRevision)
        return {};
    if (id == Autogenerate && !state.autogenerateUnavailable.isEmpty())
        return state.autogenerateUnavailable;
    if (id == MergeHeads) {
        if (state.projectHeads < 2)
            return state.mergeUnavailable.isEmpty() ? tr("The project has a single head: nothing to merge.")
                                                    : state.mergeUnavailable;
        return state.mergeUnavailable;
    }
    if (!state.connected)
        return tr("Connect to a database first: choose or type its URL in the toolbar.");

    const QString noSelection = tr("Select a revision in the graph.");
    const bool nothingPending = state.stateKnown && state.pending == 0;
    switch (id) {
    case Autogenerate:
        return {};
    case UpgradeHead:
        if (state.projectHeads > 1)
            return state.mergeUnavailable.isEmpty()
                ? tr("The project has %1 heads, so \"head\" names no single revision. Merge them first "
                     "(Database > Merge Heads…), or select one head and use Upgrade to Selected.")
                      .arg(state.projectHeads)
                : tr("The project has %1 heads, so \"head\" names no single revision; select one head and use "
                     "Upgrade to Selected.")
                      .arg(state.projectHeads);
        return nothingPending ? tr("Nothing is pending.") : QString();
    case UpgradeOne:
        return nothingPending ? tr("Nothing is pending.") : QString();
    case UpgradeSelected:
        if (state.selected == Selected::None)
            return noSelection;
        return state.stateKnown && state.selected != Selected::Pending ? tr("The selected revision is already applied.")
                                                                       : QString();
    case DowngradeOne:
        return state.stateKnown && state.databaseHeads == 0 ? tr("The database is at base.") : QString();
    case DowngradeSelected:
        if (state.selected == Selected::None)
            return noSelection;
        return state.stateKnown && state.selected != Selected::Applied
            ? tr("Only a revision below the current one can be a downgrade target.")
            : QString();
    case RerunSelected:
        if (state.selected == Selected::None)
            return noSelection;
        return state.stateKnown && state.selected != Selected::Current
            ? tr("Only the database's current revision can be re-run; upgrade to it first.")
            : QString();
    case StampSelected:
    case StampSelectedPurge:
        return state.selected == Selected::None ? noSelection : QString();
    case BackupNow:
    case Restore:
    default:
        return {};
    }
}

} // namespace retort::ui
