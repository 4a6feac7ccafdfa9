// `retort lint` against the PostgreSQL fixture: the rules assume the connected server's version
// (lint_postgres_version overrides it), and the default is what the database lacks.
#include "CliProcess.h"
#include "TestDatabase.h"
#include "db/Connection.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QStringList rulesOf(const QJsonObject &report)
{
    QStringList rules;
    for (const QJsonValue &value : report.value(u"findings"_s).toArray())
        rules << value.toObject().value(u"rule"_s).toString() + u'@' + value.toObject().value(u"revision"_s).toString();
    return rules;
}

} // namespace

class TestCliLintPostgres : public QObject
{
    Q_OBJECT

private slots:
    void serverVersionAndPendingRevisions()
    {
        QString failure;
        const auto database = TestDatabase::create(u"postgresql"_s, &failure);
        QVERIFY2(database, qPrintable(failure));
        int serverMajor = 0;
        {
            const auto connection = database->connect(&failure);
            QVERIFY2(connection, qPrintable(failure));
            QSqlQuery query(connection->database());
            QVERIFY(query.exec(u"SHOW server_version_num"_s) && query.next());
            serverMajor = query.value(0).toInt() / 10000;
        }
        QVERIFY(serverMajor >= 11);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"versions/aaa1_t.sql"_s),
                          "-- Revision ID: aaa1\n-- Revises:\n-- Message: t\n\n-- +upgrade\n"
                          "CREATE TABLE t (id integer);\nCREATE INDEX ix_t ON t (id);\n\n"
                          "-- +downgrade\nDROP TABLE t;\n"));
        QVERIFY(writeFile(dir.filePath(u"versions/bbb2_a.sql"_s),
                          "-- Revision ID: bbb2\n-- Revises: aaa1\n-- Message: a\n\n-- +upgrade\n"
                          "SET lock_timeout = '2s';\nALTER TABLE t ADD COLUMN a integer DEFAULT 0;\n\n"
                          "-- +downgrade\nALTER TABLE t DROP COLUMN a;\n"));
        const auto retort = [&](const QStringList &arguments) {
            return runRetort(QStringList{u"-d"_s, dir.path(), u"--url"_s, database->url()} + arguments,
                             QProcessEnvironment::systemEnvironment(), dir.path());
        };
        CliResult run = retort({u"upgrade"_s, u"aaa1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        // The server's version: from 11 a constant default does not rewrite the table.
        run = retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(u"postgres_version"_s).toInt(), serverMajor);
        QCOMPARE(report.value(u"revisions"_s).toArray().size(), 1);
        QCOMPARE(rulesOf(report), QStringList{});

        const auto reviewRules = [&] {
            const CliResult plan = retort({u"upgrade"_s, u"head"_s, u"--dry-run"_s, u"--json"_s});
            QStringList rules;
            for (const QJsonValue &value : QJsonDocument::fromJson(plan.out.toUtf8())
                                               .object()
                                               .value(u"review"_s)
                                               .toObject()
                                               .value(u"lint"_s)
                                               .toArray())
                rules << value.toObject().value(u"rule"_s).toString();
            return rules;
        };
        QCOMPARE(reviewRules(), QStringList{}); // the plan review assumes the server's version too

        QVERIFY(writeFile(dir.filePath(u"alembic.ini"_s),
                          "[alembic]\nscript_location = %(here)s\n\n[retort]\nlint_postgres_version = 10\n"));
        run = retort({u"lint"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(u"postgres_version"_s).toInt(), 10);
        QCOMPARE(rulesOf(report), QStringList{u"adding-field-with-default@bbb2"_s});
        QCOMPARE(reviewRules(), QStringList{u"adding-field-with-default"_s});

        // All revisions on request, with PostgreSQL's rules (the connected database's dialect).
        run = retort({u"lint"_s, u":"_s, u"--json"_s});
        report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(rulesOf(report), (QStringList{u"adding-field-with-default@bbb2"_s}));
        run = retort({u"lint"_s, u"aaa1"_s, u"--json"_s});
        report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(rulesOf(report), QStringList{}); // the index is on a table the step creates
    }
};

QTEST_GUILESS_MAIN(TestCliLintPostgres)
#include "tst_cli_lint_postgres.moc"
