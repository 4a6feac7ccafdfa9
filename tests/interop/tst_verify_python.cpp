// `retort verify` on the plain Alembic fixture through Debian's alembic: its downgrades pass; a
// copy whose downgrade forgets the column, and one whose downgrade fails, are caught. The person's
// database (DATABASE_URL) stays byte for byte as it was.
#include "CliProcess.h"
#include "FileHash.h"
#include "InteropProject.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QHash<QString, QJsonObject> stepsById(const CliResult &result)
{
    QHash<QString, QJsonObject> steps;
    for (const QJsonValue &step : QJsonDocument::fromJson(result.out.toUtf8())[u"steps"_s].toArray())
        steps.insert(step[u"revision"_s].toString(), step.toObject());
    return steps;
}

const QString kCreate = u"5a845b9de09e"_s;
const QString kEmail = u"6770b7f3cde6"_s;

} // namespace

class TestVerifyPython : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QProcessEnvironment m_env;
    QString m_userFile;
    QByteArray m_userBefore;

    QString versionFile(const QString &name) const { return m_root + u"/migrations/versions/"_s + name; }
    CliResult verify() const { return runRetort({u"-d"_s, u"."_s, u"verify"_s, u"--json"_s}, m_env, m_root); }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(u"/usr/bin/alembic"_s), "Debian's alembic is needed (apt install alembic)");
        m_root = m_dir.filePath(u"project"_s);
        QVERIFY(interop::copyTree(interop::fixture(u"plainalembic"_s), m_root));
        m_env = interop::cleanEnvironment();
        m_env.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
        // The person's database, already migrated by Alembic: verify must leave it exactly as it is.
        m_userFile = m_dir.filePath(u"user.db"_s);
        QProcessEnvironment toolEnv = m_env;
        toolEnv.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + m_userFile);
        QProcess alembic;
        alembic.setProcessEnvironment(toolEnv);
        alembic.setWorkingDirectory(m_root);
        alembic.start(u"/usr/bin/alembic"_s, {u"-c"_s, u"alembic.ini"_s, u"upgrade"_s, kCreate});
        QVERIFY(alembic.waitForFinished(180000));
        QVERIFY2(alembic.exitCode() == 0, alembic.readAllStandardError().constData());
        m_env.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + m_userFile);
        m_userBefore = fileSha256(m_userFile);
        QVERIFY(!m_userBefore.isEmpty());
    }
    void cleanup() { QCOMPARE(fileSha256(m_userFile), m_userBefore); }

    void fixturePasses()
    {
        const CliResult run = verify();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QHash<QString, QJsonObject> steps = stepsById(run);
        QCOMPARE(steps.size(), 2);
        for (const QJsonObject &step : steps)
            QVERIFY2(step[u"ok"_s].toBool(), QJsonDocument(step).toJson().constData());
    }

    void forgottenColumnIsCaught()
    {
        const QString file = versionFile(u"6770b7f3cde6_add_email_to_clients.py"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        QVERIFY(text.contains(u"batch.drop_column(\"email\")"_s));
        text.replace(u"batch.drop_column(\"email\")"_s, u"pass  # forgot the column"_s);
        QVERIFY(interop::writeFile(file, text));

        const CliResult run = verify();
        QCOMPARE(run.exitCode, 1);
        const QJsonObject step = stepsById(run).value(kEmail);
        QCOMPARE(step[u"problem"_s].toString(), u"downgrade_incomplete"_s);
        const QJsonArray differences = step[u"differences"_s].toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences[0][u"kind"_s].toString(), u"add_column"_s);
        QCOMPARE(differences[0][u"table"_s].toString(), u"clients"_s);
        QCOMPARE(differences[0][u"name"_s].toString(), u"email"_s);
        QVERIFY(stepsById(run).value(kCreate)[u"ok"_s].toBool());
    }

    void failingDowngradeIsCaught()
    {
        const QString file = versionFile(u"c0ffee000001_audit.py"_s);
        QVERIFY(interop::writeFile(file,
                                   u"\"\"\"audit\n\nRevision ID: c0ffee000001\nRevises: 6770b7f3cde6\n\"\"\"\n"
                                   "from alembic import op\nimport sqlalchemy as sa\n\n"
                                   "revision = 'c0ffee000001'\ndown_revision = '6770b7f3cde6'\n"
                                   "branch_labels = None\ndepends_on = None\n\n\n"
                                   "def upgrade():\n    op.create_table('audit', sa.Column('id', sa.Integer))\n\n\n"
                                   "def downgrade():\n    op.drop_table('audit_log')\n"_s));
        const CliResult run = verify();
        QCOMPARE(run.exitCode, 1);
        const QJsonObject step = stepsById(run).value(u"c0ffee000001"_s);
        QCOMPARE(step[u"problem"_s].toString(), u"downgrade_failed"_s);
        const QJsonObject error = step[u"error"_s].toObject();
        QCOMPARE(error[u"revision"_s].toString(), u"c0ffee000001"_s);
        QVERIFY2(error[u"message"_s].toString().contains(file + u":20"_s), qPrintable(error[u"message"_s].toString()));
        QVERIFY2(error[u"message"_s].toString().contains(u"audit_log"_s), qPrintable(error[u"message"_s].toString()));
    }
};

QTEST_GUILESS_MAIN(TestVerifyPython)
#include "tst_verify_python.moc"
