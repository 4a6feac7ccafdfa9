// merge on native SQL projects: the file name rules, the written revision read back through
// the project loader, and every refusal leaving the project untouched.
#include "MergeTestProject.h"

#include "command/MergeCommand.h"
#include "command/ProjectSnapshot.h"
#include "graph/Resolver.h"
#include "script/RevisionFileName.h"
#include "script/SqlRevisionReader.h"
#include "script/SqlRevisionWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace mergetest;
using namespace Qt::StringLiterals;

namespace {

const QString kDemoHead = u"0a2c4e6f8b6c"_s;
const QString kSideHead = u"ffa1b2c3d4e5"_s; // a second branch from d1f3b5a7c95b
const QString kThirdHead = u"eeb1b2c3d4e5"_s; // a third, from 2e4a6c8e0f4a

} // namespace

class TestMergeNative : public QObject
{
    Q_OBJECT

private:
    // The demo history plus extra revision files, in a fresh temporary directory.
    QString makeProject(QTemporaryDir &dir, const QList<QPair<QString, QByteArray>> &extra)
    {
        const QString root = dir.filePath(u"demo"_s);
        if (!copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), root))
            return {};
        for (const auto &[name, content] : extra) {
            if (!writeFile(root + u"/versions/"_s + name, content))
                return {};
        }
        return root;
    }
    QString twoHeads(QTemporaryDir &dir)
    {
        return makeProject(dir,
                           {{u"ffa1b2c3d4e5_side.sql"_s, sqlRevision(kSideHead, u"d1f3b5a7c95b"_s, u"Side branch"_s)}});
    }

private slots:
    void slug_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        // Expected values are what Alembic 1.8.1's _rev_path computes for the same input.
        QTest::newRow("plain") << u"Merge billing and reporting"_s << 40 << u"merge_billing_and_reporting"_s;
        QTest::newRow("empty") << QString() << 40 << QString();
        QTest::newRow("punctuation") << u"Add  user-table (v2)!"_s << 40 << u"add_user_table_v2"_s;
        QTest::newRow("cut at word") << u"A very long message that goes on and on past forty characters"_s << 40
                                     << u"a_very_long_message_that_goes_on_and_on_"_s;
        QTest::newRow("short limit") << u"Add  user-table (v2)!"_s << 10 << u"add_user_"_s;
        QTest::newRow("unicode words") << u"Übersicht der Köpfe zusammenführen"_s << 40
                                       << u"übersicht_der_köpfe_zusammenführen"_s;
        QTest::newRow("one long word") << u"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"_s << 40
                                       << u"abcdefghijklmnopqrstuvwxyzabcdefghijklmn_"_s;
        QTest::newRow("exactly the limit") << QString(40, u'x') << 40 << QString(40, u'x');
    }
    void slug()
    {
        QFETCH(QString, message);
        QFETCH(int, length);
        QFETCH(QString, expected);
        QCOMPARE(RevisionFileName::slug(message, length), expected);
    }

    void fileName_data()
    {
        QTest::addColumn<QString>("fileTemplate");
        QTest::addColumn<QString>("expected");
        // Python's "%" operator gives these for rev "abc", message "Merge heads", 2026-03-05 07:08:09.
        QTest::newRow("default") << u"%(rev)s_%(slug)s"_s << u"abc_merge_heads.sql"_s;
        QTest::newRow("dated") << u"%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s"_s
                               << u"2026_03_05_0708-abc_merge_heads.sql"_s;
        QTest::newRow("widths and flags")
            << u"%(rev)5s|%(month)03d|%(day)-3d|%(second)+d"_s << u"  abc|003|5  |+9.sql"_s;
        QTest::newRow("percent sign") << u"100%%_%(rev)s"_s << u"100%_abc.sql"_s;
        QTest::newRow("unknown key kept") << u"%(nope)s_%(rev)s"_s << u"%(nope)s_abc.sql"_s;
    }
    void fileName()
    {
        QFETCH(QString, fileTemplate);
        QFETCH(QString, expected);
        const QDateTime when(QDate(2026, 3, 5), QTime(7, 8, 9));
        QCOMPARE(RevisionFileName::fileName(fileTemplate, u"abc"_s, u"Merge heads"_s, when, 40, u".sql"_s), expected);
    }

    void writerRoundTrip_data()
    {
        QTest::addColumn<QStringList>("parents");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("dependsOn");
        QTest::addColumn<QString>("message");
        QTest::newRow("merge") << QStringList{u"a1"_s, u"b2"_s} << QStringList() << QStringList() << u"merge heads"_s;
        QTest::newRow("labels and deps") << QStringList{u"a1"_s, u"b2"_s, u"c3"_s} << QStringList{u"lbl"_s}
                                         << QStringList{u"x9"_s} << u"Message: with a colon"_s;
        QTest::newRow("base") << QStringList() << QStringList() << QStringList() << u"+upgrade lookalike"_s;
    }
    void writerRoundTrip()
    {
        QFETCH(QStringList, parents);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, dependsOn);
        QFETCH(QString, message);
        Revision revision;
        revision.id = u"feedface0001"_s;
        revision.downRevisions = parents;
        revision.branchLabels = labels;
        revision.dependsOn = dependsOn;
        revision.message = message;
        revision.createDate = u"2026-03-05 07:08:09.123000"_s;
        QVERIFY(SqlRevisionWriter::check(revision).ok());
        const SqlReadResult back = SqlRevisionReader::read(SqlRevisionWriter::render(revision), u"x.sql"_s);
        QVERIFY(back.revision);
        QCOMPARE(back.problems.size(), 0);
        QCOMPARE(back.revision->id, revision.id);
        QCOMPARE(back.revision->downRevisions, parents);
        QCOMPARE(back.revision->branchLabels, labels);
        QCOMPARE(back.revision->dependsOn, dependsOn);
        QCOMPARE(back.revision->message, message);
        QCOMPARE(back.revision->createDate, revision.createDate);
        QVERIFY(back.revision->upgradeLines.isValid());
    }

    void writerRefusesUnrepresentable()
    {
        Revision revision;
        revision.id = u"abc"_s;
        revision.branchLabels = {u"a,b"_s};
        QVERIFY(!SqlRevisionWriter::check(revision).ok());
        revision.branchLabels = {};
        revision.message = u"two\nlines"_s;
        QVERIFY(!SqlRevisionWriter::check(revision).ok());
    }

    void merges_data()
    {
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("revId");
        QTest::addColumn<bool>("threeHeads");
        QTest::addColumn<QStringList>("expectedParents"); // in the order written
        QTest::newRow("heads, defaults") << QStringList{u"heads"_s} << QString() << QString() << QString() << false
                                         << QStringList{kDemoHead, kSideHead};
        QTest::newRow("ids reversed") << QStringList{kSideHead, kDemoHead} << u"Merge side"_s << QString()
                                      << u"0123456789ab"_s << false << QStringList{kSideHead, kDemoHead};
        QTest::newRow("prefixes and label") << QStringList{u"0a2c"_s, u"ffa1"_s} << u"Join: side & main!"_s
                                            << u"joined"_s << u"cafe"_s << false << QStringList{kDemoHead, kSideHead};
        QTest::newRow("three heads") << QStringList{u"heads"_s} << u"all three"_s << QString() << QString() << true
                                     << QStringList{kDemoHead, kThirdHead, kSideHead};
        QTest::newRow("two of three") << QStringList{kThirdHead, kSideHead} << u"two"_s << QString() << QString()
                                      << true << QStringList{kThirdHead, kSideHead};
    }
    void merges()
    {
        QFETCH(QStringList, revisions);
        QFETCH(QString, message);
        QFETCH(QString, label);
        QFETCH(QString, revId);
        QFETCH(bool, threeHeads);
        QFETCH(QStringList, expectedParents);

        QTemporaryDir dir;
        QList<QPair<QString, QByteArray>> extra{
            {u"ffa1b2c3d4e5_side.sql"_s, sqlRevision(kSideHead, u"d1f3b5a7c95b"_s, u"Side branch"_s)}};
        if (threeHeads)
            extra.append({u"eeb1b2c3d4e5_third.sql"_s, sqlRevision(kThirdHead, u"2e4a6c8e0f4a"_s, u"Third"_s)});
        const QString root = makeProject(dir, extra);
        QVERIFY(!root.isEmpty());
        const auto before = ProjectSnapshot::load(root, root);
        QVERIFY(before->problems().isEmpty());
        QCOMPARE(before->map().heads().size(), size_t(threeHeads ? 3 : 2));
        QCOMPARE(mergeUnavailableReason(*before), QString());

        MergeRequest request;
        request.revisions = revisions;
        request.message = message;
        request.branchLabel = label;
        request.revId = revId;
        const QDateTime started = QDateTime::currentDateTime().addSecs(-1);
        const auto outcome = mergeCommand(*before, request, root);
        if (const auto *error = outcome.failure())
            QFAIL(qPrintable(error->toString()));
        const MergeOutcome &merge = outcome.value();

        if (revId.isEmpty())
            QVERIFY2(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(merge.revision).hasMatch(),
                     qPrintable(merge.revision));
        else
            QCOMPARE(merge.revision, revId);
        QCOMPARE(merge.parents, expectedParents);
        const QFileInfo file(merge.path);
        QVERIFY(file.isAbsolute());
        QCOMPARE(file.absolutePath(), QDir(root + u"/versions"_s).absolutePath());
        QCOMPARE(file.fileName(), merge.revision + u'_' + RevisionFileName::slug(message, 40) + u".sql"_s);

        const auto after = ProjectSnapshot::load(root, root);
        QVERIFY2(after->problems().isEmpty(), qPrintable(after->problems().value(0).toString()));
        // The parents stop being heads; heads left out of the merge stay.
        QCOMPARE(after->map().heads().size(), before->map().heads().size() - size_t(expectedParents.size()) + 1);
        const RevIndex head = after->map().indexOf(merge.revision);
        QVERIFY(head >= 0);
        QVERIFY(after->map().isHead(head));
        const Revision &written = after->map().revision(head);
        QCOMPARE(written.id, merge.revision);
        QCOMPARE(written.downRevisions, expectedParents);
        QCOMPARE(written.path, merge.path);
        QCOMPARE(written.message, message.isEmpty() ? u"empty message"_s : message);
        QCOMPARE(written.branchLabels, label.isEmpty() ? QStringList() : QStringList{label});
        QCOMPARE(written.format, ScriptFormat::Sql);
        const QDateTime created = QDateTime::fromString(written.createDate.left(19), u"yyyy-MM-dd HH:mm:ss"_s);
        QVERIFY2(created.isValid(), qPrintable(written.createDate));
        QVERIFY(created >= started && created <= QDateTime::currentDateTime().addSecs(1));
        if (!label.isEmpty())
            QCOMPARE(Resolver(after->map()).revision(label + u"@head"_s).value(), head);
        QCOMPARE(mergeUnavailableReason(*after).isEmpty(), after->map().heads().size() > 1);
        // Nothing but the new file appeared.
        QCOMPARE(after->files().size(), before->files().size() + 1);
    }

    void fileTemplateFromIni()
    {
        QTemporaryDir dir;
        const QString root = twoHeads(dir);
        QVERIFY(!root.isEmpty());
        QVERIFY(writeFile(root + u"/alembic.ini"_s,
                          "[alembic]\nscript_location = %(here)s\n"
                          "file_template = %%(year)d_%%(month).2d_%%(rev)s_%%(slug)s\ntruncate_slug_length = 8\n"));
        const auto project = ProjectSnapshot::load(root, root);
        QVERIFY2(project->config().isValid(), qPrintable(project->problems().value(0).toString()));
        MergeRequest request;
        request.message = u"merge the side branch"_s;
        request.revId = u"beef00000001"_s;
        const auto outcome = mergeCommand(*project, request, root);
        if (const auto *error = outcome.failure())
            QFAIL(qPrintable(error->toString()));
        const QDate today = QDate::currentDate();
        QCOMPARE(QFileInfo(outcome.value().path).fileName(),
                 u"%1_%2_beef00000001_merge_.sql"_s.arg(today.year()).arg(today.month(), 2, 10, QChar(u'0')));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup"); // "two", "one", "depends"
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<QString>("revId");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("one head") << u"one"_s << QStringList{u"heads"_s} << QString() << QString()
                                  << u"NothingToMerge"_s << kDemoHead;
        QTest::newRow("same twice") << u"two"_s << QStringList{kSideHead, u"ffa1"_s} << QString() << QString()
                                    << u"DuplicateHeads"_s << u"Duplicate head revisions specified"_s;
        QTest::newRow("ancestor") << u"two"_s << QStringList{kSideHead, u"d1f3b5a7c95b"_s} << QString() << QString()
                                  << u"NotAHead"_s << u"Revision d1f3b5a7c95b is not a head revision"_s;
        QTest::newRow("ancestor by depends_on")
            << u"depends"_s << QStringList{kSideHead, u"abab12121212"_s} << QString() << QString() << u"AncestorMerge"_s
            << u"ffa1b2c3d4e5 is an ancestor of abab12121212"_s;
        QTest::newRow("existing rev-id") << u"two"_s << QStringList{u"heads"_s} << u"2e4a6c8e0f4a"_s << QString()
                                         << u"RevisionExists"_s << u"2e4a6c8e0f4a already exists"_s;
        QTest::newRow("rev-id is a label") << u"two"_s << QStringList{u"heads"_s} << u"billing"_s << QString()
                                           << u"RevisionExists"_s << u"billing already exists"_s;
        QTest::newRow("bad rev-id") << u"two"_s << QStringList{u"heads"_s} << u"a-b:c"_s << QString()
                                    << u"RevisionError"_s << u"Character(s) '-, :' not allowed"_s;
        QTest::newRow("unknown revision") << u"two"_s << QStringList{kDemoHead, u"zzz"_s} << QString() << QString()
                                          << u"ResolutionError"_s << u"Can't locate revision identified by 'zzz'"_s;
        QTest::newRow("label in use") << u"two"_s << QStringList{u"heads"_s} << QString() << u"billing"_s
                                      << u"RevisionError"_s << u"Branch name 'billing'"_s;
        QTest::newRow("head is ambiguous") << u"two"_s << QStringList{u"head"_s} << QString() << QString()
                                           << u"MultipleHeads"_s << u"Multiple heads are present"_s;
        QTest::newRow("base only") << u"two"_s << QStringList{u"base"_s} << QString() << QString()
                                   << u"NothingToMerge"_s << u"no revision"_s;
    }
    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, revisions);
        QFETCH(QString, revId);
        QFETCH(QString, label);
        QFETCH(QString, kind);
        QFETCH(QString, messagePart);

        QTemporaryDir dir;
        QList<QPair<QString, QByteArray>> extra;
        if (setup != u"one"_s)
            extra.append({u"ffa1b2c3d4e5_side.sql"_s, sqlRevision(kSideHead, u"d1f3b5a7c95b"_s, u"Side"_s)});
        if (setup == u"depends"_s)
            extra.append({u"abab12121212_dep.sql"_s,
                          sqlRevision(u"abab12121212"_s, kDemoHead, u"Dep"_s, u"-- Depends on: ffa1b2c3d4e5\n"_s)});
        const QString root = makeProject(dir, extra);
        QVERIFY(!root.isEmpty());
        const auto state = directoryState(root);
        const auto project = ProjectSnapshot::load(root, root);
        QVERIFY(project->problems().isEmpty());

        MergeRequest request;
        request.revisions = revisions;
        request.revId = revId;
        request.branchLabel = label;
        const auto outcome = mergeCommand(*project, request, root);
        const auto *error = outcome.failure();
        QVERIFY2(error, "the merge should have been refused");
        QCOMPARE(error->kindName(), kind);
        QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
        QCOMPARE(directoryState(root), state);
    }

    void unavailable_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("one head") << u"one"_s << u"only one head"_s;
        QTest::newRow("no revisions") << u"empty"_s << u"no revisions"_s;
        QTest::newRow("cycle") << u"cycle"_s << u"cannot be read"_s;
    }
    void unavailable()
    {
        QFETCH(QString, setup);
        QFETCH(QString, reasonPart);
        QTemporaryDir dir;
        QString root = dir.filePath(u"p"_s);
        if (setup == u"one"_s) {
            root = makeProject(dir, {});
        } else {
            QVERIFY(QDir().mkpath(root + u"/versions"_s));
            if (setup == u"cycle"_s) {
                QVERIFY(writeFile(root + u"/versions/a.sql"_s, sqlRevision(u"aaaa"_s, u"bbbb"_s, u"A"_s)));
                QVERIFY(writeFile(root + u"/versions/b.sql"_s, sqlRevision(u"bbbb"_s, u"aaaa"_s, u"B"_s)));
            }
        }
        const auto project = ProjectSnapshot::load(root, root);
        const QString reason = mergeUnavailableReason(*project);
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        const auto state = directoryState(root);
        const auto outcome = mergeCommand(*project, MergeRequest{}, root);
        QVERIFY(!outcome.ok());
        QCOMPARE(directoryState(root), state);
    }
};

QTEST_GUILESS_MAIN(TestMergeNative)
#include "tst_merge_native.moc"
