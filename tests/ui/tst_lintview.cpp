// Lint in the window: the findings are computed off the GUI thread, the graph row carries a
// badge with the worst severity, and the details pane's Lint tab lists the revision's findings;
// a double-click shows the statement's line in the script.
#include "ScriptView.h"
#include "TestProject.h"
#include "command/ProjectSnapshot.h"
#include "details/LintLoader.h"
#include "details/RevisionDetailsView.h"
#include "graph/RevisionGraphDelegate.h"
#include "graph/RevisionGraphModel.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;

class TestLintView : public QObject
{
    Q_OBJECT

private slots:
    void badgeAndTab()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QHash<QString, int> firstLines =
            writeProject(dir.path(),
                         {{u"a00000000001"_s, QString(), u"CREATE TABLE items (id INTEGER);"_s},
                          {u"b00000000002"_s, u"a00000000001"_s,
                           u"ALTER TABLE items RENAME COLUMN id TO ident;\nDELETE FROM items;"_s},
                          {u"c00000000003"_s, u"b00000000002"_s, u"CREATE TABLE more (id INTEGER);"_s}});
        const auto snapshot = ProjectSnapshot::load(dir.path(), dir.path());

        LintLoader loader;
        QHash<QString, LintFindings> findings;
        QSignalSpy done(&loader, &LintLoader::loaded);
        connect(&loader, &LintLoader::loaded, this,
                [&findings](const QHash<QString, LintFindings> &found) { findings = found; });
        loader.load(snapshot, u"sqlite:///app.db"_s);
        QVERIFY(done.wait(20000));
        // The test project's downgrades are empty: every revision that changes the schema says so.
        QCOMPARE(findings.size(), 3);

        RevisionGraphModel model;
        model.setSnapshot(snapshot);
        model.setLintFindings(findings);
        const auto labels = [&](const QString &id, int role) {
            return model.index(model.rowOfRevision(id), RevisionGraphModel::LabelsColumn).data(role);
        };
        QCOMPARE(labels(u"b00000000002"_s, RevisionGraphModel::LintRole).toString(), u"error"_s);
        QCOMPARE(labels(u"b00000000002"_s, RevisionGraphModel::LintCountRole).toInt(), 3);
        QCOMPARE(labels(u"a00000000001"_s, RevisionGraphModel::LintRole).toString(), u"warning"_s);
        const QList<RevisionGraphDelegate::Badge> badges = RevisionGraphDelegate::badges(
            model.index(model.rowOfRevision(u"b00000000002"_s), RevisionGraphModel::LabelsColumn));
        QVERIFY(!badges.isEmpty());
        QCOMPARE(badges.constLast().text, u"lint error (3)"_s);
        QCOMPARE(badges.constLast().color, QColor(0xc0, 0x39, 0x2b));
        model.setLintFindings({});
        for (const auto &badge : RevisionGraphDelegate::badges(
                 model.index(model.rowOfRevision(u"b00000000002"_s), RevisionGraphModel::LabelsColumn)))
            QVERIFY(!badge.text.startsWith(u"lint"_s));
        QCOMPARE(labels(u"b00000000002"_s, RevisionGraphModel::LintRole).toString(), QString());
        model.setLintFindings(findings);

        RevisionDetailsView view;
        view.setLintFindings(findings);
        view.showRevision(*snapshot, snapshot->map().indexOf(u"b00000000002"_s), SqlDialect::Sqlite);
        QTreeWidget *list = view.lintView();
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(0), u"error"_s);
        QCOMPARE(list->topLevelItem(0)->text(2), u"delete-without-where"_s);
        const int deleteLine = firstLines.value(u"b00000000002"_s) + 1;
        QCOMPARE(list->topLevelItem(0)->text(1), QString::number(deleteLine));
        QCOMPARE(list->topLevelItem(1)->text(2), u"renaming-column"_s);
        QCOMPARE(list->topLevelItem(2)->text(2), u"empty-downgrade"_s);

        view.showLintTab();
        emit list->itemDoubleClicked(list->topLevelItem(0), 0);
        int line = -1;
        int column = -1;
        view.scriptView()->getCursorPosition(&line, &column);
        QCOMPARE(line + 1, deleteLine);

        // Another revision: its own findings.
        view.showRevision(*snapshot, snapshot->map().indexOf(u"c00000000003"_s), SqlDialect::Sqlite);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(2), u"empty-downgrade"_s);
    }
};

QTEST_MAIN(TestLintView)
#include "tst_lintview.moc"
