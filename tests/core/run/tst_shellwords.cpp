#include "run/ShellWords.h"

#include <QTest>

using namespace Qt::StringLiterals;
using retort::ShellWords;

class TestShellWords : public QObject
{
    Q_OBJECT
private slots:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("words");

        QTest::newRow("plain") << u"flask db"_s << true << QStringList{u"flask"_s, u"db"_s};
        QTest::newRow("extra spaces and tabs")
            << u"  alembic\t -c   alembic.ini "_s << true << QStringList{u"alembic"_s, u"-c"_s, u"alembic.ini"_s};
        QTest::newRow("empty") << QString() << true << QStringList{};
        QTest::newRow("single quotes keep spaces and backslashes")
            << u"flask --app 'my app\\x' db"_s << true << QStringList{u"flask"_s, u"--app"_s, u"my app\\x"_s, u"db"_s};
        QTest::newRow("double quotes with escapes") << u"python \"-c\" \"print(\\\"a b\\\")\" \"\\n\""_s << true
                                                    << QStringList{u"python"_s, u"-c"_s, u"print(\"a b\")"_s, u"\\n"_s};
        QTest::newRow("backslash escapes a space")
            << u"/opt/my\\ venv/bin/flask db"_s << true << QStringList{u"/opt/my venv/bin/flask"_s, u"db"_s};
        QTest::newRow("quotes join with neighbours") << u"a'b c'\"d\"e"_s << true << QStringList{u"ab cde"_s};
        QTest::newRow("empty quoted word") << u"x '' \"\""_s << true << QStringList{u"x"_s, QString(), QString()};
        QTest::newRow("no variable expansion") << u"$HOME/bin/alembic"_s << true << QStringList{u"$HOME/bin/alembic"_s};
        QTest::newRow("unclosed single") << u"flask 'db"_s << false << QStringList{};
        QTest::newRow("unclosed double") << u"flask \"db"_s << false << QStringList{};
        QTest::newRow("lone backslash") << u"flask db\\"_s << false << QStringList{};
    }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QStringList, words);
        const auto got = ShellWords::split(text);
        QCOMPARE(got.ok(), ok);
        if (ok)
            QCOMPARE(*got, words);
        else
            QVERIFY(!got.error().message.isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("simple") << QStringList{u"flask"_s, u"db"_s};
        QTest::newRow("spaces") << QStringList{u"/a b/python3"_s, u"-m"_s, u"alembic"_s};
        QTest::newRow("quotes") << QStringList{u"it's"_s, u"say \"hi\""_s, u"$x"_s, u"a\\b"_s};
        QTest::newRow("empty word") << QStringList{u"x"_s, QString()};
    }

    void roundTrip()
    {
        QFETCH(QStringList, words);
        const auto back = ShellWords::split(ShellWords::join(words));
        QVERIFY(back.ok());
        QCOMPARE(*back, words);
    }
};

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
