// GitHistory on a long-lived repository: one git process reads who added 10,000 revision files.
#include "GitRepo.h"
#include "vcs/GitHistory.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::GitHistory;

class TestGitHistoryScale : public QObject
{
    Q_OBJECT

private slots:
    // Ten thousand revisions, each added by its own commit, plus renames: one process reads them.
    void largeHistory()
    {
        QTemporaryDir dir;
        GitRepo big(dir.filePath(u"big"_s));
        QVERIFY(big.init());
        constexpr int count = 10'000;
        QByteArray stream;
        for (int i = 0; i < count; ++i) {
            const QByteArray content = "-- revision " + QByteArray::number(i) + "\n";
            stream += "commit refs/heads/main\nmark :" + QByteArray::number(i + 1)
                + "\n"
                  "author Dev "
                + QByteArray::number(i % 7) + " <dev@example.org> " + QByteArray::number(1'600'000'000 + i * 60)
                + " +0000\n"
                  "committer Dev <dev@example.org> "
                + QByteArray::number(1'600'000'000 + i * 60)
                + " +0000\n"
                  "data 4\nadd\n"
                + (i > 0 ? "from :" + QByteArray::number(i) + "\n" : QByteArray()) + "M 644 inline migrations/versions/"
                + QByteArray::number(i) + "_rev.sql\ndata " + QByteArray::number(content.size()) + "\n" + content
                + "\n";
        }
        QVERIFY2(big.git({u"fast-import"_s, u"--quiet"_s}, nullptr, stream), qPrintable(big.error()));
        QVERIFY2(big.git({u"reset"_s, u"-q"_s, u"--hard"_s}), qPrintable(big.error()));

        QElapsedTimer timer;
        timer.start();
        const GitHistory history = GitHistory::read({big.path(u"migrations/versions"_s)});
        const QString error = history.failures().join(u'\n');
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("GitHistory::read of %d files in %d commits: %lld ms", count, count, elapsed);
        QCOMPARE(history.size(), count);
        for (int i : {0, 1, 4'999, count - 1}) {
            const auto origin = history.originOf(big.path(u"migrations/versions/%1_rev.sql"_s.arg(i)));
            QVERIFY(origin);
            QCOMPARE(origin->author, u"Dev %1"_s.arg(i % 7));
            QCOMPARE(origin->date.toSecsSinceEpoch(), 1'600'000'000 + i * 60);
        }
    }
};

QTEST_GUILESS_MAIN(TestGitHistoryScale)
#include "tst_githistory_scale.moc"
