#include "script/ProjectConfig.h"
#include "script/ScriptDirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray pythonRevision(const QString &id, const QString &down = QString())
{
    const QString downValue = down.isEmpty() ? u"None"_s : u"'"_s + down + u"'"_s;
    return (u"\"\"\"rev %1\"\"\"\nrevision = '%1'\ndown_revision = %2\n\n\ndef upgrade():\n"
            "    pass\n\n\ndef downgrade():\n    pass\n"_s.arg(id, downValue))
        .toUtf8();
}

QByteArray sqlRevision(const QString &id)
{
    return (u"-- Revision ID: %1\n-- Message: sql %1\n\n-- +upgrade\nSELECT 1;\n"_s.arg(id)).toUtf8();
}

QStringList idsOf(const Revisions &revisions)
{
    QStringList ids;
    for (const Revision &r : revisions)
        ids.append(r.id);
    return ids;
}

QStringList namesOf(const QStringList &paths)
{
    QStringList names;
    for (const QString &p : paths)
        names.append(QFileInfo(p).fileName());
    return names;
}

} // namespace

class TestScriptDirectory : public QObject
{
    Q_OBJECT

private slots:
    void isRevisionFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("py") << u"1975ea83b712_create.py"_s << true;
        QTest::newRow("sql") << u"3f2a_add_phone.sql"_s << true;
        QTest::newRow("hidden py is loaded by Alembic") << u".hidden.py"_s << true;
        QTest::newRow("emacs lock") << u".#1975_create.py"_s << false;
        QTest::newRow("init") << u"__init__.py"_s << false;
        QTest::newRow("init prefix") << u"__init__x.py"_s << false;
        QTest::newRow("pyc") << u"abc.pyc"_s << false;
        QTest::newRow("text") << u"README"_s << false;
        QTest::newRow("mako") << u"script.py.mako"_s << false;
        QTest::newRow("backup") << u"abc.py~"_s << false;
    }
    void isRevisionFileName()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        QCOMPARE(ScriptDirectory::isRevisionFileName(QFile::encodeName(name)), accepted);
    }

    // Sorted by file name (code point order), whatever the revision ids are.
    void sortedFileNameOrder()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString v = tmp.filePath(u"versions"_s);
        writeFile(v + u"/b_x.py"_s, pythonRevision(u"r1"_s));
        writeFile(v + u"/a_y.py"_s, pythonRevision(u"r2"_s, u"r1"_s));
        writeFile(v + u"/B_cap.py"_s, pythonRevision(u"r3"_s, u"r2"_s));
        writeFile(v + u"/10_z.py"_s, pythonRevision(u"r4"_s, u"r3"_s));
        writeFile(v + u"/c.sql"_s, sqlRevision(u"r5"_s));
        writeFile(v + u"/__init__.py"_s, "");
        writeFile(v + u"/.#b_x.py"_s, "garbage");
        writeFile(v + u"/notes.txt"_s, "notes");
        writeFile(v + u"/__pycache__/a_y.cpython-311.pyc"_s, "\x00");
        writeFile(v + u"/sub/d_sub.py"_s, pythonRevision(u"r6"_s));

        const ScriptDirectory sd = ScriptDirectory::load({v}, false);
        QVERIFY(sd.problems.isEmpty());
        QCOMPARE(namesOf(sd.files), (QStringList{u"10_z.py"_s, u"B_cap.py"_s, u"a_y.py"_s, u"b_x.py"_s, u"c.sql"_s}));
        QCOMPARE(idsOf(sd.revisions), (QStringList{u"r4"_s, u"r3"_s, u"r2"_s, u"r1"_s, u"r5"_s}));
        QCOMPARE(sd.revisions.at(4).format, ScriptFormat::Sql);
        QCOMPARE(sd.revisions.at(0).path, QFileInfo(v + u"/10_z.py"_s).absoluteFilePath());
        QCOMPARE(sd.revisions.at(2).downRevisions, QStringList{u"r1"_s});
    }

    // Alembic walks a directory's files first, then its sub-directories in sorted order.
    void recursiveOrder()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString v = tmp.filePath(u"versions"_s);
        writeFile(v + u"/z_top.py"_s, pythonRevision(u"top"_s));
        writeFile(v + u"/b/x.py"_s, pythonRevision(u"b_x"_s));
        writeFile(v + u"/a/y.py"_s, pythonRevision(u"a_y"_s));
        writeFile(v + u"/a/deeper/w.py"_s, pythonRevision(u"a_deeper_w"_s));
        writeFile(v + u"/a/z.sql"_s, sqlRevision(u"a_z"_s));
        writeFile(v + u"/__pycache__/cached.py"_s, pythonRevision(u"cached"_s));
        writeFile(tmp.filePath(u"elsewhere/linked.py"_s), pythonRevision(u"linked"_s));
        QVERIFY(QFile::link(tmp.filePath(u"elsewhere"_s), v + u"/c_link"_s));

        const ScriptDirectory flat = ScriptDirectory::load({v}, false);
        QCOMPARE(idsOf(flat.revisions), QStringList{u"top"_s});

        const ScriptDirectory deep = ScriptDirectory::load({v}, true);
        QVERIFY(deep.problems.isEmpty());
        QCOMPARE(idsOf(deep.revisions), (QStringList{u"top"_s, u"a_y"_s, u"a_z"_s, u"a_deeper_w"_s, u"b_x"_s}));
    }

    void locationsInConfiguredOrder()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        writeFile(tmp.filePath(u"one/a.py"_s), pythonRevision(u"one_a"_s));
        writeFile(tmp.filePath(u"two/a.py"_s), pythonRevision(u"two_a"_s));
        writeFile(tmp.filePath(u"two/b.py"_s), pythonRevision(u"two_b"_s));
        const ScriptDirectory sd = ScriptDirectory::load({tmp.filePath(u"two"_s), tmp.filePath(u"one"_s)}, false);
        QCOMPARE(idsOf(sd.revisions), (QStringList{u"two_a"_s, u"two_b"_s, u"one_a"_s}));
    }

    void badFilesDoNotStopLoading()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString v = tmp.filePath(u"versions"_s);
        writeFile(v + u"/1_ok.py"_s, pythonRevision(u"ok1"_s));
        writeFile(v + u"/2_broken.py"_s, "revision = BASE\ndown_revision = None\n");
        writeFile(v + u"/3_noid.sql"_s, "-- +upgrade\nSELECT 1;\n");
        writeFile(v + u"/4_syntax.py"_s, "\"\"\"never closed\nrevision = 'x'\n");
        writeFile(v + u"/5_ok.sql"_s, sqlRevision(u"ok5"_s));
        const ScriptDirectory sd = ScriptDirectory::load({v}, false);
        QCOMPARE(idsOf(sd.revisions), (QStringList{u"ok1"_s, u"ok5"_s}));
        QCOMPARE(sd.files.size(), 5);
        QStringList kinds;
        for (const Problem &p : sd.problems) {
            kinds.append(p.kind);
            QVERIFY(p.path.startsWith(QFileInfo(v).absoluteFilePath()));
        }
        QCOMPARE(kinds, (QStringList{u"UnreadableValue"_s, u"MissingRevision"_s, u"ParseError"_s}));
    }

    // Alembic warns and keeps the file loaded last; both paths are named.
    void duplicateRevisionKeepsLaterFile()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString v = QFileInfo(tmp.filePath(u"versions"_s)).absoluteFilePath();
        writeFile(v + u"/a_first.py"_s, pythonRevision(u"dup"_s));
        writeFile(v + u"/b_other.py"_s, pythonRevision(u"other"_s, u"dup"_s));
        writeFile(v + u"/c_second.py"_s, pythonRevision(u"dup"_s, u"zzz"_s));
        const ScriptDirectory sd = ScriptDirectory::load({v}, false);
        QCOMPARE(idsOf(sd.revisions), (QStringList{u"other"_s, u"dup"_s}));
        QCOMPARE(sd.revisions.at(1).path, v + u"/c_second.py"_s);
        QCOMPARE(sd.revisions.at(1).downRevisions, QStringList{u"zzz"_s});
        QCOMPARE(sd.problems.size(), 1);
        const Problem &p = sd.problems.first();
        QCOMPARE(p.kind, u"DuplicateRevision"_s);
        QCOMPARE(p.revision, u"dup"_s);
        QCOMPARE(p.path, v + u"/c_second.py"_s);
        QCOMPARE(p.line, 2);
        QVERIFY(p.message.contains(v + u"/a_first.py"_s));
    }

    void sameDirectoryTwiceIsReadOnce()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString v = tmp.filePath(u"versions"_s);
        writeFile(v + u"/a.py"_s, pythonRevision(u"a"_s));
        QVERIFY(QFile::link(v, tmp.filePath(u"alias"_s)));
        const ScriptDirectory sd = ScriptDirectory::load({v, tmp.filePath(u"alias"_s)}, false);
        QCOMPARE(idsOf(sd.revisions), QStringList{u"a"_s});
        QCOMPARE(sd.problems.size(), 1);
        QCOMPARE(sd.problems.first().kind, u"DuplicateFile"_s);
        QCOMPARE(sd.problems.first().severity, Problem::Severity::Warning);
    }

    void missingLocation()
    {
        const ScriptDirectory sd = ScriptDirectory::load({u"/nonexistent/versions"_s}, false);
        QVERIFY(sd.revisions.isEmpty());
        QCOMPARE(sd.problems.size(), 1);
        QCOMPARE(sd.problems.first().kind, u"VersionLocationMissing"_s);
    }

    void fromProjectConfig()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        writeFile(tmp.filePath(u"alembic.ini"_s),
                  "[alembic]\nscript_location = db\nversion_locations = %(here)s/db/versions "
                  "%(here)s/extra\nrecursive_version_locations = true\n");
        writeFile(tmp.filePath(u"db/versions/1_a.py"_s), pythonRevision(u"a"_s));
        writeFile(tmp.filePath(u"db/versions/nested/2_b.py"_s), pythonRevision(u"b"_s, u"a"_s));
        writeFile(tmp.filePath(u"extra/0_c.sql"_s), sqlRevision(u"c"_s));
        const ProjectConfig config = ProjectConfig::fromDirectory(tmp.path());
        QVERIFY(config.isValid());
        const ScriptDirectory sd = ScriptDirectory::load(config);
        QVERIFY(sd.problems.isEmpty());
        QCOMPARE(idsOf(sd.revisions), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    }
};

QTEST_GUILESS_MAIN(TestScriptDirectory)
#include "tst_scriptdirectory.moc"
