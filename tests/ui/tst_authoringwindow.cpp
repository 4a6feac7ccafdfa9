// New Revision and Autogenerate in the window: the dialog's fields become the revision command's
// request, the file is written on the worker, the graph reads it and selects it; autogenerate
// runs the project's own Alembic (Debian's) and is refused, saying why, for a native project.
#include "MainWindow.h"
#include "TestProject.h"
#include "command/InitCommand.h"
#include "dialogs/NewRevisionDialog.h"
#include "graph/RevisionGraphModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace retort;
using namespace retort::ui;

namespace {

void writeTwoHeads(const QString &project)
{
    writeProject(project,
                 {{QStringLiteral("a00000000001"), QString(), QStringLiteral("CREATE TABLE a (id INTEGER);")},
                  {QStringLiteral("b00000000002"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE b (id INTEGER);")},
                  {QStringLiteral("c00000000003"), QStringLiteral("a00000000001"),
                   QStringLiteral("CREATE TABLE c (id INTEGER);")}});
}

} // namespace

class TestAuthoringWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dialogFieldsBecomeTheRequest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeTwoHeads(dir.path());
        const auto project = ProjectSnapshot::load(dir.path(), dir.path());
        {
            // Two heads: "head" would be refused, so the first head is offered.
            NewRevisionDialog dialog(*project, QString());
            const RevisionRequest request = dialog.request();
            QVERIFY(request.head == u"b00000000002" || request.head == u"c00000000003");
            QVERIFY(!request.splice);
            QVERIFY(!request.message);
        }
        // A selected revision that is not a head is offered with Splice.
        NewRevisionDialog dialog(*project, QStringLiteral("a00000000001"));
        dialog.findChild<QLineEdit *>(QStringLiteral("message"))->setText(QStringLiteral("  add invoices "));
        dialog.findChild<QLineEdit *>(QStringLiteral("branchLabel"))->setText(QStringLiteral("billing"));
        dialog.findChild<QLineEdit *>(QStringLiteral("dependsOn"))
            ->setText(QStringLiteral("b00000000002, c00000000003,"));
        const RevisionRequest request = dialog.request();
        QCOMPARE(request.head, QStringLiteral("a00000000001"));
        QVERIFY(request.splice);
        QCOMPARE(request.message.value_or(QString()), QStringLiteral("add invoices"));
        QCOMPARE(request.branchLabel, QStringLiteral("billing"));
        QCOMPARE(request.dependsOn, (QStringList{QStringLiteral("b00000000002"), QStringLiteral("c00000000003")}));
        // A parent typed by hand is taken as typed.
        auto *parent = dialog.findChild<QComboBox *>(QStringLiteral("parent"));
        parent->setEditText(QStringLiteral("c0000"));
        QCOMPARE(dialog.request().head, QStringLiteral("c0000"));
    }

    void newRevisionWritesSelectsAndReportsRefusals()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("project"));
        writeTwoHeads(project);
        MainWindow window;
        QList<RunError> errors;
        window.setErrorPresenter([&](const RunError &error) { errors.append(error); });
        window.openProject(project, sqliteUrl(dir));
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
        QAction *action = window.action(QStringLiteral("newRevision"));
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(!action->icon().isNull());
        const int rows = window.graphModel()->rowCount();

        // Alembic's check, with Alembic's words: a parent that is not a head needs --splice.
        window.setRevisionAsker([](const ProjectSnapshot &, const QString &) {
            RevisionRequest request;
            request.message = QStringLiteral("on the base");
            request.head = QStringLiteral("a00000000001");
            return std::optional<RevisionRequest>(request);
        });
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 20000);
        QVERIFY2(errors.first().message.contains(QLatin1String("is not a head revision")),
                 qPrintable(errors.first().message));
        QCOMPARE(QDir(project + QStringLiteral("/versions")).entryList(QDir::Files).size(), 3);

        window.setRevisionAsker([](const ProjectSnapshot &, const QString &) {
            RevisionRequest request;
            request.message = QStringLiteral("add settings");
            request.head = QStringLiteral("c00000000003");
            return std::optional<RevisionRequest>(request);
        });
        QSignalSpy written(window.controller(), &MigrationController::revisionWritten);
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
        const auto outcome = written.first().first().value<RevisionOutcome>();
        QVERIFY(QFileInfo::exists(outcome.path));
        QCOMPARE(outcome.parents, QStringList{QStringLiteral("c00000000003")});
        QCOMPARE(outcome.format, ScriptFormat::Sql);
        QTRY_COMPARE(window.graphModel()->rowCount(), rows + 1);
        QTRY_COMPARE(window.selectedRevision(), outcome.revision);
    }

    void externalEditorGetsTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("project"));
        writeTwoHeads(project);
        // An "editor" that writes down what it was asked to open.
        const QString seen = dir.filePath(QStringLiteral("seen.txt"));
        const QString editor = dir.filePath(QStringLiteral("editor.sh"));
        QFile script(editor);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("printf '%s\\n' \"$@\" > \"" + seen.toUtf8() + "\"\n");
        script.close();
        qputenv("VISUAL", QByteArray("sh ") + editor.toUtf8() + " --new-window");
        MainWindow window;
        window.openProject(project);
        QTRY_VERIFY(window.graphModel()->rowCount() > 0);
        window.selectRevision(QStringLiteral("b00000000002"));
        QAction *external = window.action(QStringLiteral("openExternalEditor"));
        QVERIFY(external);
        QCOMPARE(external->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F4));
        external->trigger();
        qunsetenv("VISUAL");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(seen).size() > 0, 10000);
        QFile written(seen);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QStringList arguments = QString::fromUtf8(written.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(arguments,
                 (QStringList{QStringLiteral("--new-window"),
                              QDir(project).filePath(QStringLiteral("versions/b00000000002_test.sql"))}));
    }

    void autogenerateIsRefusedForNativeProjects()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeTwoHeads(dir.path());
        MainWindow window;
        window.openProject(dir.path(), sqliteUrl(dir));
        QTRY_VERIFY(window.graphModel()->hasDatabaseState());
        QAction *action = window.action(QStringLiteral("autogenerate"));
        QTRY_VERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QLatin1String("Unavailable")), qPrintable(action->toolTip()));
    }

    void autogenerateRunsTheProjectsAlembic()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        InitRequest init;
        init.directory = dir.filePath(QStringLiteral("migrations"));
        init.kind = ProjectTemplate::Generic;
        const auto created = initCommand(init, dir.path());
        QVERIFY2(created, created ? "" : qPrintable(created.failure()->toString()));
        MainWindow window;
        QList<RunError> errors;
        window.setErrorPresenter([&](const RunError &error) { errors.append(error); });
        window.setAutogenerateMessageAsker([] { return std::optional<QString>(QStringLiteral("first models")); });
        window.openProject(init.directory, sqliteUrl(dir));
        QTRY_VERIFY(window.controller()->isConnected());
        QAction *action = window.action(QStringLiteral("autogenerate"));
        QTRY_VERIFY2(action->isEnabled(), qPrintable(action->toolTip()));
        QSignalSpy generated(window.controller(), &MigrationController::autogenerated);
        action->trigger();
        // Alembic's own refusal first: the generic env.py has no models to compare.
        QTRY_VERIFY_WITH_TIMEOUT(generated.size() + errors.size() == 1, 60000);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().toString().contains(QLatin1String("does not provide a MetaData")),
                 qPrintable(errors.first().toString()));

        // With a model, it writes a revision that creates its table.
        const QString envPath = init.directory + QStringLiteral("/env.py");
        QFile env(envPath);
        QVERIFY(env.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(env.readAll());
        env.close();
        QVERIFY(text.contains(QLatin1String("target_metadata = None")));
        text.replace(
            QStringLiteral("target_metadata = None"),
            QStringLiteral("import sqlalchemy as sa\ntarget_metadata = sa.MetaData()\n"
                           "sa.Table('users', target_metadata, sa.Column('id', sa.Integer, primary_key=True))"));
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(text.toUtf8());
        env.close();
        errors.clear();
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(generated.size() + errors.size() == 1, 60000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        const auto outcome = generated.first().first().value<AutogenerateOutcome>();
        QVERIFY2(!outcome.revision.isEmpty() && QFileInfo::exists(outcome.path),
                 qPrintable(outcome.output.join(u'\n')));
        QFile script(outcome.path);
        QVERIFY(script.open(QIODevice::ReadOnly));
        QVERIFY2(script.readAll().contains("op.create_table('users'"), qPrintable(outcome.path));
        QTRY_COMPARE(window.selectedRevision(), outcome.revision);
    }
};

QTEST_MAIN(TestAuthoringWindow)
#include "tst_authoringwindow.moc"
