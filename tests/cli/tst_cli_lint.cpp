// `retort lint` on native SQL projects: which revisions it lints (the ones the database lacks,
// or all), JSON, text and GitHub annotations, exit codes, ignore comments and [retort] settings.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeRevision(const NativeProject &p, const QString &id, const QString &parent, const QString &up,
                   const QString &down)
{
    QDir().mkpath(p.versions());
    QFile file(p.file(id));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(u"-- Revision ID: %1\n-- Revises: %2\n-- Message: step %1\n\n-- +upgrade\n%3\n\n"
                      "-- +downgrade\n%4\n"_s.arg(id, parent, up, down)
                          .toUtf8())
        > 0;
}

// rule@revision:line, in the order given.
QStringList findingsOf(const QJsonObject &report)
{
    QStringList found;
    for (const QJsonValue &value : report.value(u"findings"_s).toArray()) {
        const QJsonObject finding = value.toObject();
        found << u"%1@%2:%3"_s.arg(finding.value(u"rule"_s).toString(), finding.value(u"revision"_s).toString())
                     .arg(finding.value(u"line"_s).toInt());
    }
    return found;
}

// aaa1 creates t_a; bbb2 empties it (an error); ccc3 renames a column (a warning).
bool writeHistory(const NativeProject &p)
{
    return writeRevision(p, u"aaa1"_s, QString(), u"CREATE TABLE t_a (id INTEGER PRIMARY KEY, name TEXT);"_s,
                         u"DROP TABLE t_a;"_s)
        && writeRevision(p, u"bbb2"_s, u"aaa1"_s, u"CREATE TABLE t_b (id INTEGER);\nDELETE FROM t_a;"_s,
                         u"DROP TABLE t_b;"_s)
        && writeRevision(p, u"ccc3"_s, u"bbb2"_s, u"ALTER TABLE t_a RENAME COLUMN name TO title;"_s,
                         u"ALTER TABLE t_a RENAME COLUMN title TO name;"_s);
}

} // namespace

class TestCliLint : public QObject
{
    Q_OBJECT

private slots:
    void withoutDatabaseEveryRevision()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        const CliResult run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY(!QFile::exists(p.database())); // linting never creates the database
        const QJsonObject report = jsonOf(run);
        QCOMPARE(strings(report.value(u"revisions"_s)), (QStringList{u"aaa1"_s, u"bbb2"_s, u"ccc3"_s}));
        QCOMPARE(strings(report.value(u"dialects"_s)), QStringList{u"sqlite"_s});
        // Errors first; SQLite's rules only (the URL's dialect): no PostgreSQL lock notices.
        QCOMPARE(findingsOf(report), (QStringList{u"delete-without-where@bbb2:7"_s, u"renaming-column@ccc3:6"_s}));
        const QJsonObject first = report.value(u"findings"_s).toArray().at(0).toObject();
        QCOMPARE(first.value(u"severity"_s).toString(), u"error"_s);
        QCOMPARE(first.value(u"path"_s).toString(), u"versions/bbb2_step.sql"_s);
        QCOMPARE(first.value(u"statement"_s).toString(), u"DELETE FROM t_a"_s);
        QVERIFY(first.value(u"message"_s).toString().contains(u"t_a"_s));
    }

    void defaultIsWhatTheDatabaseLacks()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        CliResult run = p.retort({u"upgrade"_s, u"bbb2"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run))); // a warning alone passes
        const QJsonObject report = jsonOf(run);
        QCOMPARE(strings(report.value(u"revisions"_s)), QStringList{u"ccc3"_s});
        QCOMPARE(findingsOf(report), QStringList{u"renaming-column@ccc3:6"_s});

        run = p.retort({u"upgrade"_s, u"head"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = p.retort({u"lint"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"0 revision(s) not applied"_s), qPrintable(run.out));
    }

    void revisionAndRange()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        CliResult run = p.retort({u"lint"_s, u"ccc3"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(strings(jsonOf(run).value(u"revisions"_s)), QStringList{u"ccc3"_s});
        run = p.retort({u"lint"_s, u"aaa1:bbb2"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QCOMPARE(strings(jsonOf(run).value(u"revisions"_s)), (QStringList{u"aaa1"_s, u"bbb2"_s}));
        run = p.retort({u"lint"_s, u"nosuch"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"nosuch"_s), qPrintable(run.err));
    }

    void textAndGithub()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        CliResult run = p.retort({u"lint"_s, u"bbb2"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"versions/bbb2_step.sql:7: error: DELETE FROM t_a without WHERE"_s),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(u"[delete-without-where] (bbb2)"_s));
        QVERIFY(run.out.contains(u"1 error(s), 0 warning(s), 0 notice(s)"_s));

        run = p.retort({u"lint"_s, u"--format"_s, u"github"_s});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(u"::error file=versions/bbb2_step.sql,line=7,title=delete-without-where::"_s),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(u"::warning file=versions/ccc3_step.sql,line=6,title=renaming-column::"_s),
                 qPrintable(lines.at(1)));

        run = p.retort({u"lint"_s, u"--format"_s, u"xml"_s});
        QCOMPARE(run.exitCode, 2);
    }

    void ignoreCommentsAndSettings()
    {
        NativeProject p;
        QVERIFY(writeRevision(p, u"aaa1"_s, QString(), u"CREATE TABLE t_a (id INTEGER, name TEXT);"_s,
                              u"DROP TABLE t_a;"_s));
        QVERIFY(writeRevision(p, u"bbb2"_s, u"aaa1"_s,
                              u"-- the table is rebuilt from the import\n-- retort: ignore delete-without-where\n"
                              "DELETE FROM t_a;\nALTER TABLE t_a RENAME TO t_old;"_s,
                              u"ALTER TABLE t_old RENAME TO t_a;"_s));
        CliResult run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(findingsOf(jsonOf(run)), QStringList{u"renaming-table@bbb2:9"_s});

        QFile ini(p.dir.filePath(u"alembic.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[alembic]\nscript_location = %(here)s\n\n[retort]\nlint_severity.renaming-table = error\n"
                  "lint_disable = no-such-rule\n");
        ini.close();
        run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        const QJsonObject finding = jsonOf(run).value(u"findings"_s).toArray().at(0).toObject();
        QCOMPARE(finding.value(u"rule"_s).toString(), u"renaming-table"_s);
        QCOMPARE(finding.value(u"severity"_s).toString(), u"error"_s);
        QVERIFY2(run.err.contains(u"no-such-rule"_s), qPrintable(run.err));
    }

    // An applied script edited since it ran is reported whichever revisions are linted.
    void editedAppliedScript()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        CliResult run = p.retort({u"upgrade"_s, u"ccc3"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(p.append(u"aaa1"_s, "-- an edit after the fact\n"));
        run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        const QJsonObject report = jsonOf(run);
        QCOMPARE(strings(report.value(u"revisions"_s)), QStringList{});
        QCOMPARE(findingsOf(report), QStringList{u"edited-applied-script@aaa1:1"_s});
    }

    // The review of a plan carries the findings of the steps it runs, errors first.
    void dryRunShowsFindings()
    {
        NativeProject p;
        QVERIFY(writeHistory(p));
        CliResult run = p.retort({u"upgrade"_s, u"head"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"2 lint finding(s), errors first:"_s), qPrintable(run.out));
        const qsizetype error = run.out.indexOf(u"error: DELETE FROM t_a without WHERE removes every row "
                                                "[delete-without-where] (bbb2)"_s);
        const qsizetype warning = run.out.indexOf(u"[renaming-column] (ccc3)"_s);
        QVERIFY2(error > 0 && warning > error, qPrintable(run.out));

        run = p.retort({u"upgrade"_s, u"bbb2"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray lint = jsonOf(run).value(u"review"_s).toObject().value(u"lint"_s).toArray();
        QCOMPARE(lint.size(), 1);
        QCOMPARE(lint.at(0).toObject().value(u"rule"_s).toString(), u"delete-without-where"_s);
        QCOMPARE(lint.at(0).toObject().value(u"severity"_s).toString(), u"error"_s);
        QCOMPARE(lint.at(0).toObject().value(u"line"_s).toInt(), 7);
        QVERIFY(!QFile::exists(p.database()) || p.rows().isEmpty()); // nothing ran

        // A downgrade's review lints the downgrade sections.
        run = p.retort({u"upgrade"_s, u"head"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = p.retort({u"downgrade"_s, u"aaa1"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QStringList rules;
        for (const QJsonValue &value : jsonOf(run).value(u"review"_s).toObject().value(u"lint"_s).toArray())
            rules << value.toObject().value(u"rule"_s).toString() + u'@'
                    + value.toObject().value(u"revision"_s).toString();
        QCOMPARE(rules, (QStringList{u"ban-drop-table@bbb2"_s, u"renaming-column@ccc3"_s}));
    }

    // A section marked for PostgreSQL gets PostgreSQL's rules in a SQLite project; a server that
    // cannot be reached leaves the URL's dialect and every revision.
    void dialects()
    {
        NativeProject p;
        QVERIFY(writeRevision(p, u"aaa1"_s, QString(),
                              u"CREATE TABLE t_a (id INTEGER);\n-- +upgrade postgresql\nCREATE INDEX ix ON t_x (id);"_s,
                              u"DROP TABLE t_a;"_s));
        CliResult run = p.retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(findingsOf(jsonOf(run)), QStringList{u"require-concurrent-index-creation@aaa1:8"_s});

        run = runRetort(
            {u"-d"_s, p.dir.path(), u"--url"_s, u"postgresql://nobody@127.0.0.1:1/none"_s, u"lint"_s, u"--json"_s},
            QProcessEnvironment::systemEnvironment(), p.dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(strings(jsonOf(run).value(u"dialects"_s)), QStringList{u"postgresql"_s});
        QCOMPARE(jsonOf(run).value(u"postgres_version"_s).toInt(), 15);
        QVERIFY2(run.err.contains(u"cannot reach"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLint)
#include "tst_cli_lint.moc"
