// Help > About Retort names the versions of Retort and what it runs on; Help > Keyboard Shortcuts
// lists every action with a shortcut, read from the window's own actions.
#include "MainWindow.h"
#include "RetortVersion.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <Qsci/qsciglobal.h>

#include <functional>

using namespace retort::ui;

namespace {

QAction *helpEntry(MainWindow &window, const QString &name)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu()->title().remove(QLatin1Char('&')) != QLatin1String("Help"))
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->objectName() == name)
                return action;
        }
    }
    return nullptr;
}

// Triggers `action`, lets `inspect` look at the modal dialog it opens, then closes that dialog.
void withDialogOf(QAction *action, const std::function<void(QDialog *)> &inspect)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        inspect(dialog);
        dialog->reject();
    });
    action->trigger();
    QVERIFY(seen);
}

} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QCoreApplication::setApplicationName(QStringLiteral("tst_helpmenu")); }
    void aboutNamesTheVersions();
    void aboutFromTheHelpMenu();
    void shortcutsListEveryActionWithAShortcut();
};

void TestHelpMenu::aboutNamesTheVersions()
{
    const QString text = AboutDialog::versionsText();
    QVERIFY2(text.contains(u"Retort: " RETORT_VERSION_STRING), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Qt: ") + QLatin1String(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(u"QScintilla: " QSCINTILLA_VERSION_STR), qPrintable(text));
    // Found by CMake, read from the SQLite and libpq the Qt drivers run on (both drivers are
    // installed where the tests run).
    for (const char *line :
         {"^KSyntaxHighlighting: \\d+\\.\\d+", "^SQLite: 3\\.\\d+\\.\\d+$", "^libpq: \\d+\\.\\d+(\\.\\d+)?$"}) {
        const QRegularExpression expected(QLatin1String(line), QRegularExpression::MultilineOption);
        QVERIFY2(expected.match(text).hasMatch(), qPrintable(QString(QLatin1String(line)) + u'\n' + text));
    }
    qInfo("%s", qPrintable(text));
}

void TestHelpMenu::aboutFromTheHelpMenu()
{
    MainWindow window;
    QAction *about = helpEntry(window, QStringLiteral("aboutRetort"));
    QVERIFY(about);
    QVERIFY(about->isEnabled()); // no project needed
    QString shown;
    withDialogOf(about, [&shown](QDialog *dialog) {
        QVERIFY(qobject_cast<AboutDialog *>(dialog));
        shown = dialog->findChild<QPlainTextEdit *>(QStringLiteral("aboutVersions"))->toPlainText();
    });
    QCOMPARE(shown, AboutDialog::versionsText());
}

void TestHelpMenu::shortcutsListEveryActionWithAShortcut()
{
    MainWindow window;
    QAction *entry = helpEntry(window, QStringLiteral("keyboardShortcuts"));
    QVERIFY(entry);
    QList<std::pair<QString, QString>> listed;
    withDialogOf(entry, [&listed](QDialog *dialog) {
        QVERIFY(qobject_cast<ShortcutsDialog *>(dialog));
        const auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcuts"));
        for (int row = 0; row < tree->topLevelItemCount(); ++row)
            listed.append({tree->topLevelItem(row)->text(0), tree->topLevelItem(row)->text(1)});
    });

    int withShortcut = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        ++withShortcut;
        const std::pair<QString, QString> row{action->text().remove(QLatin1Char('&')),
                                              action->shortcut().toString(QKeySequence::NativeText)};
        QVERIFY2(listed.contains(row), qPrintable(row.first + QLatin1String(": ") + row.second));
    }
    QCOMPARE(listed.size(), withShortcut);
    QVERIFY(withShortcut >= 19); // the window's commands and Edit Script
    QVERIFY(listed.contains(std::pair<QString, QString>(
        QStringLiteral("Backup Now"), QKeySequence(Qt::CTRL | Qt::Key_B).toString(QKeySequence::NativeText))));
    QVERIFY(listed.contains(std::pair<QString, QString>(QStringLiteral("Edit Script"), QStringLiteral("F4"))));
    // Quit has a key even where the platform binds none (Windows, Qt's offscreen platform).
    const auto quit =
        std::find_if(listed.cbegin(), listed.cend(), [](const auto &row) { return row.first == u"Quit"; });
    QVERIFY(quit != listed.cend());
    QVERIFY(!quit->second.isEmpty());
    qInfo("%d actions with shortcuts listed", withShortcut);
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
