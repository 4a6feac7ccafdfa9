// `retort verify` on native SQL projects: the JSON and text reports, exit codes, ranges, and the
// project's own database left byte for byte as it was.
#include "CliProcess.h"
#include "FileHash.h"
#include "NativeProject.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeRevision(const NativeProject &p, const QString &id, const QString &parent, const QString &up,
                   const QString &down)
{
    QFile file(p.file(id));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(u"-- Revision ID: %1\n-- Revises: %2\n-- Message: step %1\n\n-- +upgrade\n%3\n\n"
                      "-- +downgrade\n%4\n"_s.arg(id, parent, up, down)
                          .toUtf8())
        > 0;
}

QHash<QString, QJsonObject> stepsById(const QJsonObject &report)
{
    QHash<QString, QJsonObject> steps;
    for (const QJsonValue &step : report.value(u"steps"_s).toArray())
        steps.insert(step.toObject().value(u"revision"_s).toString(), step.toObject());
    return steps;
}

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }

    void correctHistoryPasses()
    {
        NativeProject p;
        QVERIFY(p.addRevision(u"aaa1"_s, QString()));
        QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
        QVERIFY(p.addRevision(u"ccc3"_s, u"aaa1"_s));
        QVERIFY(p.addRevision(u"ddd4"_s, u"bbb2, ccc3"_s));
        CliResult run = p.retort({u"upgrade"_s, u"bbb2"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QByteArray before = fileSha256(p.database());

        run = p.retort({u"verify"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject report = jsonOf(run);
        QCOMPARE(report.value(u"dialect"_s).toString(), u"sqlite"_s);
        QCOMPARE(report.value(u"problems"_s).toInt(), 0);
        const QJsonArray steps = report.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps.at(0).toObject().value(u"revision"_s).toString(), u"aaa1"_s);
        for (const QJsonValue &step : steps) {
            QVERIFY(step.toObject().value(u"ok"_s).toBool());
            QVERIFY(step.toObject().value(u"problem"_s).isNull());
            QCOMPARE(step.toObject().value(u"differences"_s).toArray().size(), 0);
        }

        run = p.retort({u"verify"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"ddd4 ok"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"4 verified, 0 with problems (sqlite)"_s));
        QCOMPARE(fileSha256(p.database()), before);
        QCOMPARE(p.rows(), QStringList{u"bbb2"_s});
    }

    void forgottenColumnAndFailingDowngrade()
    {
        NativeProject p;
        QVERIFY(p.addRevision(u"aaa1"_s, QString()));
        QVERIFY(writeRevision(p, u"bbb2"_s, u"aaa1"_s, u"ALTER TABLE t_aaa1 ADD COLUMN email VARCHAR(255);"_s,
                              u"SELECT 1;"_s));
        QVERIFY(writeRevision(p, u"ccc3"_s, u"bbb2"_s, u"CREATE TABLE t_ccc3 (id INTEGER);"_s,
                              u"DROP TABLE t_ccc3;\nDROP TABLE not_there;"_s));
        QVERIFY(p.addRevision(u"ddd4"_s, u"ccc3"_s));
        CliResult run = p.retort({u"upgrade"_s, u"head"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QByteArray before = fileSha256(p.database());

        run = p.retort({u"verify"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject report = jsonOf(run);
        QCOMPARE(report.value(u"problems"_s).toInt(), 2);
        const QHash<QString, QJsonObject> steps = stepsById(report);
        QCOMPARE(steps.size(), 4);
        QVERIFY(steps.value(u"aaa1"_s).value(u"ok"_s).toBool());
        const QJsonObject bbb2 = steps.value(u"bbb2"_s);
        QCOMPARE(bbb2.value(u"ok"_s).toBool(), false);
        QCOMPARE(bbb2.value(u"problem"_s).toString(), u"downgrade_incomplete"_s);
        const QJsonArray differences = bbb2.value(u"differences"_s).toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.at(0).toObject().value(u"kind"_s).toString(), u"add_column"_s);
        QCOMPARE(differences.at(0).toObject().value(u"table"_s).toString(), u"t_aaa1"_s);
        QCOMPARE(differences.at(0).toObject().value(u"name"_s).toString(), u"email"_s);
        const QJsonObject ccc3 = steps.value(u"ccc3"_s);
        QCOMPARE(ccc3.value(u"problem"_s).toString(), u"downgrade_failed"_s);
        const QJsonObject error = ccc3.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"revision"_s).toString(), u"ccc3"_s);
        QCOMPARE(error.value(u"path"_s).toString(), p.file(u"ccc3"_s));
        QCOMPARE(error.value(u"line"_s).toInt(), 10);
        QVERIFY2(error.value(u"database_message"_s).toString().contains(u"not_there"_s),
                 qPrintable(error.value(u"database_message"_s).toString()));
        QVERIFY(steps.value(u"ddd4"_s).value(u"ok"_s).toBool());

        run = p.retort({u"verify"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"bbb2 downgrade_incomplete"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"    add_column t_aaa1.email"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"ccc3 downgrade_failed"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"4 verified, 2 with problems (sqlite)"_s));

        // A range as history -r takes it: only ddd4, which passes.
        run = p.retort({u"verify"_s, u"ccc3:"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(stepsById(jsonOf(run)).keys().size(), 2);
        run = p.retort({u"verify"_s, u"ddd4:"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(jsonOf(run).value(u"steps"_s).toArray().size(), 1);

        QCOMPARE(fileSha256(p.database()), before);
        QCOMPARE(p.rows(), QStringList{u"ddd4"_s});
    }

    void usageErrors()
    {
        NativeProject p;
        QVERIFY(p.addRevision(u"aaa1"_s, QString()));
        CliResult run = p.retort({u"verify"_s, u"--dialect"_s, u"oracle"_s});
        QCOMPARE(run.exitCode, 2);
        run = p.retort({u"verify"_s, u"nothere:"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(jsonOf(run).value(u"error"_s).toObject().contains(u"kind"_s));
        run = p.retort({u"verify"_s, u"a:b"_s, u"c"_s});
        QCOMPARE(run.exitCode, 2);
    }

private:
    QTemporaryDir m_cache;
};

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"
