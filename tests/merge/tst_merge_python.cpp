// merge on a plain Alembic project: the file comes from the project's own Alembic (its
// script.py.mako), and Debian's real `alembic heads` / `alembic history` accept the result.
#include "MergeTestProject.h"

#include "command/MergeCommand.h"
#include "command/ProjectSnapshot.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace mergetest;
using namespace Qt::StringLiterals;

namespace {

const QString kBase = u"5a845b9de09e"_s;
const QString kMainHead = u"6770b7f3cde6"_s;
const QString kSideHead = u"1111aaaa2222"_s;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run alembic(const QString &root, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(root);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(u"/usr/bin/python3"_s, QStringList{u"-m"_s, u"alembic"_s} + arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestMergePython : public QObject
{
    Q_OBJECT

private:
    // tests/interop/plainalembic with a second head made by the real `alembic revision`.
    QString twoHeads(QTemporaryDir &dir)
    {
        const QString root = dir.filePath(u"plain"_s);
        if (!copyTree(QStringLiteral(RETORT_SOURCE_DIR "/tests/interop/plainalembic"), root))
            return {};
        const Run made = alembic(
            root,
            {u"revision"_s, u"-m"_s, u"side branch"_s, u"--head"_s, kBase, u"--splice"_s, u"--rev-id"_s, kSideHead});
        if (made.exitCode != 0) {
            qWarning().noquote() << made.out << made.err;
            return {};
        }
        return root;
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(u"/usr/bin/python3"_s).isExecutable())
            QFAIL("/usr/bin/python3 (Debian's, with alembic) is needed by this test");
    }

    void mergeThroughAlembic_data()
    {
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("revId");
        QTest::newRow("heads with message")
            << QStringList{u"heads"_s} << u"merge side and main"_s << QString() << QString();
        QTest::newRow("prefixes, label, rev-id")
            << QStringList{u"6770"_s, u"1111"_s} << u"joined"_s << u"together"_s << u"abcdef012345"_s;
        QTest::newRow("no message") << QStringList{u"heads"_s} << QString() << QString() << QString();
    }
    void mergeThroughAlembic()
    {
        QFETCH(QStringList, revisions);
        QFETCH(QString, message);
        QFETCH(QString, label);
        QFETCH(QString, revId);

        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());
        // The parents, in their order, are what Debian's `alembic merge` writes for the same
        // request on an identical copy.
        QTemporaryDir referenceDir;
        const QString reference = twoHeads(referenceDir);
        QVERIFY(!reference.isEmpty());
        const Run referenceMerge =
            alembic(reference, QStringList{u"merge"_s, u"--rev-id"_s, u"feed00000000"_s} + revisions);
        QVERIFY2(referenceMerge.exitCode == 0, qPrintable(referenceMerge.err));
        const auto referenceProject = ProjectSnapshot::load(reference, reference);
        const RevIndex referenceIndex = referenceProject->map().indexOf(u"feed00000000"_s);
        QVERIFY(referenceIndex >= 0);
        const QStringList expectedParents = referenceProject->map().revision(referenceIndex).downRevisions;
        QCOMPARE(expectedParents.size(), 2);
        const auto project = ProjectSnapshot::load(root, root);
        QVERIFY2(project->problems().isEmpty(), qPrintable(project->problems().value(0).toString()));
        QCOMPARE(project->map().heads().size(), size_t(2));
        QCOMPARE(mergeUnavailableReason(*project), QString());

        MergeRequest request;
        request.revisions = revisions;
        request.message = message;
        request.branchLabel = label;
        request.revId = revId;
        const auto outcome = mergeCommand(*project, request, root);
        if (const auto *error = outcome.failure())
            QFAIL(qPrintable(error->toString()));
        const MergeOutcome &merge = outcome.value();
        if (!revId.isEmpty())
            QCOMPARE(merge.revision, revId);
        QCOMPARE(merge.parents, expectedParents);
        QVERIFY(QFileInfo(merge.path).isAbsolute());
        QVERIFY(QFileInfo::exists(merge.path));
        QVERIFY(merge.path.endsWith(u".py"_s));
        QVERIFY(merge.path.contains(u"/migrations/versions/"_s + merge.revision));

        // Debian's Alembic sees one head, the new revision, and walks the whole history.
        const Run heads = alembic(root, {u"heads"_s});
        QVERIFY2(heads.exitCode == 0, qPrintable(heads.err));
        const QStringList headLines = heads.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(headLines.size(), 1);
        QVERIFY2(headLines.first().startsWith(merge.revision + u" "_s), qPrintable(heads.out));
        if (!label.isEmpty())
            QVERIFY2(headLines.first().contains(label), qPrintable(heads.out));
        const Run history = alembic(root, {u"history"_s});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        const QString labels = label.isEmpty() ? QString() : u"(%1) "_s.arg(label);
        const QString line = u"-> %1 %2(head) (mergepoint), %3"_s.arg(merge.revision, labels,
                                                                      message.isEmpty() ? u"empty message"_s : message);
        QVERIFY2(history.out.contains(line), qPrintable(history.out));

        // And so does Retort.
        const auto after = ProjectSnapshot::load(root, root);
        QVERIFY(after->problems().isEmpty());
        QCOMPARE(after->map().heads().size(), size_t(1));
        const Revision &written = after->map().revision(after->map().heads().front());
        QCOMPARE(written.id, merge.revision);
        QCOMPARE(written.downRevisions, expectedParents);
        QCOMPARE(written.message, message.isEmpty() ? u"empty message"_s : message);
        QCOMPARE(written.format, ScriptFormat::Python);
    }

    void alembicFailureLeavesProjectAlone()
    {
        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());
        // A template Mako cannot compile: Alembic fails before writing anything.
        QVERIFY(writeFile(root + u"/migrations/script.py.mako"_s, "<%def name=\"broken(\">\n${oops\n"));
        const auto state = directoryState(root);
        const auto project = ProjectSnapshot::load(root, root);
        const auto outcome = mergeCommand(*project, MergeRequest{}, root);
        const auto *error = outcome.failure();
        QVERIFY2(error, "a broken script.py.mako must fail the merge");
        QCOMPARE(error->kindName(), u"AlembicFailed"_s);
        QVERIFY2(error->message.contains(u"merge"_s) && error->message.contains(u"Alembic said:"_s),
                 qPrintable(error->message));
        QVERIFY2(error->message.contains(u"Mako"_s, Qt::CaseInsensitive)
                     || error->message.contains(u"Syntax"_s, Qt::CaseInsensitive),
                 qPrintable(error->message));
        QCOMPARE(directoryState(root), state);
    }

    void refusedBeforeAlembicRuns()
    {
        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());
        const auto state = directoryState(root);
        const auto project = ProjectSnapshot::load(root, root);
        MergeRequest request;
        request.revId = kBase; // Alembic itself would only warn and overwrite
        const auto outcome = mergeCommand(*project, request, root);
        const auto *error = outcome.failure();
        QVERIFY(error);
        QCOMPARE(error->kindName(), u"RevisionExists"_s);
        QCOMPARE(directoryState(root), state);
    }
};

QTEST_GUILESS_MAIN(TestMergePython)
#include "tst_merge_python.moc"
