// The pure parts of backups: default names, unique paths, temporary files, sidecars, settings, retention, which
// plans need a backup, and how the PostgreSQL tools are given the connection and the password.
#include "backup/BackupFiles.h"
#include "backup/BackupPolicy.h"
#include "backup/PartialFile.h"
#include "backup/PostgresDump.h"
#include "command/BackupCommands.h"
#include "graph/Plan.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

void touch(const QString &path, const QByteArray &bytes = "x")
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

BackupInfo makeInfo(const QString &path, const QString &source, const QDateTime &when)
{
    BackupInfo info;
    info.path = path;
    info.dialect = u"sqlite"_s;
    info.database = u"app"_s;
    info.source = source;
    info.url = u"sqlite:////tmp/app.db"_s;
    info.heads = {u"abc"_s};
    info.size = 1;
    info.sha256 = u"00"_s;
    info.retortVersion = u"0.1.0"_s;
    info.createdAt = when;
    return info;
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

PlanStep step(PlanStep::Direction direction, bool stamp = false)
{
    PlanStep s;
    s.direction = direction;
    s.stamp = stamp;
    s.revision = stamp ? QString() : u"r1"_s;
    return s;
}

} // namespace

class TestBackupFiles : public QObject
{
    Q_OBJECT

private slots:
    void defaultFileName_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sqlite") << u"sqlite"_s << u"app"_s << u"backup_app_20240102_030405.db"_s;
        QTest::newRow("postgresql") << u"postgresql"_s << u"shop"_s << u"backup_shop_20240102_030405.dump"_s;
        QTest::newRow("odd characters") << u"sqlite"_s << u"my db/../x"_s << u"backup_my_db_.._x_20240102_030405.db"_s;
        QTest::newRow("non-ascii") << u"postgresql"_s << u"caf\u00e9"_s << u"backup_caf__20240102_030405.dump"_s;
        QTest::newRow("empty") << u"sqlite"_s << QString() << u"backup_database_20240102_030405.db"_s;
    }
    void defaultFileName()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, database);
        QFETCH(QString, expected);
        const QDateTime when(QDate(2024, 1, 2), QTime(3, 4, 5));
        QCOMPARE(BackupFiles::defaultFileName(dialect, database, when), expected);
    }

    void uniquePath_data()
    {
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free") << QStringList() << u"b.db"_s;
        QTest::newRow("taken") << QStringList{u"b.db"_s} << u"b_2.db"_s;
        QTest::newRow("sidecar only") << QStringList{u"b.db.json"_s} << u"b_2.db"_s;
        QTest::newRow("two taken") << QStringList{u"b.db"_s, u"b_2.db"_s} << u"b_3.db"_s;
    }
    void uniquePath()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        for (const QString &name : existing)
            touch(dir.filePath(name));
        QCOMPARE(BackupFiles::uniquePath(dir.path(), u"b.db"_s), dir.filePath(expected));
    }

    void ownerOnlyFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"new.db"_s);
        QVERIFY(BackupFiles::createOwnerOnly(path).ok());
        QCOMPARE(modeOf(path), 0600);
        QVERIFY2(!BackupFiles::createOwnerOnly(path).ok(), "an existing file must not be reused");
        BackupInfo info = makeInfo(path, u"s"_s, QDateTime::currentDateTimeUtc());
        QVERIFY(BackupFiles::writeSidecar(info).ok());
        QCOMPARE(modeOf(BackupInfo::sidecarPath(path)), 0600);
    }

    // What a killed backup left goes; what a running one is writing, and complete backups, stay.
    void abandonedPartialFiles()
    {
        QTemporaryDir dir;
        const auto in = [&dir](const char *name) { return dir.filePath(QString::fromLatin1(name)); };
        touch(in("backup_killed.db.partial"));
        touch(in("backup_killed.db.json.partial"));
        touch(in("backup_killed.db.json")); // written before the data got its name
        touch(in("backup_renamed.db"));
        touch(in("backup_renamed.db.json"));
        touch(in("backup_renamed.db.partial")); // killed in an earlier attempt under the same name
        touch(in("backup_done.db"));
        touch(in("backup_done.db.json"));
        touch(in("other.db.partial")); // not a default name: perhaps another program's
        PartialFile running(in("backup_running.db.partial"));
        QVERIFY(running.create().ok());
        QCOMPARE(modeOf(running.path()), 0600);
        touch(in("backup_running.db.json"));

        QStringList removed = PartialFile::removeAbandoned(dir.path());
        removed.sort();
        QCOMPARE(removed,
                 (QStringList{in("backup_killed.db.json"), in("backup_killed.db.json.partial"),
                              in("backup_killed.db.partial"), in("backup_renamed.db.partial")}));
        for (const char *kept : {"backup_renamed.db", "backup_renamed.db.json", "backup_done.db", "backup_done.db.json",
                                 "backup_running.db.partial", "backup_running.db.json"})
            QVERIFY2(QFile::exists(in(kept)), kept);
        QVERIFY2(!PartialFile(in("backup_running.db.partial")).create().ok(),
                 "a partial file in use must not be taken over");
    }

    void sidecarRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"backup_app_20240102_030405.db"_s);
        touch(path);
        const BackupInfo info =
            makeInfo(path, u"/tmp/app.db"_s, QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
        QVERIFY(BackupFiles::writeSidecar(info).ok());
        const auto read = BackupFiles::readSidecar(path);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->toJson(), info.toJson());
        QCOMPARE(read->createdAt, info.createdAt);
        QCOMPARE(read->heads, info.heads);
    }

    void sidecarRefused_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: no sidecar at all
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("missing") << QByteArray() << u"no sidecar"_s;
        QTest::newRow("not json") << QByteArray("{{{") << u"not a Retort backup sidecar"_s;
        QTest::newRow("other json") << QByteArray(R"({"name": "x"})") << u"not a Retort backup sidecar"_s;
        QTest::newRow("array") << QByteArray("[1]") << u"not a Retort backup sidecar"_s;
    }
    void sidecarRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"file.db"_s);
        touch(path);
        if (!content.isEmpty())
            touch(BackupInfo::sidecarPath(path), content);
        const auto read = BackupFiles::readSidecar(path);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(expectedWords), qPrintable(read.error().message));
    }

    void sha256_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("abc") << QByteArray("abc");
        QTest::newRow("two blocks") << QByteArray(100000, 'z');
        // Around SHA-256's 64-byte blocks and its 56-byte padding limit, and past the 4 MiB chunks
        // the file is read in.
        for (const int size : {55, 56, 63, 64, 65, 119, 120, 4 * 1024 * 1024, 4 * 1024 * 1024 + 3}) {
            QByteArray bytes(size, Qt::Uninitialized);
            quint32 x = 2463534242u + quint32(size);
            for (char &c : bytes) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                c = char(x);
            }
            QTest::addRow("%d bytes", size) << bytes;
        }
    }
    void sha256()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f"_s);
        touch(path, content);
        const auto digest = BackupFiles::sha256(path);
        QVERIFY2(digest, qPrintable(digest ? QString() : digest.error().message));
        QCOMPARE(*digest, QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
        if (content == "abc") // FIPS 180-2's own example
            QCOMPARE(*digest, u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
        const auto missing = BackupFiles::sha256(dir.filePath(u"missing"_s));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(u"missing"_s));
    }

    void listAndPrune_data()
    {
        QTest::addColumn<int>("keep");
        QTest::addColumn<int>("expectedLeft"); // of the 4 backups of source A
        QTest::newRow("keep 2") << 2 << 2;
        QTest::newRow("keep 1") << 1 << 1;
        QTest::newRow("keep 10") << 10 << 4;
        QTest::newRow("keep all (0)") << 0 << 4;
    }
    void listAndPrune()
    {
        QFETCH(int, keep);
        QFETCH(int, expectedLeft);
        QTemporaryDir dir;
        const QDateTime start(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
        for (int i = 0; i < 4; ++i) {
            const QString path = dir.filePath(u"a%1.db"_s.arg(i));
            touch(path);
            QVERIFY(BackupFiles::writeSidecar(makeInfo(path, u"A"_s, start.addSecs(i * 60))).ok());
        }
        const QString other = dir.filePath(u"b.db"_s);
        touch(other);
        QVERIFY(BackupFiles::writeSidecar(makeInfo(other, u"B"_s, start.addSecs(-3600))).ok());
        touch(dir.filePath(u"orphan.db.json"_s), "{}"); // a sidecar without its file is not listed

        const QList<BackupInfo> all = BackupFiles::list(dir.path());
        QCOMPARE(all.size(), 5);
        QCOMPARE(all.first().path, dir.filePath(u"a3.db"_s)); // newest first
        QCOMPARE(all.last().path, other);

        const QStringList removed = BackupFiles::prune(dir.path(), u"A"_s, keep);
        QCOMPARE(removed.size(), 4 - expectedLeft);
        for (const QString &path : removed) {
            QVERIFY(!QFile::exists(path));
            QVERIFY(!QFile::exists(BackupInfo::sidecarPath(path)));
        }
        const QList<BackupInfo> left = BackupFiles::list(dir.path());
        QCOMPARE(left.size(), expectedLeft + 1);
        for (int i = 0; i < expectedLeft; ++i) // the newest ones stay
            QCOMPARE(left.at(i).path, dir.filePath(u"a%1.db"_s.arg(3 - i)));
        QVERIFY(QFile::exists(other));
    }

    void prepareDirectory_data()
    {
        QTest::addColumn<QString>("relative"); // under a temporary folder; "<file>" is a regular file
        QTest::addColumn<bool>("ok");
        QTest::newRow("existing") << u"."_s << true;
        QTest::newRow("new nested") << u"a/b/c"_s << true;
        QTest::newRow("is a file") << u"<file>"_s << false;
        QTest::newRow("under a file") << u"<file>/sub"_s << false;
    }
    void prepareDirectory()
    {
        QFETCH(QString, relative);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        touch(dir.filePath(u"<file>"_s));
        const QString path = dir.filePath(relative);
        const auto problem = BackupFiles::prepareDirectory(path);
        QCOMPARE(problem.ok(), ok);
        if (!problem.ok())
            QVERIFY2(problem.error().message.contains(path), qPrintable(problem.error().message));
        else
            QVERIFY(QFileInfo(path).isDir());
    }

    void policy_data()
    {
        QTest::addColumn<QStringList>("settings"); // key=value pairs of [retort]
        QTest::addColumn<QString>("directory"); // relative to the ini's folder
        QTest::addColumn<bool>("beforeUpgrade");
        QTest::addColumn<int>("keep");
        QTest::addColumn<int>("problems");
        QTest::newRow("defaults") << QStringList() << u"backups"_s << false << 10 << 0;
        QTest::newRow("relative dir") << QStringList{u"backup_dir=../saved"_s} << u"../saved"_s << false << 10 << 0;
        QTest::newRow("absolute dir") << QStringList{u"backup_dir=/var/tmp/b"_s} << u"/var/tmp/b"_s << false << 10 << 0;
        QTest::newRow("before upgrade") << QStringList{u"backup_before_upgrade=yes"_s} << u"backups"_s << true << 10
                                        << 0;
        QTest::newRow("keep 3") << QStringList{u"backup_keep=3"_s} << u"backups"_s << false << 3 << 0;
        QTest::newRow("keep 0") << QStringList{u"backup_keep=0"_s} << u"backups"_s << false << 0 << 0;
        QTest::newRow("bad values") << QStringList{u"backup_keep=-1"_s, u"backup_before_upgrade=maybe"_s}
                                    << u"backups"_s << false << 10 << 2;
    }
    void policy()
    {
        QFETCH(QStringList, settings);
        QFETCH(QString, directory);
        QFETCH(bool, beforeUpgrade);
        QFETCH(int, keep);
        QFETCH(int, problems);
        ProjectConfig config;
        config.iniPath = u"/srv/app/migrations/alembic.ini"_s;
        for (const QString &pair : settings)
            config.retort.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        const BackupPolicy policy = BackupPolicy::fromConfig(config);
        // No backup_dir: a per-project folder in the user's data directory, never the source tree.
        const QString expected = directory == u"backups"
            ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/retort/backups/app-"_s
            : QDir::cleanPath(QDir(u"/srv/app/migrations"_s).absoluteFilePath(directory));
        if (directory == u"backups") {
            QVERIFY2(policy.directory.startsWith(expected), qPrintable(policy.directory));
            QCOMPARE(policy.directory.size(), expected.size() + 8);
            QVERIFY(!policy.directory.startsWith(u"/srv/app"_s));
        } else {
            QCOMPARE(policy.directory, expected);
        }
        QCOMPARE(policy.beforeUpgrade, beforeUpgrade);
        QCOMPARE(policy.keep, keep);
        QCOMPARE(policy.problems.size(), problems);
    }

    void planNeedsBackup_data()
    {
        QTest::addColumn<QList<PlanStep>>("steps");
        QTest::addColumn<bool>("beforeUpgrade");
        QTest::addColumn<bool>("expected");
        using D = PlanStep::Direction;
        QTest::newRow("nothing to do") << QList<PlanStep>() << true << false;
        QTest::newRow("downgrade") << QList<PlanStep>{step(D::Down)} << false << true;
        QTest::newRow("upgrade, not configured") << QList<PlanStep>{step(D::Up), step(D::Up)} << false << false;
        QTest::newRow("upgrade, configured") << QList<PlanStep>{step(D::Up)} << true << true;
        QTest::newRow("stamp down") << QList<PlanStep>{step(D::Down, true)} << true << false;
        QTest::newRow("mixed") << QList<PlanStep>{step(D::Up), step(D::Down)} << false << true;
    }
    void planNeedsBackup()
    {
        QFETCH(QList<PlanStep>, steps);
        QFETCH(bool, beforeUpgrade);
        QFETCH(bool, expected);
        Plan plan;
        plan.steps = steps;
        BackupPolicy policy;
        policy.beforeUpgrade = beforeUpgrade;
        QCOMPARE(retort::planNeedsBackup(plan, policy), expected);
    }

    void passfileLine_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"secret"_s << u"*:*:*:*:secret\n"_s;
        QTest::newRow("colon") << u"a:b"_s << u"*:*:*:*:a\\:b\n"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"*:*:*:*:a\\\\b\n"_s;
        QTest::newRow("star") << u"*"_s << u"*:*:*:*:*\n"_s;
    }
    void passfileLine()
    {
        QFETCH(QString, password);
        QFETCH(QString, expected);
        QCOMPARE(PostgresDump::passfileLine(password), expected);
    }

    void conninfo_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << u"postgresql://u:pw@db.example:5433/shop"_s
                              << u"host='db.example' port=5433 user='u' dbname='shop'"_s;
        QTest::newRow("quotes") << u"postgresql://o%27neil:pw@h/my%20db"_s
                                << u"host='h' user='o\\'neil' dbname='my%20db'"_s;
        QTest::newRow("options") << u"postgresql://u@h/d?sslmode=require"_s
                                 << u"host='h' user='u' dbname='d' sslmode=require"_s;
        QTest::newRow("socket") << u"postgresql:///d?host=/run/postgresql"_s << u"dbname='d' host=/run/postgresql"_s;
    }
    void conninfo()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY2(parsed, qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const PostgresDump tool(ConnectionParameters::fromUrl(*parsed, u"/"_s), QProcessEnvironment());
        QCOMPARE(tool.conninfo(), expected);
        QVERIFY(!tool.conninfo().contains(u"pw"_s));
    }
};

QTEST_GUILESS_MAIN(TestBackupFiles)
#include "tst_backup_files.moc"
