// `retort revision` on a native SQL project: the file it writes (name, header, parents, labels,
// depends_on), --json, and Alembic's refusals, each leaving the project exactly as it was.
#include "CliProcess.h"
#include "MergeTestProject.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mergetest;
using namespace Qt::StringLiterals;

namespace {

const QString kHead = u"0a2c4e6f8b6c"_s; // the demo's head, labels billing and reporting
const QString kBase = u"4f1c2a9b7d10"_s;
const QString kSide = u"ffa1b2c3d4e5"_s;

QString demo(QTemporaryDir &dir, bool twoHeads = false)
{
    const QString root = dir.filePath(u"demo"_s);
    if (!copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root))
        return {};
    if (twoHeads && !writeFile(root + u"/versions/ffa1b2c3d4e5_side.sql"_s, sqlRevision(kSide, kBase, u"Side"_s)))
        return {};
    return root;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestRevisionCli : public QObject
{
    Q_OBJECT

private slots:
    void writesNativeRevision()
    {
        QTemporaryDir dir;
        const QString root = demo(dir);
        QVERIFY(!root.isEmpty());
        const CliResult made =
            runRetort({u"-d"_s, root, u"revision"_s, u"-m"_s, u"Add a 'notes' table, please!"_s, u"--depends-on"_s,
                       u"7a3e"_s, u"--depends-on"_s, u"billing"_s, u"--branch-label"_s, u"notes"_s, u"--json"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
        const QJsonObject object = parseObject(made.out);
        const QString id = object.value(u"revision"_s).toString();
        QVERIFY2(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(id).hasMatch(), qPrintable(id));
        const QString path = object.value(u"path"_s).toString();
        QCOMPARE(path, QDir(root).absoluteFilePath(u"versions/%1_add_a_notes_table_please.sql"_s.arg(id)));
        QCOMPARE(object.value(u"parents"_s).toArray(), QJsonArray{kHead});
        // A prefix becomes the full id, a branch label stays a label (as Alembic writes them).
        QCOMPARE(object.value(u"depends_on"_s).toArray(), (QJsonArray{u"7a3e5c0d2b41"_s, u"billing"_s}));
        QCOMPARE(object.value(u"format"_s).toString(), u"sql"_s);
        const QString text = readText(path);
        QVERIFY(text.startsWith(u"-- Revision ID: %1\n-- Revises: %2\n-- Branch labels: notes\n"
                                "-- Depends on: 7a3e5c0d2b41, billing\n-- Create Date: "_s.arg(id, kHead)));
        QVERIFY(text.contains(u"-- Message: Add a 'notes' table, please!\n"_s));
        QVERIFY(text.endsWith(u"\n-- +upgrade\n\n-- +downgrade\n"_s));

        // Retort reads it back as the new head; text output is Alembic's line.
        const CliResult heads = runRetort({u"-d"_s, root, u"heads"_s});
        // Labels reach down to the branch point, as in Alembic.
        QCOMPARE(heads.out, u"%1 (notes, billing, reporting) (head)\n"_s.arg(id));
        const CliResult next = runRetort({u"-d"_s, root, u"revision"_s, u"--rev-id"_s, u"abc"_s});
        QCOMPARE(next.exitCode, 0);
        QCOMPARE(next.out, u"Generating %1 ...  done\n"_s.arg(QDir(root).absoluteFilePath(u"versions/abc_.sql"_s)));
        QVERIFY(readText(root + u"/versions/abc_.sql"_s).contains(u"-- Message: empty message\n"_s));
    }

    void fileTemplate()
    {
        QTemporaryDir dir;
        const QString root = demo(dir);
        QVERIFY(!root.isEmpty());
        QVERIFY(writeFile(root + u"/alembic.ini"_s,
                          "[alembic]\nscript_location = %(here)s\n"
                          "file_template = %%(year)d_%%(month).2d_%%(rev)s_%%(slug)s\ntruncate_slug_length = 10\n"));
        const CliResult made = runRetort(
            {u"-d"_s, root, u"revision"_s, u"-m"_s, u"one two three four"_s, u"--rev-id"_s, u"f00d"_s, u"--json"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
        const QString name = QFileInfo(parseObject(made.out).value(u"path"_s).toString()).fileName();
        const QDate today = QDate::currentDate();
        QCOMPARE(name, u"%1_%2_f00d_one_two_.sql"_s.arg(today.year()).arg(today.month(), 2, 10, QChar(u'0')));
    }

    void refusals_data()
    {
        QTest::addColumn<bool>("twoHeads");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a head") << false << QStringList{u"--head"_s, kBase} << u"NotAHead"_s
                                    << u"Revision %1 is not a head revision; please specify --splice to create a new "
                                       "branch from this revision"_s.arg(kBase);
        QTest::newRow("multiple heads") << true << QStringList{} << u"MultipleHeads"_s
                                        << u"Multiple heads are present; please specify the head revision on which "
                                           "the new revision should be based, or perform a merge."_s;
        QTest::newRow("duplicate rev-id") << false << QStringList{u"--rev-id"_s, kBase} << u"RevisionExists"_s
                                          << u"Revision %1 already exists"_s.arg(kBase);
        QTest::newRow("label in use") << false << QStringList{u"--branch-label"_s, u"billing"_s, u"--rev-id"_s, u"x1"_s}
                                      << u"RevisionError"_s
                                      << u"Branch name 'billing' in revision x1 already used by revision"_s;
        QTest::newRow("illegal id") << false << QStringList{u"--rev-id"_s, u"a-b@c"_s} << u"RevisionError"_s
                                    << u"Character(s) '-, @' not allowed in revision identifier 'a-b@c'"_s;
        QTest::newRow("unknown head") << false << QStringList{u"--head"_s, u"nothere"_s} << u"ResolutionError"_s
                                      << u"Can't locate revision identified by 'nothere'"_s;
        QTest::newRow("unknown depends") << false << QStringList{u"--depends-on"_s, u"zzzz"_s} << u"ResolutionError"_s
                                         << u"'zzzz'"_s;
        QTest::newRow("version path") << false << QStringList{u"--version-path"_s, u"/elsewhere"_s}
                                      << u"NoVersionLocation"_s
                                      << u"Path /elsewhere is not represented in current version locations"_s;
    }
    void refusals()
    {
        QFETCH(bool, twoHeads);
        QFETCH(QStringList, arguments);
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString root = demo(dir, twoHeads);
        QVERIFY(!root.isEmpty());
        const auto before = directoryState(root);
        const CliResult text = runRetort(QStringList{u"-d"_s, root, u"revision"_s} + arguments);
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.err.contains(u"FAILED: "_s) && text.err.contains(message), qPrintable(text.err));
        const CliResult json = runRetort(QStringList{u"-d"_s, root, u"revision"_s, u"--json"_s} + arguments);
        QCOMPARE(json.exitCode, 1);
        const QJsonObject error = parseObject(json.out).value(u"error"_s).toObject();
        QCOMPARE(error.value(u"kind"_s).toString(), kind);
        QCOMPARE(directoryState(root), before);
    }

    void spliceAndBase()
    {
        QTemporaryDir dir;
        const QString root = demo(dir);
        QVERIFY(!root.isEmpty());
        const CliResult spliced =
            runRetort({u"-d"_s, root, u"revision"_s, u"--head"_s, kBase, u"--splice"_s, u"--rev-id"_s, u"5p11ce"_s});
        QVERIFY2(spliced.exitCode == 0, qPrintable(spliced.err));
        const CliResult root2 =
            runRetort({u"-d"_s, root, u"revision"_s, u"--head"_s, u"base"_s, u"--rev-id"_s, u"r00t"_s});
        QVERIFY2(root2.exitCode == 0, qPrintable(root2.err));
        QVERIFY(readText(root + u"/versions/r00t_.sql"_s).contains(u"-- Revises: \n"_s));
        const CliResult heads = runRetort({u"-d"_s, root, u"heads"_s});
        QVERIFY2(heads.out.contains(u"5p11ce (head)"_s) && heads.out.contains(u"r00t (head)"_s), qPrintable(heads.out));
    }
};

QTEST_GUILESS_MAIN(TestRevisionCli)
#include "tst_revision_cli.moc"
