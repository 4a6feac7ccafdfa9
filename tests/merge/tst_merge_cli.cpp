// `retort merge` as a user runs it: Alembic's "Generating ... done" line, --json output, and
// exit codes 0 / 1 / 2.
#include "CliProcess.h"
#include "MergeTestProject.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mergetest;
using namespace Qt::StringLiterals;

namespace {

const QString kDemoHead = u"0a2c4e6f8b6c"_s;
const QString kSideHead = u"ffa1b2c3d4e5"_s;

QString twoHeads(QTemporaryDir &dir)
{
    const QString root = dir.filePath(u"demo"_s);
    if (!copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root))
        return {};
    if (!writeFile(root + u"/versions/ffa1b2c3d4e5_side.sql"_s,
                   sqlRevision(kSideHead, u"d1f3b5a7c95b"_s, u"Side branch"_s)))
        return {};
    return root;
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestMergeCli : public QObject
{
    Q_OBJECT

private slots:
    void json_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("revId");
        QTest::addColumn<QStringList>("parents");
        QTest::newRow("defaults") << QStringList{} << QString() << QStringList{kDemoHead, kSideHead};
        QTest::newRow("everything") << QStringList{u"-m"_s,       u"join it"_s,      u"--branch-label"_s, u"joined"_s,
                                                   u"--rev-id"_s, u"c0ffee000001"_s, u"ffa1"_s,           u"0a2c"_s}
                                    << u"c0ffee000001"_s << QStringList{kSideHead, kDemoHead};
    }
    void json()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, revId);
        QFETCH(QStringList, parents);
        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());

        const CliResult merged = runRetort(QStringList{u"-d"_s, root, u"merge"_s, u"--json"_s} + arguments);
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err + merged.out));
        const QJsonObject object = parseObject(merged.out);
        QVERIFY2(!object.isEmpty(), qPrintable(merged.out));
        const QString revision = object.value(u"revision"_s).toString();
        if (!revId.isEmpty())
            QCOMPARE(revision, revId);
        QCOMPARE(revision.size(), 12);
        const QString path = object.value(u"path"_s).toString();
        QVERIFY(QFileInfo(path).isAbsolute());
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(root + u"/versions"_s).absolutePath());
        QStringList written;
        for (const QJsonValue &value : object.value(u"parents"_s).toArray())
            written << value.toString();
        QCOMPARE(written, parents);

        // The project now has exactly the new revision as its head.
        const CliResult heads = runRetort({u"-d"_s, root, u"heads"_s, u"--json"_s});
        QCOMPARE(heads.exitCode, 0);
        const QJsonArray headList = parseObject(heads.out).value(u"heads"_s).toArray();
        QCOMPARE(headList.size(), 1);
        QCOMPARE(headList.first().toString(), revision);
    }

    void text()
    {
        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());
        const CliResult merged =
            runRetort({u"-d"_s, root, u"merge"_s, u"-m"_s, u"Merge side"_s, u"--rev-id"_s, u"aaaa00000001"_s});
        QCOMPARE(merged.exitCode, 0);
        const QString expectedPath = QDir(root + u"/versions"_s).absoluteFilePath(u"aaaa00000001_merge_side.sql"_s);
        QCOMPARE(merged.out, u"Generating %1 ...  done\n"_s.arg(expectedPath));
        QVERIFY(QFileInfo::exists(expectedPath));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("secondHead");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errorKind"); // with --json; empty: not JSON
        QTest::newRow("one head") << QStringList{u"--json"_s} << false << 1 << u"NothingToMerge"_s;
        QTest::newRow("existing id") << QStringList{u"--json"_s, u"--rev-id"_s, kDemoHead} << true << 1
                                     << u"RevisionExists"_s;
        QTest::newRow("unknown revision")
            << QStringList{u"--json"_s, u"nope"_s, kDemoHead} << true << 1 << u"ResolutionError"_s;
        QTest::newRow("unknown revision, text") << QStringList{u"nope"_s, kDemoHead} << true << 1 << QString();
        QTest::newRow("unknown option") << QStringList{u"--splice"_s} << true << 2 << QString();
        QTest::newRow("missing value") << QStringList{u"--rev-id"_s} << true << 2 << QString();
    }
    void failures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, secondHead);
        QFETCH(int, exitCode);
        QFETCH(QString, errorKind);
        QTemporaryDir dir;
        const QString root = dir.filePath(u"demo"_s);
        QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root));
        if (secondHead)
            QVERIFY(writeFile(root + u"/versions/ffa1b2c3d4e5_side.sql"_s,
                              sqlRevision(kSideHead, u"d1f3b5a7c95b"_s, u"Side"_s)));
        const auto state = directoryState(root);
        const CliResult result = runRetort(QStringList{u"-d"_s, root, u"merge"_s} + arguments);
        QCOMPARE(result.exitCode, exitCode);
        if (!errorKind.isEmpty()) {
            const QJsonObject error = parseObject(result.out).value(u"error"_s).toObject();
            QCOMPARE(error.value(u"kind"_s).toString(), errorKind);
            QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        } else if (exitCode == 1) {
            QVERIFY2(result.err.contains(u"FAILED: Can't locate revision identified by 'nope'"_s),
                     qPrintable(result.err));
        }
        QCOMPARE(directoryState(root), state);
    }
};

QTEST_GUILESS_MAIN(TestMergeCli)
#include "tst_merge_cli.moc"
