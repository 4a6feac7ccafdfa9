// Backup and restore against a real SQLite file and the PostgreSQL fixture server: round trips,
// a backup taken while another connection writes, refused files, unusable backup directories,
// and the automatic backup before a downgrade.
#include "BackupProject.h"
#include "TestDatabase.h"

#include "backup/BackupFiles.h"
#include "command/BackupCommands.h"
#include "command/MigrateCommands.h"
#include "db/Connection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

class NullObserver : public RunObserver
{
public:
    void log(const QString &line) override { lines.append(line); }
    QStringList lines;
};

void addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

template <typename T>
QString errorText(const RunResult<T> &result)
{
    const auto *error = result.failure();
    return error ? error->toString() : QString();
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

QStringList headsOf(DatabaseSession &session)
{
    const auto state = currentCommand(session);
    return state.ok() ? state.value().heads : QStringList{u"<error>"_s};
}

using Fixture = MigratedProject;

BackupOutcome takeBackup(DatabaseSession &session, const QString &to = {})
{
    auto taken = backupCommand(session, to);
    if (auto *error = taken.failure())
        qWarning("%s", qPrintable(error->toString()));
    return taken.ok() ? taken.value() : BackupOutcome();
}

} // namespace

class TestBackupReal : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data() { addBackends(); }
    void roundTrip()
    {
        QFETCH(QString, backend);
        Fixture f;
        QString failure;
        QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
        const QString before = describeDatabase(f.session->connection());
        QVERIFY(before.contains(u"it's a mug"_s));

        const BackupOutcome outcome = takeBackup(*f.session);
        const BackupInfo &info = outcome.info;
        QVERIFY(QFile::exists(info.path));
        QCOMPARE(QFileInfo(info.path).absolutePath(), f.project->backupDirectory());
        QVERIFY(QFileInfo(info.path).fileName().startsWith(u"backup_"_s));
        QVERIFY(info.path.endsWith(backend == u"sqlite" ? u".db"_s : u".dump"_s));
        QCOMPARE(info.heads, QStringList{QString::fromLatin1(BackupProject::kSecond)});
        QCOMPARE(info.dialect, backend);
        QCOMPARE(info.size, QFileInfo(info.path).size());
        QCOMPARE(BackupFiles::sha256(info.path).value_or(QString()), info.sha256);
        QCOMPARE(modeOf(info.path), 0600);
        QCOMPARE(modeOf(BackupInfo::sidecarPath(info.path)), 0600);
        QVERIFY(!QFile::exists(info.path + u".partial"_s));
        const auto listed = listBackupsCommand(BackupPolicy::fromConfig(f.session->project().config()));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().sha256, info.sha256);

        // Change schema, data and version table; the restore must bring all of it back.
        QVERIFY(!f.session->connection().execute(u"UPDATE items SET name = 'changed' WHERE id = 1"_s));
        QVERIFY(!f.session->connection().execute(u"CREATE TABLE extra (x INTEGER)"_s));
        NullObserver observer;
        const RunOutcome down = migrateRequestCommand(*f.session, MigrationRequest::downgrade(u"base"_s), observer,
                                                      std::chrono::milliseconds(0));
        QVERIFY2(down.ok(), down.error ? qPrintable(down.error->toString()) : "cancelled");
        QVERIFY(describeDatabase(f.session->connection()) != before);

        auto restored = restoreCommand(*f.session, info.path);
        QVERIFY2(restored.ok(), qPrintable(errorText(restored)));
        QCOMPARE(restored.value().headsAfter, info.heads);
        // A fresh connection sees exactly what was backed up.
        f.session.reset();
        auto fresh = f.database->connect(&failure);
        QVERIFY2(fresh, qPrintable(failure));
        if (backend == u"postgresql") {
            // pg_restore --clean drops only what the archive holds: later tables stay.
            QVERIFY(fresh->database().tables().contains(u"extra"_s));
            QVERIFY(!fresh->execute(u"DROP TABLE extra"_s));
        }
        QCOMPARE(describeDatabase(*fresh), before);
    }

    void backupWhileWriting_data() { addBackends(); }
    void backupWhileWriting()
    {
        QFETCH(QString, backend);
        Fixture f;
        QString failure;
        QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
        auto &db = f.session->connection();
        // Enough pages that the SQLite copy takes many steps; each writer transaction adds one
        // row to each of two tables, so a consistent copy has as many rows in both.
        QVERIFY(!db.execute(u"CREATE TABLE pad (id INTEGER PRIMARY KEY, blob TEXT)"_s));
        QVERIFY(!db.execute(u"CREATE TABLE left_side (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(!db.execute(u"CREATE TABLE right_side (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(!db.begin());
        for (int i = 0; i < 3000; ++i)
            QVERIFY(!db.execute(
                u"INSERT INTO pad (id, blob) VALUES (%1, '%2')"_s.arg(i).arg(QString(8000, QChar(u'a' + i % 26)))));
        QVERIFY(!db.commit());

        std::atomic<bool> stop{false};
        std::atomic<int> written{0};
        QString writerFailure;
        const QString url = f.database->url();
        QThread *writer = QThread::create([&] {
            auto parsed = DatabaseUrl::parse(url);
            Connection connection(*parsed, QDir::currentPath());
            if (auto e = connection.open()) {
                writerFailure = e->toString();
                return;
            }
            for (int i = 1; !stop; ++i) {
                // Busy is expected now and then; anything else is a failure.
                if (connection.begin())
                    continue;
                const bool ok = !connection.execute(u"INSERT INTO left_side (id) VALUES (%1)"_s.arg(i))
                    && !connection.execute(u"INSERT INTO right_side (id) VALUES (%1)"_s.arg(i));
                if (!ok || connection.commit()) {
                    connection.rollback();
                    --i;
                    continue;
                }
                ++written;
            }
        });
        writer->start();
        QTRY_VERIFY_WITH_TIMEOUT(written > 20 || !writerFailure.isEmpty(), 20000);
        const BackupOutcome outcome = takeBackup(*f.session);
        const int writtenDuringBackup = written;
        stop = true;
        writer->wait();
        delete writer;
        QVERIFY2(writerFailure.isEmpty(), qPrintable(writerFailure));
        QVERIFY(QFile::exists(outcome.info.path));

        // Restore into a fresh database of the same kind and count both sides.
        auto target = TestDatabase::create(backend, &failure);
        QVERIFY2(target, qPrintable(failure));
        auto session = f.project->open(target->url(), &failure);
        QVERIFY2(session, qPrintable(failure));
        auto restored = restoreCommand(*session, outcome.info.path);
        QVERIFY2(restored.ok(), qPrintable(errorText(restored)));
        QSqlQuery query(session->connection().database());
        QVERIFY(query.exec(u"SELECT (SELECT COUNT(*) FROM left_side), (SELECT COUNT(*) FROM right_side), "
                           "(SELECT COUNT(*) FROM pad)"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), query.value(1).toInt());
        QVERIFY(query.value(0).toInt() > 0);
        QVERIFY(query.value(0).toInt() <= writtenDuringBackup + 1);
        QCOMPARE(query.value(2).toInt(), 3000);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("kind");
        for (const char *backend : {"sqlite", "postgresql"}) {
            const QByteArray b(backend);
            QTest::newRow(QByteArray(b + " flipped byte").constData())
                << QString::fromLatin1(backend) << u"flip"_s << u"ChecksumMismatch"_s;
            QTest::newRow(QByteArray(b + " truncated").constData())
                << QString::fromLatin1(backend) << u"truncate"_s << u"ChecksumMismatch"_s;
            QTest::newRow(QByteArray(b + " no sidecar").constData())
                << QString::fromLatin1(backend) << u"nosidecar"_s << u"NotABackup"_s;
            QTest::newRow(QByteArray(b + " other kind").constData())
                << QString::fromLatin1(backend) << u"dialect"_s << u"WrongDialect"_s;
            QTest::newRow(QByteArray(b + " corrupt, matching checksum").constData())
                << QString::fromLatin1(backend) << u"corrupt"_s << u"CorruptBackup"_s;
            QTest::newRow(QByteArray(b + " missing file").constData())
                << QString::fromLatin1(backend) << u"missing"_s << u"NotABackup"_s;
        }
    }
    void refused()
    {
        QFETCH(QString, backend);
        QFETCH(QString, damage);
        QFETCH(QString, kind);
        Fixture f;
        QString failure;
        QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
        const BackupInfo info = takeBackup(*f.session).info;
        QVERIFY(QFile::exists(info.path));
        QVERIFY(!f.session->connection().execute(u"UPDATE items SET name = 'after backup'"_s));
        const QString before = describeDatabase(f.session->connection());

        QFile file(info.path);
        const QString sidecar = BackupInfo::sidecarPath(info.path);
        if (damage == u"flip") {
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(file.size() / 2);
            const char c = file.peek(1).at(0);
            file.write(QByteArray(1, char(c ^ 0x55)));
            file.close();
        } else if (damage == u"truncate") {
            QVERIFY(file.resize(file.size() - 100));
        } else if (damage == u"nosidecar") {
            QVERIFY(QFile::remove(sidecar));
        } else if (damage == u"dialect") {
            QFile json(sidecar);
            QVERIFY(json.open(QIODevice::ReadOnly));
            QJsonObject object = QJsonDocument::fromJson(json.readAll()).object();
            json.close();
            object.insert(u"dialect"_s, backend == u"sqlite" ? u"postgresql"_s : u"sqlite"_s);
            QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
            json.write(QJsonDocument(object).toJson());
        } else if (damage == u"corrupt") {
            // Garbage after a valid header, with a sidecar recording the garbage's checksum.
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray bytes = file.read(backend == u"sqlite" ? 100 : 5);
            bytes += QByteArray(200000, '\x5a');
            file.resize(0);
            file.write(bytes);
            file.close();
            BackupInfo forged = info;
            forged.size = bytes.size();
            forged.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            QVERIFY(BackupFiles::writeSidecar(forged).ok());
        } else if (damage == u"missing") {
            QVERIFY(QFile::remove(info.path));
        }

        auto restored = restoreCommand(*f.session, info.path);
        QVERIFY(!restored.ok());
        const RunError &error = restored.error();
        QCOMPARE(error.kindName(), kind);
        QVERIFY2(error.message.contains(info.path), qPrintable(error.message));
        QCOMPARE(describeDatabase(f.session->connection()), before);
    }

    void unusableDirectory_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("to"); // "<file>" is a regular file in the project folder
        for (const char *backend : {"sqlite", "postgresql"}) {
            const QByteArray b(backend);
            QTest::newRow(QByteArray(b + " under a file").constData())
                << QString::fromLatin1(backend) << u"<file>/backups/"_s;
            QTest::newRow(QByteArray(b + " in /proc").constData())
                << QString::fromLatin1(backend) << u"/proc/retort-backups/"_s;
        }
    }
    void unusableDirectory()
    {
        QFETCH(QString, backend);
        QFETCH(QString, to);
        Fixture f;
        QString failure;
        QVERIFY2(f.setUp(backend, &failure), qPrintable(failure));
        QFile blocker(QDir(f.project->path()).filePath(u"<file>"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = to.startsWith(u'/') ? to : QDir(f.project->path()).filePath(to);
        auto taken = backupCommand(*f.session, path);
        QVERIFY(!taken.ok());
        const RunError &error = taken.error();
        QCOMPARE(error.kindName(), u"BackupDirectory"_s);
        QVERIFY2(error.message.contains(u"backup_dir"_s) && error.message.contains(QDir::cleanPath(path)),
                 qPrintable(error.message));
    }

    void automaticBackup_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("beforeUpgrade");
        for (const char *backend : {"sqlite", "postgresql"}) {
            QTest::newRow(QByteArray(QByteArray(backend) + " downgrade only").constData())
                << QString::fromLatin1(backend) << false;
            QTest::newRow(QByteArray(QByteArray(backend) + " and upgrades").constData())
                << QString::fromLatin1(backend) << true;
        }
    }
    void automaticBackup()
    {
        QFETCH(QString, backend);
        QFETCH(bool, beforeUpgrade);
        Fixture f;
        QString failure;
        QVERIFY2(
            f.setUp(backend, &failure,
                    {{u"backup_before_upgrade"_s, beforeUpgrade ? u"true"_s : u"false"_s}, {u"backup_keep"_s, u"2"_s}}),
            qPrintable(failure));
        const BackupPolicy policy = BackupPolicy::fromConfig(f.session->project().config());
        // The upgrade in setUp ran from an empty database.
        QCOMPARE(listBackupsCommand(policy).size(), beforeUpgrade ? 1 : 0);

        NullObserver observer;
        const auto run = [&](const MigrationRequest &request) {
            return migrateRequestCommand(*f.session, request, observer, std::chrono::milliseconds(0));
        };
        const RunOutcome down = run(MigrationRequest::downgrade());
        QVERIFY2(down.ok(), down.error ? qPrintable(down.error->toString()) : "cancelled");
        QList<BackupInfo> backups = listBackupsCommand(policy);
        QCOMPARE(backups.size(), beforeUpgrade ? 2 : 1);
        QCOMPARE(backups.first().heads, QStringList{QString::fromLatin1(BackupProject::kSecond)});
        QVERIFY(observer.lines.join(u'\n').contains(backups.first().path));

        // Stamps and plans with nothing to run take no backup.
        QVERIFY(run(MigrationRequest::stamp({u"head"_s})).ok());
        QVERIFY(run(MigrationRequest::stamp({QString::fromLatin1(BackupProject::kFirst)})).ok());
        QCOMPARE(listBackupsCommand(policy).size(), beforeUpgrade ? 2 : 1);

        // Retention: backup_keep = 2.
        QVERIFY(run(MigrationRequest::upgrade()).ok());
        QVERIFY(run(MigrationRequest::downgrade()).ok());
        QVERIFY(run(MigrationRequest::upgrade()).ok());
        QVERIFY(run(MigrationRequest::downgrade()).ok());
        QCOMPARE(listBackupsCommand(policy).size(), 2);

        // A backup that cannot be taken stops the downgrade before it starts.
        QVERIFY(run(MigrationRequest::upgrade()).ok());
        QVERIFY(QDir(policy.directory).removeRecursively());
        QFile blocker(policy.directory);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString state = describeDatabase(f.session->connection());
        const RunOutcome refused = run(MigrationRequest::downgrade(u"base"_s));
        QVERIFY(refused.error);
        QCOMPARE(refused.error->kindName(), u"BackupFailed"_s);
        QVERIFY2(refused.error->message.contains(u"did not start"_s), qPrintable(refused.error->message));
        QCOMPARE(refused.stepsApplied, 0);
        QCOMPARE(headsOf(*f.session), QStringList{QString::fromLatin1(BackupProject::kSecond)});
        QCOMPARE(describeDatabase(f.session->connection()), state);
    }
};

QTEST_GUILESS_MAIN(TestBackupReal)
#include "tst_backup_real.moc"
