// Which window actions apply and why not, as a pure function of ActionState; and that the
// QActions follow it (enabled, tooltip with the reason).
#include "MainActions.h"

#include <QAction>
#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QToolBar>

using namespace retort::ui;
using Selected = ActionState::Selected;

Q_DECLARE_METATYPE(retort::ui::ActionState)

namespace {

ActionState connectedAt(int pending, int databaseHeads, Selected selected = Selected::None)
{
    ActionState state;
    state.project = true;
    state.connected = true;
    state.stateKnown = true;
    state.pending = pending;
    state.databaseHeads = databaseHeads;
    state.selected = selected;
    state.mergeUnavailable = QStringLiteral("one head: nothing to merge");
    return state;
}

} // namespace

class TestMainActions : public QObject
{
    Q_OBJECT

private slots:
    void reasons_data();
    void reasons();
    void actionsFollowTheState();
    void everyActionHasAMenuEntry();
};

void TestMainActions::reasons_data()
{
    QTest::addColumn<ActionState>("state");
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("reasonContains"); // empty: the action applies

    const ActionState none;
    QTest::newRow("no project: upgrade") << none << int(MainActions::UpgradeHead) << QStringLiteral("Open a project");
    QTest::newRow("no project: backup") << none << int(MainActions::BackupNow) << QStringLiteral("Open a project");
    QTest::newRow("no project: open") << none << int(MainActions::Open) << QString();
    QTest::newRow("no project: about") << none << int(MainActions::About) << QString();
    QTest::newRow("no project: shortcuts") << none << int(MainActions::KeyboardShortcuts) << QString();
    QTest::newRow("no project: export") << none << int(MainActions::ExportGraph) << QStringLiteral("Open a project");

    ActionState offline = connectedAt(3, 1);
    offline.connected = false;
    QTest::newRow("offline: upgrade") << offline << int(MainActions::UpgradeOne) << QStringLiteral("Connect");
    QTest::newRow("offline: restore") << offline << int(MainActions::Restore) << QStringLiteral("Connect");
    QTest::newRow("offline: refresh") << offline << int(MainActions::Refresh) << QString();

    ActionState busy = connectedAt(3, 1, Selected::Pending);
    busy.busy = true;
    for (int id : {int(MainActions::UpgradeHead), int(MainActions::StampSelectedPurge), int(MainActions::BackupNow),
                   int(MainActions::Restore), int(MainActions::Refresh), int(MainActions::MergeHeads)})
        QTest::addRow("busy: %d", id) << busy << id << QStringLiteral("Wait for the run");

    QTest::newRow("pending: upgrade head") << connectedAt(3, 1) << int(MainActions::UpgradeHead) << QString();
    QTest::newRow("up to date: upgrade head")
        << connectedAt(0, 1) << int(MainActions::UpgradeHead) << QStringLiteral("Nothing is pending");
    QTest::newRow("up to date: upgrade one")
        << connectedAt(0, 1) << int(MainActions::UpgradeOne) << QStringLiteral("Nothing is pending");
    QTest::newRow("at base: downgrade one")
        << connectedAt(5, 0) << int(MainActions::DowngradeOne) << QStringLiteral("at base");
    QTest::newRow("applied: downgrade one") << connectedAt(2, 1) << int(MainActions::DowngradeOne) << QString();

    QTest::newRow("no selection: upgrade selected")
        << connectedAt(2, 1) << int(MainActions::UpgradeSelected) << QStringLiteral("Select a revision");
    QTest::newRow("no selection: stamp purge")
        << connectedAt(2, 1) << int(MainActions::StampSelectedPurge) << QStringLiteral("Select a revision");
    QTest::newRow("pending selected: upgrade selected")
        << connectedAt(2, 1, Selected::Pending) << int(MainActions::UpgradeSelected) << QString();
    QTest::newRow("current selected: upgrade selected")
        << connectedAt(2, 1, Selected::Current) << int(MainActions::UpgradeSelected)
        << QStringLiteral("already applied");
    QTest::newRow("applied selected: downgrade selected")
        << connectedAt(2, 1, Selected::Applied) << int(MainActions::DowngradeSelected) << QString();
    QTest::newRow("current selected: downgrade selected")
        << connectedAt(2, 1, Selected::Current) << int(MainActions::DowngradeSelected)
        << QStringLiteral("below the current");
    QTest::newRow("pending selected: downgrade selected")
        << connectedAt(2, 1, Selected::Pending) << int(MainActions::DowngradeSelected)
        << QStringLiteral("below the current");
    QTest::newRow("current selected: rerun")
        << connectedAt(2, 1, Selected::Current) << int(MainActions::RerunSelected) << QString();
    QTest::newRow("applied selected: rerun") << connectedAt(2, 1, Selected::Applied) << int(MainActions::RerunSelected)
                                             << QStringLiteral("Only the database's current revision can be re-run");
    QTest::newRow("no selection: rerun") << connectedAt(2, 1) << int(MainActions::RerunSelected)
                                         << QStringLiteral("Select a revision");
    QTest::newRow("any selected: stamp") << connectedAt(2, 1, Selected::Current) << int(MainActions::StampSelected)
                                         << QString();
    QTest::newRow("any selected: stamp purge")
        << connectedAt(2, 1, Selected::Pending) << int(MainActions::StampSelectedPurge) << QString();
    QTest::newRow("connected: backup") << connectedAt(0, 0) << int(MainActions::BackupNow) << QString();
    QTest::newRow("connected: restore") << connectedAt(0, 0) << int(MainActions::Restore) << QString();

    // Several heads: "head" is ambiguous; the reason points at Merge Heads, which applies.
    ActionState twoHeads = connectedAt(4, 0);
    twoHeads.projectHeads = 2;
    twoHeads.mergeUnavailable.clear();
    QTest::newRow("two heads: upgrade head")
        << twoHeads << int(MainActions::UpgradeHead) << QStringLiteral("Merge Heads");
    QTest::newRow("two heads: merge") << twoHeads << int(MainActions::MergeHeads) << QString();
    QTest::newRow("two heads: upgrade one") << twoHeads << int(MainActions::UpgradeOne) << QString();
    ActionState twoHeadsOffline = twoHeads;
    twoHeadsOffline.connected = false;
    QTest::newRow("two heads offline: merge writes a file only")
        << twoHeadsOffline << int(MainActions::MergeHeads) << QString();
    ActionState unmergeable = twoHeads;
    unmergeable.mergeUnavailable = QStringLiteral("the heads share a branch label");
    QTest::newRow("two heads, merge refused: merge")
        << unmergeable << int(MainActions::MergeHeads) << QStringLiteral("share a branch label");
    QTest::newRow("two heads, merge refused: upgrade head")
        << unmergeable << int(MainActions::UpgradeHead) << QStringLiteral("Upgrade to Selected");
    QTest::newRow("one head: merge") << connectedAt(1, 1) << int(MainActions::MergeHeads)
                                     << QStringLiteral("nothing to merge");

    // The replay runs on scratch databases: no connection needed, and a run does not block it.
    QTest::newRow("no project: replay") << none << int(MainActions::ReplaySchemas) << QStringLiteral("Open a project");
    ActionState busyOffline = offline;
    busyOffline.busy = true;
    QTest::newRow("busy offline: replay") << busyOffline << int(MainActions::ReplaySchemas) << QString();
    QTest::newRow("idle: stop replay") << busyOffline << int(MainActions::StopReplay)
                                       << QStringLiteral("No schema replay");
    ActionState replaying = busyOffline;
    replaying.replayRunning = true;
    QTest::newRow("replaying: replay") << replaying << int(MainActions::ReplaySchemas) << QStringLiteral("stop it");
    QTest::newRow("replaying: stop") << replaying << int(MainActions::StopReplay) << QString();
}

void TestMainActions::reasons()
{
    QFETCH(ActionState, state);
    QFETCH(int, id);
    QFETCH(QString, reasonContains);
    const QString reason = MainActions::unavailableReason(MainActions::Id(id), state);
    if (reasonContains.isEmpty())
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    else
        QVERIFY2(reason.contains(reasonContains), qPrintable(reason));
}

void TestMainActions::actionsFollowTheState()
{
    QMainWindow window;
    MainActions actions(&window);
    actions.install(&window, new QComboBox);
    ActionState twoHeads = connectedAt(4, 0);
    twoHeads.projectHeads = 2;
    twoHeads.mergeUnavailable.clear();
    actions.update(twoHeads);

    QAction *upgrade = window.findChild<QAction *>(QStringLiteral("upgradeHead"));
    QCOMPARE(upgrade, actions.action(MainActions::UpgradeHead));
    QVERIFY(!upgrade->isEnabled());
    QVERIFY(upgrade->toolTip().contains(QLatin1String("Unavailable:")));
    QVERIFY(upgrade->toolTip().contains(QLatin1String("Merge Heads")));
    QAction *merge = window.findChild<QAction *>(QStringLiteral("mergeHeads"));
    QVERIFY(merge->isEnabled());
    QVERIFY(!merge->toolTip().contains(QLatin1String("Unavailable:")));

    actions.update(connectedAt(4, 0));
    QVERIFY(upgrade->isEnabled());
    QVERIFY(!upgrade->toolTip().contains(QLatin1String("Unavailable:")));
    QVERIFY(!merge->isEnabled());
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("backupNow"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
}

void TestMainActions::everyActionHasAMenuEntry()
{
    QMainWindow window;
    MainActions actions(&window);
    actions.install(&window, new QComboBox);
    QList<QAction *> inMenus;
    for (QAction *menu : window.menuBar()->actions())
        inMenus += menu->menu()->actions();
    QSet<QString> names;
    for (int id = 0; id < MainActions::IdCount; ++id) {
        QAction *action = actions.action(MainActions::Id(id));
        QVERIFY2(inMenus.contains(action), qPrintable(action->objectName()));
        QVERIFY(!action->objectName().isEmpty());
        names.insert(action->objectName());
    }
    QCOMPARE(names.size(), int(MainActions::IdCount));
    // The Database menu shows tooltips, so a disabled entry explains itself there too.
    QMenu *database = nullptr;
    for (QObject *object : actions.action(MainActions::UpgradeHead)->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(object))
            database = menu;
    }
    QVERIFY(database);
    QVERIFY(database->toolTipsVisible());
}

QTEST_MAIN(TestMainActions)
#include "tst_mainactions.moc"
