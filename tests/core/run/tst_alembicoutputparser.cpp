#include "run/AlembicOutputParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using retort::AlembicOutputParser;
using retort::AlembicStep;

Q_DECLARE_METATYPE(AlembicStep::Kind)

class TestAlembicOutputParser : public QObject
{
    Q_OBJECT
private slots:
    void parseStep_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("known");
        QTest::addColumn<bool>("isStep");
        QTest::addColumn<AlembicStep::Kind>("kind");
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("revision");

        const QString p = u"INFO  [alembic.runtime.migration] "_s;
        using K = AlembicStep::Kind;
        QTest::newRow("upgrade from base")
            << p + u"Running upgrade  -> 3f247d40a9c4, initial schema"_s << QStringList{} << true << K::Upgrade
            << QStringList{} << QStringList{u"3f247d40a9c4"_s} << u"initial schema"_s << u"3f247d40a9c4"_s;
        QTest::newRow("upgrade") << p + u"Running upgrade 3f24 -> 8a5e, add note, and more"_s << QStringList{} << true
                                 << K::Upgrade << QStringList{u"3f24"_s} << QStringList{u"8a5e"_s}
                                 << u"add note, and more"_s << u"8a5e"_s;
        QTest::newRow("upgrade merge") << p
                + u"Running upgrade 08f51e9d952f, c157cbac9192 -> 2c122f99f547, merge heads"_s
                                       << QStringList{} << true << K::Upgrade
                                       << QStringList{u"08f51e9d952f"_s, u"c157cbac9192"_s}
                                       << QStringList{u"2c122f99f547"_s} << u"merge heads"_s << u"2c122f99f547"_s;
        QTest::newRow("upgrade without message")
            << p + u"Running upgrade a1 -> b2"_s << QStringList{} << true << K::Upgrade << QStringList{u"a1"_s}
            << QStringList{u"b2"_s} << QString() << u"b2"_s;
        QTest::newRow("downgrade merge point, generated ids")
            << p + u"Running downgrade 2c122f99f547 -> 08f51e9d952f, c157cbac9192, merge them"_s << QStringList{}
            << true << K::Downgrade << QStringList{u"2c122f99f547"_s}
            << QStringList{u"08f51e9d952f"_s, u"c157cbac9192"_s} << u"merge them"_s << u"2c122f99f547"_s;
        QTest::newRow("downgrade merge point, known custom ids")
            << p + u"Running downgrade m -> a, b, merge"_s << QStringList{u"m"_s, u"a"_s, u"b"_s} << true
            << K::Downgrade << QStringList{u"m"_s} << QStringList{u"a"_s, u"b"_s} << u"merge"_s << u"m"_s;
        QTest::newRow("downgrade message word that is no revision")
            << p + u"Running downgrade m -> a, merge, b"_s << QStringList{u"m"_s, u"a"_s, u"b"_s} << true
            << K::Downgrade << QStringList{u"m"_s} << QStringList{u"a"_s} << u"merge, b"_s << u"m"_s;
        QTest::newRow("downgrade to base")
            << p + u"Running downgrade 3f247d40a9c4 -> , initial schema"_s << QStringList{} << true << K::Downgrade
            << QStringList{u"3f247d40a9c4"_s} << QStringList{} << u"initial schema"_s << u"3f247d40a9c4"_s;
        QTest::newRow("downgrade to base without message")
            << p + u"Running downgrade abc -> "_s << QStringList{} << true << K::Downgrade << QStringList{u"abc"_s}
            << QStringList{} << QString() << u"abc"_s;
        QTest::newRow("stamp") << p + u"Running stamp_revision  -> 2c122f99f547"_s << QStringList{} << true << K::Stamp
                               << QStringList{} << QStringList{u"2c122f99f547"_s} << QString() << u"2c122f99f547"_s;
        QTest::newRow("stamp several") << p + u"Running stamp_revision a1 -> b2, c3"_s << QStringList{} << true
                                       << K::Stamp << QStringList{u"a1"_s} << QStringList{u"b2"_s, u"c3"_s} << QString()
                                       << u"b2, c3"_s;
        QTest::newRow("other log format")
            << u"2024-01-01 12:00:00 alembic: Running upgrade x -> y, msg"_s << QStringList{} << true << K::Upgrade
            << QStringList{u"x"_s} << QStringList{u"y"_s} << u"msg"_s << u"y"_s;
        QTest::newRow("offline sql comment is no log line")
            << u"-- Running upgrade 8a5e -> c157"_s << QStringList{} << false << K::Upgrade << QStringList{}
            << QStringList{} << QString() << QString();
        QTest::newRow("context line") << p + u"Context impl SQLiteImpl."_s << QStringList{} << false << K::Upgrade
                                      << QStringList{} << QStringList{} << QString() << QString();
        QTest::newRow("word glued to Running") << u"NotRunning upgrade a -> b"_s << QStringList{} << false << K::Upgrade
                                               << QStringList{} << QStringList{} << QString() << QString();
    }

    void parseStep()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, known);
        QFETCH(bool, isStep);
        const auto step = AlembicOutputParser::parseStep(line, QSet<QString>(known.begin(), known.end()));
        QCOMPARE(step.has_value(), isStep);
        if (!isStep)
            return;
        QFETCH(AlembicStep::Kind, kind);
        QFETCH(QStringList, from);
        QFETCH(QStringList, to);
        QFETCH(QString, message);
        QFETCH(QString, revision);
        QCOMPARE(step->kind, kind);
        QCOMPARE(step->from, from);
        QCOMPARE(step->to, to);
        QCOMPARE(step->message, message);
        QCOMPARE(step->revision(), revision);
        QCOMPARE(step->line, line);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("exceptionLine");
        QTest::addColumn<QString>("errorLine");
        QTest::addColumn<QString>("scriptPath");
        QTest::addColumn<int>("scriptLine");

        QTest::newRow("chained traceback from a revision")
            << QStringList{u"INFO  [alembic.runtime.migration] Running upgrade  -> aaa, one"_s,
                           u"Traceback (most recent call last):"_s,
                           u"  File \"/usr/lib/python3/dist-packages/sqlalchemy/engine/base.py\", line 1900, in _execute_context"_s,
                           u"    self.dialect.do_execute("_s,
                           u"sqlite3.OperationalError: no such table: nope"_s,
                           QString(),
                           u"The above exception was the direct cause of the following exception:"_s,
                           QString(),
                           u"Traceback (most recent call last):"_s,
                           u"  File \"/usr/bin/flask\", line 33, in <module>"_s,
                           u"    sys.exit(load_entry_point('Flask==2.2.2', 'console_scripts', 'flask')())"_s,
                           u"             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"_s,
                           u"  File \"/p/migrations/versions/aaa_one.py\", line 21, in upgrade"_s,
                           u"    op.execute(\"DROP TABLE nope\")"_s,
                           u"  File \"<string>\", line 8, in execute"_s,
                           u"sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: nope"_s,
                           u"[SQL: DROP TABLE nope]"_s,
                           u"(Background on this error at: https://sqlalche.me/e/14/e3q8)"_s}
            << 1 << u"sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: nope"_s << QString()
            << u"/p/migrations/versions/aaa_one.py"_s << 21;
        QTest::newRow("alembic command error")
            << QStringList{u"FAILED: Can't locate revision identified by 'ffff'"_s} << 0 << QString()
            << u"FAILED: Can't locate revision identified by 'ffff'"_s << QString() << 0;
        QTest::newRow("flask-migrate error")
            << QStringList{u"INFO  [alembic.runtime.migration] Context impl SQLiteImpl."_s,
                           u"ERROR [flask_migrate] Error: Multiple head revisions are present"_s}
            << 0 << QString() << u"ERROR [flask_migrate] Error: Multiple head revisions are present"_s << QString()
            << 0;
        QTest::newRow("click usage error")
            << QStringList{u"Usage: flask [OPTIONS] COMMAND [ARGS]..."_s, u"Try 'flask --help' for help."_s, QString(),
                           u"Error: No such command 'db'."_s}
            << 0 << QString() << u"Error: No such command 'db'."_s << QString() << 0;
        QTest::newRow("import error before any step")
            << QStringList{u"Traceback (most recent call last):"_s, u"  File \"/p/app.py\", line 3, in <module>"_s,
                           u"    from flask_migrate import Migrate"_s,
                           u"ModuleNotFoundError: No module named 'flask_migrate'"_s}
            << 0 << u"ModuleNotFoundError: No module named 'flask_migrate'"_s << QString() << QString() << 0;
    }

    void errors()
    {
        QFETCH(QStringList, lines);
        QFETCH(int, steps);
        QFETCH(QString, exceptionLine);
        QFETCH(QString, errorLine);
        QFETCH(QString, scriptPath);
        QFETCH(int, scriptLine);
        AlembicOutputParser parser;
        int seen = 0;
        for (const QString &l : lines)
            seen += parser.feed(l).has_value() ? 1 : 0;
        QCOMPARE(seen, steps);
        QCOMPARE(parser.exceptionLine(), exceptionLine);
        QCOMPARE(parser.errorLine(), errorLine);
        QCOMPARE(parser.scriptPath(), scriptPath);
        QCOMPARE(parser.scriptLine(), scriptLine);
    }
};

QTEST_GUILESS_MAIN(TestAlembicOutputParser)
#include "tst_alembicoutputparser.moc"
