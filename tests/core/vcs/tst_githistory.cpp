#include "GitRepo.h"
#include "vcs/GitHistory.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::FileOrigin;
using retort::GitHistory;

namespace {

const QString kVersions = u"project/migrations/versions"_s; // the repository's top level is above it

struct Commit
{
    QString hash, author, email, date, subject;
};

} // namespace

class TestGitHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    GitRepo m_repo{QString()};
    QHash<QString, Commit> m_commits; // by label

    bool addCommit(const QString &label, const QString &author, const QString &date)
    {
        const Commit commit{m_repo.commit(label + u" revisions"_s, author, author.toLower() + u"@example.org"_s, date),
                            author, author.toLower() + u"@example.org"_s, date, label + u" revisions"_s};
        m_commits.insert(label, commit);
        return !commit.hash.isEmpty();
    }

    QString versionsDir() const { return m_repo.path(kVersions); }

private slots:
    void initTestCase()
    {
        if (!GitRepo::available())
            QFAIL("git is needed for these tests");
        QVERIFY(m_dir.isValid());
        m_repo = GitRepo(m_dir.filePath(u"repo"_s));
        QVERIFY2(m_repo.init(), qPrintable(m_repo.error()));
        const QString v = kVersions + u'/';
        QVERIFY(m_repo.write(v + u"a1_first.sql"_s, "-- first\n"));
        QVERIFY(m_repo.write(v + u"b2 with spaces.sql"_s, "-- spaces\n"));
        QVERIFY(m_repo.write(u"project/app.py"_s, "print()\n"));
        QVERIFY2(addCommit(u"first"_s, u"Alice"_s, u"2024-01-02T10:00:00+01:00"_s), qPrintable(m_repo.error()));
        QVERIFY(m_repo.write(v + u"c3_ünïcödé.sql"_s, "-- unicode\n"));
        QVERIFY(m_repo.write(v + u"d4_old_name.sql"_s, "-- to be renamed, with enough text to be similar\n"));
        QVERIFY(m_repo.write(v + u"e5_readded.sql"_s, "-- first life\n"));
        QVERIFY(m_repo.write(v + u"sub/f6_nested.sql"_s, "-- nested\n"));
        QVERIFY2(addCommit(u"second"_s, u"Bob"_s, u"2024-02-03T11:30:00-05:00"_s), qPrintable(m_repo.error()));
        QVERIFY(m_repo.git({u"mv"_s, v + u"d4_old_name.sql"_s, v + u"d4_new_name.sql"_s}));
        QVERIFY(QFile::remove(m_repo.path(v + u"e5_readded.sql"_s)));
        QVERIFY(m_repo.write(v + u"a1_first.sql"_s, "-- first, edited\n"));
        QVERIFY2(addCommit(u"third"_s, u"Carol"_s, u"2024-03-04T12:00:00+00:00"_s), qPrintable(m_repo.error()));
        QVERIFY(m_repo.write(v + u"e5_readded.sql"_s, "-- second life, another text entirely\n"));
        QVERIFY2(addCommit(u"fourth"_s, u"Dave"_s, u"2024-04-05T13:00:00+02:00"_s), qPrintable(m_repo.error()));
        QVERIFY(m_repo.write(v + u"g7_untracked.sql"_s, "-- never committed\n"));
    }

    void originOf_data()
    {
        QTest::addColumn<QString>("file"); // relative to the versions directory
        QTest::addColumn<QString>("commit"); // label; empty: no entry

        QTest::newRow("added, later edited") << u"a1_first.sql"_s << u"first"_s;
        QTest::newRow("space in the name") << u"b2 with spaces.sql"_s << u"first"_s;
        QTest::newRow("non-ASCII name") << u"c3_ünïcödé.sql"_s << u"second"_s;
        QTest::newRow("renamed: the original addition") << u"d4_new_name.sql"_s << u"second"_s;
        QTest::newRow("deleted and added again: the newest") << u"e5_readded.sql"_s << u"fourth"_s;
        QTest::newRow("in a subdirectory") << u"sub/f6_nested.sql"_s << u"second"_s;
        QTest::newRow("untracked") << u"g7_untracked.sql"_s << QString();
        QTest::newRow("outside the directories read") << u"../../app.py"_s << QString();
        QTest::newRow("no such file") << u"h8_missing.sql"_s << QString();
    }

    void originOf()
    {
        QFETCH(QString, file);
        QFETCH(QString, commit);
        const GitHistory history = GitHistory::read({versionsDir()});
        const QString error = history.failures().join(u'\n');
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto origin = history.originOf(QDir(versionsDir()).filePath(file));
        if (commit.isEmpty()) {
            QVERIFY(!origin);
            return;
        }
        QVERIFY(origin);
        const Commit expected = m_commits.value(commit);
        QCOMPARE(origin->commit, expected.hash);
        QCOMPARE(origin->author, expected.author);
        QCOMPARE(origin->email, expected.email);
        QCOMPARE(origin->subject, expected.subject);
        QCOMPARE(origin->date, QDateTime::fromString(expected.date, Qt::ISODate));
        QCOMPARE(origin->date.offsetFromUtc(), QDateTime::fromString(expected.date, Qt::ISODate).offsetFromUtc());
    }

    void pathSpellings_data()
    {
        QTest::addColumn<QString>("directory"); // how the location is given
        QTest::addColumn<QString>("file"); // how the file is asked for

        QTest::newRow("plain") << u"{V}"_s << u"{V}/a1_first.sql"_s;
        QTest::newRow("dot segments") << u"{V}/../versions"_s << u"{V}/./sub/../a1_first.sql"_s;
        QTest::newRow("location through a symlink") << u"{L}"_s << u"{L}/a1_first.sql"_s;
        QTest::newRow("file asked through a symlink") << u"{V}"_s << u"{L}/a1_first.sql"_s;
        QTest::newRow("parent location and a nested one") << u"{V}/..|{V}"_s << u"{V}/a1_first.sql"_s;
    }

    void pathSpellings()
    {
        QFETCH(QString, directory);
        QFETCH(QString, file);
        const QString link = m_dir.filePath(u"linked versions"_s);
        if (!QFileInfo::exists(link))
            QVERIFY(QFile::link(versionsDir(), link));
        const auto expand = [&](QString text) { return text.replace(u"{V}"_s, versionsDir()).replace(u"{L}"_s, link); };
        QStringList directories;
        for (const QString &part : directory.split(u'|'))
            directories.append(expand(part));
        const GitHistory history = GitHistory::read(directories);
        const QString error = history.failures().join(u'\n');
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto origin = history.originOf(expand(file));
        QVERIFY(origin);
        QCOMPARE(origin->commit, m_commits.value(u"first"_s).hash);
    }

    void nothingToTell_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("not a repository") << u"plain"_s;
        QTest::newRow("repository without commits") << u"empty"_s;
        QTest::newRow("directory does not exist") << u"missing"_s;
        QTest::newRow("no git program") << u"nogit"_s;
    }

    void nothingToTell()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString location = dir.filePath(u"versions"_s);
        QVERIFY(QDir().mkpath(location));
        QFile file(QDir(location).filePath(u"a_rev.sql"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        if (kind == u"empty") {
            GitRepo empty(dir.path());
            QVERIFY(empty.git({u"init"_s, u"-q"_s}));
        } else if (kind == u"missing") {
            location = dir.filePath(u"nowhere"_s);
        }
        const QByteArray path = qgetenv("PATH");
        if (kind == u"nogit")
            qputenv("PATH", dir.path().toLocal8Bit());
        // Without git, even a repository's directory has nothing to tell.
        QStringList directories{location};
        if (kind == u"nogit")
            directories.append(versionsDir());
        const GitHistory history = GitHistory::read(directories);
        const QString error = history.failures().join(u'\n');
        qputenv("PATH", path);
        QVERIFY(history.isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!history.originOf(file.fileName()));
    }

    void brokenRepositoryIsReported()
    {
        QTemporaryDir dir;
        GitRepo broken(dir.filePath(u"broken"_s));
        QVERIFY(broken.init());
        QVERIFY(broken.write(u"versions/a.sql"_s, "-- a\n"));
        QVERIFY(!broken.commit(u"one"_s, u"Eve"_s, u"eve@example.org"_s, u"2024-01-01T00:00:00Z"_s).isEmpty());
        // Objects gone: git knows it is a repository and cannot read it.
        QDir objects(broken.path(u".git/objects"_s));
        for (const QString &name : objects.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (name.size() == 2)
                QVERIFY(QDir(objects.filePath(name)).removeRecursively());
        }
        const GitHistory history = GitHistory::read({broken.path(u"versions"_s)});
        const QString error = history.failures().join(u'\n');
        QVERIFY(history.isEmpty());
        QVERIFY2(error.contains(u"git log"_s) && error.contains(broken.path(u"versions"_s)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGitHistory)
#include "tst_githistory.moc"
