// The run confirmation lists the lint findings of the steps it will run, errors first, each
// with its advice as the tooltip.
#include "dialogs/ConfirmationDialog.h"
#include "review/PlanReview.h"

#include <QApplication>
#include <QListWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;

class TestConfirmationLint : public QObject
{
    Q_OBJECT

private slots:
    void listsFindingsErrorsFirst()
    {
        // A real review: the plan's steps are linted from their files.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"a1_m.sql"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-- Revision ID: a1\n-- Revises:\n-- Message: m\n\n-- +upgrade\n"
                   "ALTER TABLE users RENAME COLUMN a TO b;\nDELETE FROM users;\n\n-- +downgrade\nSELECT 1;\n");
        file.close();
        Revision revision;
        revision.id = u"a1"_s;
        revision.path = path;
        revision.format = ScriptFormat::Sql;
        const auto built = RevisionMap::build({revision});
        const RevisionMap &map = *built.map;
        Plan plan;
        PlanStep step;
        step.revision = u"a1"_s;
        step.direction = PlanStep::Direction::Up;
        plan.steps.append(step);
        const PlanReview review = PlanReview::build(map, plan, SqlDialect::Sqlite);
        QCOMPARE(review.lint.size(), 2);

        ConfirmationDialog dialog(review);
        auto *list = dialog.findChild<QListWidget *>(u"lintFindings"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QVERIFY2(list->item(0)->text().startsWith(u"error  a1_m.sql:7: DELETE FROM users"_s),
                 qPrintable(list->item(0)->text()));
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), u"delete-without-where"_s);
        QVERIFY(list->item(0)->toolTip().contains(u"WHERE"_s));
        QVERIFY(list->item(1)->text().startsWith(u"warning  a1_m.sql:6:"_s));

        // No findings, no list.
        ConfirmationDialog empty(PlanReview{});
        QVERIFY(!empty.findChild<QListWidget *>(u"lintFindings"_s));
    }
};

QTEST_MAIN(TestConfirmationLint)
#include "tst_confirmationlint.moc"
