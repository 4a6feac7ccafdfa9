// "Rehearse first" in the run confirmation: the window's confirmation offers it, the rehearsal
// runs on a background thread against a copy of the real SQLite file, the dialog shows each
// step's time, the error a real run stops at and the schema changes, and then the person runs
// for real (the same failure follows) or cancels (the file is as it was).
#include "FileHash.h"
#include "MainWindow.h"
#include "TestProject.h"
#include "details/SchemaChangesView.h"
#include "dialogs/ConfirmationDialog.h"
#include "dialogs/RehearsalView.h"
#include "graph/RevisionGraphModel.h"
#include "run/MigrationController.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace retort;
using namespace retort::ui;

namespace {

// a00000000001 creates items; b00000000002 adds a column; c00000000003 fails on a missing table.
QHash<QString, int> writeFailingProject(const QString &project)
{
    return writeProject(
        project,
        {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE items (id INTEGER);")},
         {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
          QStringLiteral("ALTER TABLE items ADD COLUMN price INTEGER;")},
         {QStringLiteral("c00000000003"), QStringLiteral("b00000000002"),
          QStringLiteral("INSERT INTO missing_table VALUES (1);")}});
}

} // namespace

class TestRehearsalDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_rehearsaldialog"));
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral(".local/share"))));
        QStandardPaths::setTestModeEnabled(true);
    }

    // The window's own confirmation dialog: "Rehearse first", its results, then Cancel.
    void windowOffersRehearsalAndCancelLeavesTheDatabase()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("project"));
        const QHash<QString, int> lines = writeFailingProject(project);
        const QString file = dir.filePath(QStringLiteral("test.db"));
        MainWindow window;
        window.openProject(project, QStringLiteral("sqlite:///") + file);
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
        const QByteArray before = fileSha256(file);

        QStringList seenSteps;
        QString seenError;
        int seenChanges = -1;
        bool offered = false;
        // The dialog appears once the worker has planned; it is answered from inside its exec().
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<ConfirmationDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            offered = dialog->rehearseButton() != nullptr;
            if (!offered) {
                dialog->reject();
                return;
            }
            QSignalSpy rehearsed(dialog, &ConfirmationDialog::rehearsed);
            dialog->rehearseButton()->click();
            QVERIFY(!dialog->runButton()->isEnabled()); // nothing runs for real while it rehearses
            if (rehearsed.wait(60000)) {
                QTreeWidget *steps = dialog->rehearsal()->steps();
                for (int i = 0; i < steps->topLevelItemCount(); ++i) {
                    const QTreeWidgetItem *row = steps->topLevelItem(i);
                    seenSteps << row->text(0) + QLatin1Char('|') + row->text(2) + QLatin1Char('|')
                            + (row->text(1).endsWith(QStringLiteral(" s")) ? QStringLiteral("timed") : QString());
                }
                seenError = dialog->rehearsal()->errorText();
                seenChanges = dialog->rehearsal()->changes()->tree()->topLevelItemCount();
                QVERIFY(dialog->runButton()->isEnabled());
            }
            dialog->reject();
        });
        poll.start();
        QSignalSpy declined(window.controller(), &MigrationController::declined);
        window.controller()->request(MigrationRequest::upgrade(QStringLiteral("head")));
        QTRY_COMPARE_WITH_TIMEOUT(declined.size(), 1, 60000);

        QVERIFY(offered);
        QCOMPARE(seenSteps,
                 (QStringList{QStringLiteral("upgrade  -> a00000000001|ok|timed"),
                              QStringLiteral("upgrade a00000000001 -> b00000000002|ok|timed"),
                              QStringLiteral("upgrade b00000000002 -> c00000000003|FAILED|timed")}));
        QVERIFY2(seenError.contains(
                     QStringLiteral("c00000000003_test.sql:%1").arg(lines.value(QStringLiteral("c00000000003")))),
                 qPrintable(seenError));
        QVERIFY2(seenError.contains(QStringLiteral("missing_table")), qPrintable(seenError));
        QCOMPARE(seenChanges, 1); // items, added whole: the failed step's work was rolled back
        QCOMPARE(fileSha256(file), before);
    }

    // After the rehearsal the person goes on: the real run stops at the step the rehearsal named.
    void runAfterRehearsalFailsWhereTheRehearsalSaid()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("project"));
        writeFailingProject(project);
        const QString file = dir.filePath(QStringLiteral("test.db"));
        MainWindow window;
        window.setErrorPresenter([](const RunError &) {}); // the failure is read from runFinished
        std::optional<RunError> rehearsedError;
        window.controller()->setRehearsingConfirmer(
            [&](const PlanReview &review, const MigrationController::Rehearser &rehearser) {
                ConfirmationDialog dialog(review, &window, rehearser);
                QSignalSpy rehearsed(&dialog, &ConfirmationDialog::rehearsed);
                dialog.rehearse();
                if (!rehearsed.wait(60000))
                    return false;
                const QString text = dialog.rehearsal()->errorText();
                rehearsedError = RunError::make(ErrorKind::StatementFailed, text);
                return true; // "Run"
            });
        window.openProject(project, QStringLiteral("sqlite:///") + file);
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
        QSignalSpy finished(window.controller(), &MigrationController::runFinished);
        window.controller()->request(MigrationRequest::upgrade(QStringLiteral("head")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const RunOutcome outcome = finished.first().first().value<RunOutcome>();
        QVERIFY(rehearsedError);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.stepsApplied, 2);
        // The rehearsal showed the real run's error, apart from which database it names.
        RunError real = *outcome.error;
        const QString shown = rehearsedError->message;
        real.target.clear();
        QString expected = real.toString();
        QVERIFY2(shown.startsWith(expected.section(QLatin1Char('\n'), 0, 0)),
                 qPrintable(shown + QStringLiteral("\n---\n") + expected));
        QVERIFY2(shown.contains(real.statement) && shown.contains(real.databaseMessage), qPrintable(shown));
    }
};

QTEST_MAIN(TestRehearsalDialog)
#include "tst_rehearsaldialog.moc"
