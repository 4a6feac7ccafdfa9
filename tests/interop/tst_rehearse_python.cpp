// `retort rehearse` on Python projects with Debian's real flask and alembic: the steps run through
// the project's own Alembic on a copy of the person's SQLite file, which stays byte for byte as it
// was; a project that ignores DATABASE_URL (an env.py reading alembic.ini, an app with a fixed
// URL) has its connection to the live file refused instead of migrating it.
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

QString describe(const CliResult &result)
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(result.exitCode).arg(result.out, result.err);
}

bool replaceIn(const QString &path, const QString &from, const QString &to)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    if (!text.contains(from))
        return false;
    return interop::writeFile(path, text.replace(from, to));
}

} // namespace

class TestRehearsePython : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_live;
    QProcessEnvironment m_env;

    CliResult retort(const QString &project, const QStringList &arguments) const
    {
        return runRetort(QStringList{u"-d"_s, project} + arguments, m_env, m_root);
    }

    bool setUp(const QString &fixture)
    {
        m_dir = std::make_unique<QTemporaryDir>(); // each test its own copy and live file
        m_root = m_dir->filePath(fixture);
        m_live = m_dir->filePath(fixture + u".db"_s);
        m_env = interop::cleanEnvironment();
        m_env.insert(u"DATABASE_URL"_s, u"sqlite:///"_s + m_live);
        return interop::copyTree(interop::fixture(fixture), m_root);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(u"/usr/bin/flask"_s),
                 "Debian's flask is needed (apt install python3-flask-migrate)");
        QVERIFY2(QFileInfo::exists(u"/usr/bin/alembic"_s), "Debian's alembic is needed (apt install alembic)");
    }

    void flaskProjectRehearsesOnACopy()
    {
        QVERIFY(setUp(u"flaskapp"_s));
        const CliResult first = retort(u"migrations"_s, {u"upgrade"_s, u"3f247d40a9c4"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QByteArray before = fileSha256(m_live);
        QVERIFY(!before.isEmpty());

        const CliResult planned = retort(u"migrations"_s, {u"upgrade"_s, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(planned.exitCode == 0, qPrintable(describe(planned)));
        QStringList plannedRevisions;
        for (const QJsonValue &step : QJsonDocument::fromJson(planned.out.toUtf8())[u"steps"_s].toArray())
            plannedRevisions << step[u"revision"_s].toString();
        QCOMPARE(plannedRevisions.size(), 4);

        const CliResult rehearsal = retort(u"migrations"_s, {u"rehearse"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 0, qPrintable(describe(rehearsal)));
        QCOMPARE(fileSha256(m_live), before);
        const QJsonObject report = QJsonDocument::fromJson(rehearsal.out.toUtf8()).object();
        QCOMPARE(report[u"ok"_s].toBool(), true);
        QStringList rehearsed;
        for (const QJsonValue &step : report[u"steps"_s].toArray()) {
            rehearsed << step[u"revision"_s].toString();
            QVERIFY2(step[u"ok"_s].toBool(), qPrintable(rehearsal.out));
            QVERIFY(step[u"seconds"_s].isDouble());
        }
        QCOMPARE(rehearsed, plannedRevisions);
        QStringList changed;
        for (const QJsonValue &change : report[u"changes"_s].toArray())
            changed << change[u"kind"_s].toString() + u' ' + change[u"table"_s].toString() + u'.'
                    + change[u"name"_s].toString();
        QVERIFY2(changed.contains(u"add_column time_entries.note"_s), qPrintable(changed.join(u'\n')));
        QVERIFY2(changed.contains(u"add_column projects.hourly_rate"_s), qPrintable(changed.join(u'\n')));
        QVERIFY2(changed.contains(u"add_column users.is_active"_s), qPrintable(changed.join(u'\n')));
        // Still at the first revision: the real upgrade has everything left to do.
        const CliResult current = retort(u"migrations"_s, {u"current"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(current.out.toUtf8())[u"heads"_s].toArray(), QJsonArray{u"3f247d40a9c4"_s});
    }

    void flaskAppWithItsOwnUrlIsRefused()
    {
        QVERIFY(setUp(u"flaskapp"_s));
        const CliResult first = retort(u"migrations"_s, {u"upgrade"_s, u"3f247d40a9c4"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        // The application ignores DATABASE_URL and always opens the live file.
        QVERIFY(replaceIn(m_root + u"/app.py"_s,
                          u"os.environ.get(\n    \"DATABASE_URL\", \"sqlite:///\" + os.path.join(app.instance_path, "
                          "\"timetracker.db\"))"_s,
                          u"\"sqlite:///"_s + m_live + u"\""_s));
        const QByteArray before = fileSha256(m_live);
        const CliResult rehearsal = retort(u"migrations"_s, {u"rehearse"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 1, qPrintable(describe(rehearsal)));
        QCOMPARE(fileSha256(m_live), before);
        QVERIFY2(QString(rehearsal.out + rehearsal.err).contains(u"Retort refused a connection"_s),
                 qPrintable(describe(rehearsal)));
    }

    void alembicEnvReadingItsIniIsRefused()
    {
        QVERIFY(setUp(u"plainalembic"_s));
        // env.py takes sqlalchemy.url from alembic.ini, which names the live file.
        QVERIFY(replaceIn(m_root + u"/migrations/env.py"_s, u"if os.environ.get(\"DATABASE_URL\"):"_s, u"if False:"_s));
        QVERIFY(replaceIn(m_root + u"/alembic.ini"_s, u"sqlalchemy.url = driver://user:pass@localhost/dbname"_s,
                          u"sqlalchemy.url = sqlite:///"_s + m_live));
        const CliResult first = retort(u"."_s, {u"upgrade"_s, u"5a845b9de09e"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QByteArray before = fileSha256(m_live);
        QVERIFY(!before.isEmpty());
        const CliResult rehearsal = retort(u"."_s, {u"rehearse"_s, u"--json"_s});
        QVERIFY2(rehearsal.exitCode == 1, qPrintable(describe(rehearsal)));
        QCOMPARE(fileSha256(m_live), before);
        const QJsonObject report = QJsonDocument::fromJson(rehearsal.out.toUtf8()).object();
        QCOMPARE(report[u"steps"_s].toArray().size(), 1);
        QCOMPARE(report[u"steps"_s][0][u"ok"_s].toBool(), false);
        QVERIFY2(QString(rehearsal.out + rehearsal.err).contains(u"Retort refused a connection"_s),
                 qPrintable(describe(rehearsal)));
    }
};

QTEST_GUILESS_MAIN(TestRehearsePython)
#include "tst_rehearse_python.moc"
