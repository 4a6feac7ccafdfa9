// What the engine writes as literals and guards on real databases: string literals read back as
// written (quotes, backslashes, newlines, non-ASCII; PostgreSQL with standard_conforming_strings
// on and off), and the version table's compare-and-swap refuses when the heads moved.
#include "TestDatabase.h"
#include "db/VersionTable.h"
#include "graph/Plan.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace retort;

class TestLiterals : public QObject
{
    Q_OBJECT

private:
    static QString readBack(Connection &connection, const QString &value)
    {
        QSqlQuery query(connection.database());
        if (!query.exec(QStringLiteral("SELECT ") + connection.stringLiteral(value)) || !query.next())
            return QStringLiteral("<failed: %1>").arg(query.lastError().text());
        return query.value(0).toString();
    }

    static QStringList sortedHeads(VersionTable &table)
    {
        auto heads = table.heads();
        QStringList list = heads ? *heads : QStringList{QStringLiteral("<error>")};
        list.sort();
        return list;
    }

private slots:
    void literalsReadBack_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("setting"); // PostgreSQL: standard_conforming_strings
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << QString();
        QTest::newRow("postgresql, standard strings") << QStringLiteral("postgresql") << QStringLiteral("on");
        QTest::newRow("postgresql, legacy strings") << QStringLiteral("postgresql") << QStringLiteral("off");
    }

    void literalsReadBack()
    {
        QFETCH(QString, backend);
        QFETCH(QString, setting);
        QString failure;
        const auto database = TestDatabase::create(backend, &failure);
        QVERIFY2(database, qPrintable(failure));
        const auto connection = database->connect(&failure);
        QVERIFY2(connection, qPrintable(failure));
        if (!setting.isEmpty())
            QVERIFY(!connection->execute(QStringLiteral("SET standard_conforming_strings = ") + setting));
        const QStringList values = {
            QStringLiteral("plain"),
            QStringLiteral("O'Brien"),
            QStringLiteral("''"),
            QStringLiteral("back\\slash"),
            QStringLiteral("\\'; DROP TABLE x; --"),
            QStringLiteral("ends with \\"),
            QStringLiteral("two\nlines\ttab"),
            QStringLiteral("Grüße, 日本, 😀"),
            QString(),
        };
        for (const QString &value : values)
            QCOMPARE(readBack(*connection, value), value);
    }

    void swapRefusesMovedHeads_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void swapRefusesMovedHeads()
    {
        QFETCH(QString, backend);
        QString failure;
        const auto database = TestDatabase::create(backend, &failure);
        QVERIFY2(database, qPrintable(failure));
        const auto connection = database->connect(&failure);
        QVERIFY2(connection, qPrintable(failure));
        VersionTable table(*connection);
        QVERIFY(!table.create());

        const VersionOp insertA{VersionOp::Kind::Insert, {}, QStringLiteral("aaa")};
        const VersionOp aToB{VersionOp::Kind::Update, QStringLiteral("aaa"), QStringLiteral("bbb")};
        const VersionOp insertC{VersionOp::Kind::Insert, {}, QStringLiteral("ccc")};

        // From empty: applies.
        auto applied = table.applyIfHeads({insertA}, {});
        QVERIFY(bool(applied));
        QVERIFY(*applied);
        QCOMPARE(sortedHeads(table), QStringList{QStringLiteral("aaa")});

        // Expecting empty again: someone moved the table; nothing changes.
        applied = table.applyIfHeads({insertA}, {});
        QVERIFY(bool(applied));
        QVERIFY(!*applied);
        QCOMPARE(sortedHeads(table), QStringList{QStringLiteral("aaa")});

        // Expecting the wrong head: refused, unchanged.
        applied = table.applyIfHeads({aToB}, {QStringLiteral("zzz")});
        QVERIFY(bool(applied));
        QVERIFY(!*applied);
        QCOMPARE(sortedHeads(table), QStringList{QStringLiteral("aaa")});

        // Expecting a superset of the heads: refused.
        applied = table.applyIfHeads({aToB}, {QStringLiteral("aaa"), QStringLiteral("ccc")});
        QVERIFY(bool(applied));
        QVERIFY(!*applied);

        // Right heads, several ops: all applied.
        applied = table.applyIfHeads({aToB, insertC}, {QStringLiteral("aaa")});
        QVERIFY(bool(applied));
        QVERIFY(*applied);
        QCOMPARE(sortedHeads(table), (QStringList{QStringLiteral("bbb"), QStringLiteral("ccc")}));

        // No ops: only compares.
        applied = table.applyIfHeads({}, {QStringLiteral("ccc"), QStringLiteral("bbb")});
        QVERIFY(bool(applied));
        QVERIFY(*applied);
        applied = table.applyIfHeads({}, {QStringLiteral("bbb")});
        QVERIFY(bool(applied));
        QVERIFY(!*applied);
    }
};

QTEST_GUILESS_MAIN(TestLiterals)
#include "tst_literals.moc"
