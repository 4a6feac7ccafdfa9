#include "vcs/GitLogParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using retort::GitLogParser;

namespace {

// "c3: R a.sql b.sql, A x.sql | c2: A a.sql" (newest first) -> git's -z --name-status output.
QByteArray logOutput(const QString &script)
{
    QByteArray out;
    for (const QString &commit : script.split(u'|', Qt::SkipEmptyParts)) {
        const QString label = commit.section(u':', 0, 0).trimmed();
        out += "\x1e" + label.toUtf8()
            + "\x1f"
              "Author "
            + label.toUtf8() + "\x1f" + label.toUtf8()
            + "@example.org\x1f"
              "2024-01-01T00:00:00+00:00\x1f"
              "subject of "
            + label.toUtf8() + '\0';
        bool first = true;
        for (const QString &change : commit.section(u':', 1).split(u',', Qt::SkipEmptyParts)) {
            const QStringList words = change.trimmed().split(u' ');
            if (first)
                out += '\n';
            first = false;
            for (const QString &word : words)
                out += word.toUtf8() + '\0';
        }
    }
    return out;
}

} // namespace

class TestGitLogParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("log"); // newest commit first
        QTest::addColumn<QString>("expected"); // path=commit, sorted by path

        QTest::newRow("plain additions") << u"c2: A b.sql | c1: A a.sql, A z.sql"_s << u"a.sql=c1 b.sql=c2 z.sql=c1"_s;
        QTest::newRow("rename keeps the first addition")
            << u"c2: R100 a.sql b.sql | c1: A a.sql"_s << u"a.sql=c1 b.sql=c1"_s;
        QTest::newRow("chain of renames")
            << u"c4: R090 c.sql d.sql | c3: R100 b.sql c.sql | c2: R100 a.sql b.sql | c1: A a.sql"_s
            << u"a.sql=c1 b.sql=c1 c.sql=c1 d.sql=c1"_s;
        QTest::newRow("added again after a delete: the newest") << u"c3: A a.sql | c1: A a.sql"_s << u"a.sql=c3"_s;
        QTest::newRow("old name reused by a new file")
            << u"c3: A a.sql | c2: R100 a.sql b.sql | c1: A a.sql"_s << u"a.sql=c3 b.sql=c1"_s;
        QTest::newRow("rename into a name with an older life")
            << u"c4: R100 x.sql a.sql | c3: A x.sql | c1: A a.sql"_s << u"a.sql=c3 x.sql=c3"_s;
        QTest::newRow("older rename of a re-added name is ignored")
            << u"c5: A b.sql | c2: R100 a.sql b.sql | c1: A a.sql"_s << u"a.sql=c1 b.sql=c5"_s;
        QTest::newRow("swap of two names") << u"c3: R100 a.sql t.sql, R100 b.sql a.sql | c2: A b.sql | c1: A a.sql"_s
                                           << u"a.sql=c2 b.sql=c2 t.sql=c1"_s;
        QTest::newRow("shallow history: the oldest rename seen")
            << u"c3: R100 b.sql c.sql | c2: R100 a.sql b.sql"_s << u"b.sql=c2 c.sql=c2"_s;
        QTest::newRow("a copy is a new file") << u"c2: C075 a.sql b.sql | c1: A a.sql"_s << u"a.sql=c1 b.sql=c2"_s;
        QTest::newRow("other statuses are skipped") << u"c2: M a.sql, D q.sql | c1: A a.sql"_s << u"a.sql=c1"_s;
        QTest::newRow("commit without files") << u"c3: | c2: A b.sql | c1:"_s << u"b.sql=c2"_s;
        QTest::newRow("spaces and non-ASCII") << u"c1: A dir/ä b.sql"_s << QString();
        QTest::newRow("nothing") << QString() << QString();
    }

    void parse()
    {
        QFETCH(QString, log);
        QFETCH(QString, expected);
        QByteArray output = logOutput(log);
        if (QByteArray(QTest::currentDataTag()) == "spaces and non-ASCII") {
            // Built by hand: the little language above splits on spaces.
            output = "\x1e"
                     "c1\x1f"
                     "A\x1f"
                     "a@b\x1f"
                     "2024-01-01T00:00:00Z\x1f"
                     "s\0\nA\0dir/\xc3\xa4 b.sql\0"_ba;
            expected = u"dir/ä b.sql=c1"_s;
        }
        GitLogParser parser;
        parser.parse(output);
        QStringList actual;
        for (auto it = parser.origins().cbegin(); it != parser.origins().cend(); ++it)
            actual.append(it.key() + u'=' + it.value().commit);
        actual.sort();
        QCOMPARE(actual.join(u' '), expected);
    }

    void parseHeaderFields()
    {
        GitLogParser parser;
        parser.parse("\x1e"
                     "0123abcd\x1f"
                     "Zoë Q\x1f"
                     "zoe@example.org\x1f"
                     "2024-05-06T07:08:09-03:30\x1f"
                     "Fix: a \x1f separator | in the subject\0\nA\0x.sql\0"_ba);
        QCOMPARE(parser.origins().size(), 1);
        const retort::FileOrigin origin = parser.origins().value(u"x.sql"_s);
        QCOMPARE(origin.commit, u"0123abcd"_s);
        QCOMPARE(origin.author, u"Zoë Q"_s);
        QCOMPARE(origin.email, u"zoe@example.org"_s);
        QCOMPARE(origin.date.toUTC(), QDateTime(QDate(2024, 5, 6), QTime(10, 38, 9), Qt::UTC));
        QCOMPARE(origin.date.offsetFromUtc(), -(3 * 3600 + 30 * 60));
        QCOMPARE(origin.subject, u"Fix: a \x1f separator | in the subject"_s);
    }
};

QTEST_GUILESS_MAIN(TestGitLogParser)
#include "tst_gitlogparser.moc"
