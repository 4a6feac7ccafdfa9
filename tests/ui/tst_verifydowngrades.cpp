// Verify Downgrades in the window, on the offscreen platform: the action over the selected rows
// or every revision, badges on the rows with the problem in their tooltip, failures in Problems,
// cancel from the status bar, and the person's database left as it was.
#include "MainActions.h"
#include "MainWindow.h"
#include "details/DowngradeVerifyPresenter.h"
#include "graph/ProblemListModel.h"
#include "graph/RevisionGraphModel.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

bool writeRevision(const QString &root, const QString &id, const QString &parent, const QString &up,
                   const QString &down)
{
    QDir(root).mkpath(u"versions"_s);
    QFile file(QDir(root).filePath(u"versions/"_s + id + u"_step.sql"_s));
    return file.open(QIODevice::WriteOnly)
        && file.write(u"-- Revision ID: %1\n-- Revises: %2\n-- Message: step %1\n\n-- +upgrade\n%3\n\n"
                      "-- +downgrade\n%4\n"_s.arg(id, parent, up, down)
                          .toUtf8())
        > 0;
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

} // namespace

class TestVerifyDowngrades : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u".cache"_s)));
        QStandardPaths::setTestModeEnabled(true);
    }

    void actionNeedsOnlyAProject()
    {
        ActionState state;
        QVERIFY(!MainActions::unavailableReason(MainActions::VerifyDowngrades, state).isEmpty());
        state.project = true;
        state.busy = true; // a run on the person's database does not stop a check on shadows
        QCOMPARE(MainActions::unavailableReason(MainActions::VerifyDowngrades, state), QString());
    }

    void badgesAndProblemsFromAReport()
    {
        VerifyReport report;
        StepVerification ok;
        ok.revision = u"a1"_s;
        StepVerification incomplete;
        incomplete.revision = u"b2"_s;
        incomplete.problem = StepVerification::Problem::DowngradeIncomplete;
        SchemaChange change;
        change.kind = SchemaChange::Kind::AddColumn;
        change.table = u"clients"_s;
        change.name = u"email"_s;
        incomplete.differences = {change};
        report.steps = {ok, incomplete};
        const auto badges = verificationBadges(report);
        QCOMPARE(badges.value(u"a1"_s).problem, u"ok"_s);
        QCOMPARE(badges.value(u"b2"_s).problem, u"downgrade_incomplete"_s);
        QVERIFY2(badges.value(u"b2"_s).details.contains(u"add_column clients.email"_s),
                 qPrintable(badges.value(u"b2"_s).details));
        const Problems problems = verificationProblems(report, RevisionMap{});
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().revision, u"b2"_s);
        QCOMPARE(problems.constFirst().kind, u"Downgrade:downgrade_incomplete"_s);
    }

    void windowVerifiesSelectionOrEverything()
    {
        QTemporaryDir dir;
        QVERIFY(
            writeRevision(dir.path(), u"a00000000001"_s, {}, u"CREATE TABLE t (id INTEGER);"_s, u"DROP TABLE t;"_s));
        QVERIFY(writeRevision(dir.path(), u"a00000000002"_s, u"a00000000001"_s,
                              u"ALTER TABLE t ADD COLUMN email TEXT;"_s, u"SELECT 1;"_s));
        QVERIFY(writeRevision(dir.path(), u"a00000000003"_s, u"a00000000002"_s, u"CREATE TABLE u (id INTEGER);"_s,
                              u"DROP TABLE u;"_s));
        const QString database = dir.filePath(u"user.db"_s);
        QVERIFY(QFile(database).open(QIODevice::WriteOnly));
        const QByteArray before = hashOf(database);

        MainWindow window;
        window.openProject(dir.path(), u"sqlite:///"_s + database);
        DowngradeVerifyPresenter *presenter = window.verifyPresenter();
        QList<std::shared_ptr<const VerifyReport>> finished;
        connect(presenter, &DowngradeVerifyPresenter::finished, this,
                [&finished](std::shared_ptr<const VerifyReport> report) { finished.append(std::move(report)); });
        auto *action = window.findChild<QAction *>(u"verifyDowngrades"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));

        // Nothing selected: every revision.
        window.graphView()->selectionModel()->clearSelection();
        action->trigger();
        auto *cancel = window.findChild<QPushButton *>(u"cancelVerification"_s);
        QVERIFY(cancel);
        QVERIFY(!cancel->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(cancel->isHidden());
        auto report = finished.takeFirst();
        QCOMPARE(report->steps.size(), 3);
        RevisionGraphModel *model = window.graphModel();
        const auto labels = [&](const QString &id, int role) {
            return model->index(model->rowOfRevision(id), RevisionGraphModel::LabelsColumn).data(role);
        };
        QCOMPARE(labels(u"a00000000001"_s, RevisionGraphModel::VerificationRole).toString(), u"ok"_s);
        QCOMPARE(labels(u"a00000000002"_s, RevisionGraphModel::VerificationRole).toString(), u"downgrade_incomplete"_s);
        QCOMPARE(labels(u"a00000000003"_s, RevisionGraphModel::VerificationRole).toString(), u"ok"_s);
        QVERIFY2(labels(u"a00000000002"_s, Qt::ToolTipRole).toString().contains(u"add_column t.email"_s),
                 qPrintable(labels(u"a00000000002"_s, Qt::ToolTipRole).toString()));
        auto *problems = window.findChild<ProblemListModel *>();
        QVERIFY(problems);
        int found = 0;
        for (const Problem &problem : problems->problems()) {
            if (problem.kind == u"Downgrade:downgrade_incomplete") {
                ++found;
                QCOMPARE(problem.revision, u"a00000000002"_s);
                QVERIFY(problem.path.endsWith(u"a00000000002_step.sql"_s));
            }
        }
        QCOMPARE(found, 1);
        window.graphView()->grab(); // the delegate paints the badges

        // One row selected: that revision only.
        window.selectRevision(u"a00000000003"_s);
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        report = finished.takeFirst();
        QCOMPARE(report->steps.size(), 1);
        QCOMPARE(report->steps.constFirst().revision, u"a00000000003"_s);

        // Cancel from the status bar: nothing is shown of that verification.
        window.graphView()->selectionModel()->clearSelection();
        action->trigger();
        QVERIFY(presenter->isRunning());
        cancel->click();
        QVERIFY(!presenter->isRunning());
        QVERIFY(cancel->isHidden());
        QCOMPARE(window.statusBar()->currentMessage(), u"Verification cancelled"_s);
        QVERIFY(finished.isEmpty());

        QCOMPARE(hashOf(database), before);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestVerifyDowngrades)
#include "tst_verifydowngrades.moc"
