#include "script/IniFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

// Expected values follow Python's configparser.ConfigParser (BasicInterpolation), which Alembic
// uses with {"here": <ini directory>} as defaults.
class TestIniFile : public QObject
{
    Q_OBJECT

private slots:
    void value_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorKind");
        QTest::addColumn<int>("line");

        const QByteArray basic = "[alembic]\nscript_location = migrations\nsqlalchemy.url: "
                                 "sqlite:///app.db\n";
        QTest::newRow("equals") << basic << u"alembic"_s << u"script_location"_s << true << u"migrations"_s << QString()
                                << 2;
        QTest::newRow("colon") << basic << u"alembic"_s << u"sqlalchemy.url"_s << true << u"sqlite:///app.db"_s
                               << QString() << 3;
        QTest::newRow("absent key") << basic << u"alembic"_s << u"nope"_s << false << QString() << QString() << 0;
        QTest::newRow("absent section") << basic << u"other"_s << u"script_location"_s << false << QString()
                                        << QString() << 0;
        QTest::newRow("section names are case-sensitive")
            << basic << u"Alembic"_s << u"script_location"_s << false << QString() << QString() << 0;
        QTest::newRow("keys are lower-cased") << QByteArray("[a]\nScript_Location = X\n") << u"a"_s
                                              << u"SCRIPT_location"_s << true << u"X"_s << QString() << 2;
        QTest::newRow("first separator wins") << QByteArray("[a]\nurl = postgresql://u:p@h/db\n") << u"a"_s << u"url"_s
                                              << true << u"postgresql://u:p@h/db"_s << QString() << 2;
        QTest::newRow("colon before equals")
            << QByteArray("[a]\nk: v = w\n") << u"a"_s << u"k"_s << true << u"v = w"_s << QString() << 2;
        QTest::newRow("empty value") << QByteArray("[a]\nk =\n") << u"a"_s << u"k"_s << true << QString() << QString()
                                     << 2;
        QTest::newRow("inline hash kept") << QByteArray("[a]\nk = v # not a comment\n") << u"a"_s << u"k"_s << true
                                          << u"v # not a comment"_s << QString() << 2;
        QTest::newRow("continuation") << QByteArray("[a]\nk = one\n  two\n\n    three\nz = 1\n") << u"a"_s << u"k"_s
                                      << true << u"one\ntwo\n\nthree"_s << QString() << 2;
        QTest::newRow("comment inside continuation") << QByteArray("[a]\nk = one\n# c\n  ; c2\n  two\n") << u"a"_s
                                                     << u"k"_s << true << u"one\ntwo"_s << QString() << 2;
        QTest::newRow("trailing blank lines stripped") << QByteArray("[a]\nk = one\n  two\n\n\n[b]\n") << u"a"_s
                                                       << u"k"_s << true << u"one\ntwo"_s << QString() << 2;
        QTest::newRow("indented key after section is a key")
            << QByteArray("[a]\n  k = v\n  m = w\n") << u"a"_s << u"m"_s << true << u"w"_s << QString() << 3;
        QTest::newRow("comment lines") << QByteArray("# top\n[a]\n; semi\n# k = no\nk = yes\n") << u"a"_s << u"k"_s
                                       << true << u"yes"_s << QString() << 5;
        QTest::newRow("DEFAULT fallback") << QByteArray("[DEFAULT]\nbase = /srv\n[a]\nk = 1\n") << u"a"_s << u"base"_s
                                          << true << u"/srv"_s << QString() << 2;
        QTest::newRow("interpolate same section") << QByteArray("[a]\nroot = /srv\nk = %(root)s/app\n") << u"a"_s
                                                  << u"k"_s << true << u"/srv/app"_s << QString() << 3;
        QTest::newRow("interpolate DEFAULT") << QByteArray("[DEFAULT]\nroot = /srv\n[a]\nk = %(ROOT)s/app\n") << u"a"_s
                                             << u"k"_s << true << u"/srv/app"_s << QString() << 4;
        QTest::newRow("interpolate nested") << QByteArray("[a]\nx = %(y)s!\ny = %(z)s-%(z)s\nz = q\n") << u"a"_s
                                            << u"x"_s << true << u"q-q!"_s << QString() << 2;
        QTest::newRow("percent escape") << QByteArray("[a]\nfile_template = %%(rev)s_%%(slug)s\n") << u"a"_s
                                        << u"file_template"_s << true << u"%(rev)s_%(slug)s"_s << QString() << 2;
        QTest::newRow("injected here") << QByteArray("[a]\nk = %(here)s/migrations\n") << u"a"_s << u"k"_s << true
                                       << u"/proj/migrations"_s << QString() << 2;
        QTest::newRow("missing reference") << QByteArray("[a]\nk = %(nope)s\n") << u"a"_s << u"k"_s << true << QString()
                                           << u"IniInterpolationError"_s << 2;
        QTest::newRow("lone percent") << QByteArray("[a]\nk = 100%\n") << u"a"_s << u"k"_s << true << QString()
                                      << u"IniInterpolationError"_s << 2;
        QTest::newRow("bad reference") << QByteArray("[a]\nformat = %(levelname)-5.5s\n") << u"a"_s << u"format"_s
                                       << true << QString() << u"IniInterpolationError"_s << 2;
        QTest::newRow("reference loop") << QByteArray("[a]\nx = %(y)s\ny = %(x)s\n") << u"a"_s << u"x"_s << true
                                        << QString() << u"IniInterpolationError"_s << 2;
        QTest::newRow("bad value elsewhere does not matter")
            << QByteArray("[a]\nk = fine\n[formatter_generic]\nformat = %(levelname)-5.5s\n") << u"a"_s << u"k"_s
            << true << u"fine"_s << QString() << 2;
        QTest::newRow("header with trailing text")
            << QByteArray("[a] ; note\nk = v\n") << u"a"_s << u"k"_s << true << u"v"_s << QString() << 2;
        QTest::newRow("crlf") << QByteArray("[a]\r\nk = v\r\n  w\r\n") << u"a"_s << u"k"_s << true << u"v\nw"_s
                              << QString() << 2;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF[a]\nk = v\n") << u"a"_s << u"k"_s << true << u"v"_s
                             << QString() << 2;
        QTest::newRow("utf8") << QByteArray("[a]\nk = caf\xC3\xA9\n") << u"a"_s << u"k"_s << true << u"caf\u00e9"_s
                              << QString() << 2;
    }

    void value()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(bool, present);
        QFETCH(QString, value);
        QFETCH(QString, errorKind);
        QFETCH(int, line);
        const IniFile file = IniFile::parse(ini, u"/proj/alembic.ini"_s, {{u"here"_s, u"/proj"_s}});
        const IniValue v = file.value(section, key);
        QCOMPARE(v.present, present);
        QCOMPARE(v.text, value);
        QCOMPARE(v.error ? v.error->kind : QString(), errorKind);
        if (v.error) {
            QCOMPARE(v.error->path, u"/proj/alembic.ini"_s);
            QCOMPARE(v.error->line, line);
        }
        QCOMPARE(v.line, line);
    }

    void parseProblems_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("clean") << QByteArray("[a]\nk = v\n") << QStringList() << QList<int>();
        QTest::newRow("missing section header")
            << QByteArray("# c\nk = v\n[a]\n") << QStringList{u"IniMissingSectionHeader"_s} << QList<int>{2};
        QTest::newRow("no separator") << QByteArray("[a]\njust words\n") << QStringList{u"IniParseError"_s}
                                      << QList<int>{2};
        QTest::newRow("empty key") << QByteArray("[a]\n= v\n") << QStringList{u"IniParseError"_s} << QList<int>{2};
        QTest::newRow("duplicate key") << QByteArray("[a]\nk = 1\nK = 2\n") << QStringList{u"IniDuplicateKey"_s}
                                       << QList<int>{3};
        QTest::newRow("duplicate section")
            << QByteArray("[a]\nk = 1\n[b]\n[a]\nm = 2\n") << QStringList{u"IniDuplicateSection"_s} << QList<int>{4};
    }

    void parseProblems()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QStringList, kinds);
        QFETCH(QList<int>, lines);
        const IniFile file = IniFile::parse(ini, u"f.ini"_s);
        QStringList actualKinds;
        QList<int> actualLines;
        for (const Problem &p : file.problems()) {
            actualKinds.append(p.kind);
            actualLines.append(p.line);
            QCOMPARE(p.path, u"f.ini"_s);
            QVERIFY(!p.message.isEmpty());
        }
        QCOMPARE(actualKinds, kinds);
        QCOMPARE(actualLines, lines);
    }

    void sectionsAndKeys()
    {
        const IniFile file = IniFile::parse("[DEFAULT]\nd = 1\n[alembic]\nb = 2\na = 3\n[retort]\nurl = x\nd = 4\n",
                                            u"f.ini"_s, {{u"here"_s, u"/p"_s}});
        QCOMPARE(file.sections(), (QStringList{u"alembic"_s, u"retort"_s}));
        QVERIFY(file.hasSection(u"retort"_s));
        QVERIFY(!file.hasSection(u"DEFAULT"_s));
        QCOMPARE(file.keys(u"alembic"_s), (QStringList{u"b"_s, u"a"_s, u"here"_s, u"d"_s}));
        QCOMPARE(file.keys(u"retort"_s, true), (QStringList{u"url"_s, u"d"_s}));
        QCOMPARE(file.value(u"retort"_s, u"d"_s).text, u"4"_s);
        QCOMPARE(file.rawValue(u"alembic"_s, u"d"_s), std::optional<QString>(u"1"_s));
    }

    void loadInjectsHere()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"alembic.ini"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[alembic]\nscript_location = %(here)s/migrations\n");
        f.close();
        const IniFile ini = IniFile::load(path);
        QVERIFY(ini.problems().isEmpty());
        QCOMPARE(ini.value(u"alembic"_s, u"script_location"_s).text,
                 QDir(dir.path()).absolutePath() + u"/migrations"_s);
    }

    void loadMissingFile()
    {
        const IniFile ini = IniFile::load(u"/nonexistent/alembic.ini"_s);
        QCOMPARE(ini.problems().size(), 1);
        QCOMPARE(ini.problems().first().kind, u"UnreadableFile"_s);
    }
};

QTEST_GUILESS_MAIN(TestIniFile)
#include "tst_inifile.moc"
