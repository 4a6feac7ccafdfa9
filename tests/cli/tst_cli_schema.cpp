// `retort schema`, `diff` and `replay` on native SQL projects: JSON shapes, text, exit codes,
// and the project's own database left as it was.
#include "CliProcess.h"
#include "NativeProject.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void schemaJsonAndText();
    void diffJsonAndText();
    void replayReportsAndCaches();
    void replayFailureExitsOne();
    void usageErrors();

private:
    QTemporaryDir m_cache;
};

namespace {

QStringList names(const QJsonArray &tables)
{
    QStringList list;
    for (const QJsonValue &table : tables)
        list << table.toObject().value(u"name"_s).toString();
    return list;
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

void TestCliSchema::initTestCase()
{
    QVERIFY(m_cache.isValid());
    // Every retort started here caches under this folder, not the person's.
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
}

void TestCliSchema::schemaJsonAndText()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"aaa1"_s));

    CliResult run = p.retort({u"schema"_s, u"bbb2"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QJsonObject object = jsonOf(run);
    QCOMPARE(object.value(u"revision"_s).toString(), u"bbb2"_s);
    QCOMPARE(object.value(u"dialect"_s).toString(), u"sqlite"_s);
    QCOMPARE(names(object.value(u"tables"_s).toArray()), (QStringList{u"t_aaa1"_s, u"t_bbb2"_s}));
    QVERIFY(object.value(u"views"_s).isArray());
    QVERIFY(!QFile::exists(p.database())); // nothing was opened on the project's database

    run = p.retort({u"schema"_s, u"--json"_s}); // two heads
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonArray schemas = jsonOf(run).value(u"schemas"_s).toArray();
    QCOMPARE(schemas.size(), 2);
    QCOMPARE(schemas.at(1).toObject().value(u"revision"_s).toString(), u"ccc3"_s);

    run = p.retort({u"schema"_s, u"base"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(jsonOf(run).value(u"revision"_s).toString(), u"base"_s);
    QCOMPARE(jsonOf(run).value(u"tables"_s).toArray().size(), 0);

    run = p.retort({u"schema"_s, u"ccc3"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(u"t_ccc3"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"t_bbb2"_s));

    run = p.retort({u"schema"_s, u"nosuch"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(jsonOf(run).value(u"error"_s).isObject());
}

void TestCliSchema::diffJsonAndText()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));

    CliResult run = p.retort({u"diff"_s, u"aaa1"_s, u"ccc3"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject object = jsonOf(run);
    QCOMPARE(object.value(u"from"_s).toString(), u"aaa1"_s);
    QCOMPARE(object.value(u"to"_s).toString(), u"ccc3"_s);
    const QJsonArray changes = object.value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 2);
    for (const QJsonValue &change : changes) {
        const QJsonObject c = change.toObject();
        QCOMPARE(c.value(u"kind"_s).toString(), u"add_table"_s);
        for (const QString &key : {u"table"_s, u"name"_s, u"before"_s, u"after"_s})
            QVERIFY2(c.contains(key), qPrintable(key));
    }
    QCOMPARE(changes.at(0).toObject().value(u"table"_s).toString(), u"t_bbb2"_s);

    run = p.retort({u"diff"_s, u"ccc3"_s, u"base"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out.count(u'\n'), 3);
    QVERIFY(run.out.contains(u"drop_table t_aaa1"_s));
}

void TestCliSchema::replayReportsAndCaches()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));
    CliResult run = p.retort({u"upgrade"_s, u"aaa1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QByteArray before = hashOf(p.database());

    run = p.retort({u"replay"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QJsonObject object = jsonOf(run);
    QCOMPARE(object.value(u"dialect"_s).toString(), u"sqlite"_s);
    QJsonArray revisions = object.value(u"revisions"_s).toArray();
    QCOMPARE(revisions.size(), 3);
    QCOMPARE(revisions.at(0).toObject().value(u"revision"_s).toString(), u"aaa1"_s);
    QCOMPARE(revisions.at(0).toObject().value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(object.value(u"counts"_s).toObject().value(u"ok"_s).toInt(), 3);

    QVERIFY(p.append(u"ccc3"_s, "-- edited\n"));
    run = p.retort({u"replay"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    object = jsonOf(run);
    QCOMPARE(object.value(u"counts"_s).toObject().value(u"cached"_s).toInt(), 2);
    QCOMPARE(object.value(u"counts"_s).toObject().value(u"ok"_s).toInt(), 1);

    run = p.retort({u"replay"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(u"ccc3 cached"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"0 replayed, 3 cached, 0 failed, 0 skipped"_s));
    QCOMPARE(hashOf(p.database()), before);
    QCOMPARE(p.rows(), QStringList{u"aaa1"_s});
}

void TestCliSchema::replayFailureExitsOne()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    QVERIFY(p.addRevision(u"bbb2"_s, u"aaa1"_s));
    QVERIFY(p.addRevision(u"ccc3"_s, u"bbb2"_s));
    QVERIFY(p.addRevision(u"ddd4"_s, u"aaa1"_s));
    // A second CREATE of the same table, at the end of bbb2's upgrade section.
    QFile file(p.file(u"bbb2"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(u"\n\n-- +downgrade"_s, u"\nCREATE TABLE t_bbb2 (id INTEGER);\n\n-- +downgrade"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    CliResult run = p.retort({u"replay"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray revisions = jsonOf(run).value(u"revisions"_s).toArray();
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &revision : revisions)
        byId.insert(revision.toObject().value(u"revision"_s).toString(), revision.toObject());
    QCOMPARE(byId.value(u"bbb2"_s).value(u"status"_s).toString(), u"failed"_s);
    const QJsonObject error = byId.value(u"bbb2"_s).value(u"error"_s).toObject();
    QCOMPARE(error.value(u"revision"_s).toString(), u"bbb2"_s);
    QCOMPARE(error.value(u"path"_s).toString(), p.file(u"bbb2"_s));
    QCOMPARE(error.value(u"line"_s).toInt(), 7);
    QVERIFY(error.value(u"database_message"_s).toString().contains(u"already exists"_s));
    QCOMPARE(byId.value(u"ccc3"_s).value(u"status"_s).toString(), u"skipped"_s);
    QCOMPARE(byId.value(u"ddd4"_s).value(u"status"_s).toString(), u"ok"_s);

    run = p.retort({u"replay"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"ccc3 skipped (after bbb2)"_s), qPrintable(run.out));
}

void TestCliSchema::usageErrors()
{
    NativeProject p;
    QVERIFY(p.addRevision(u"aaa1"_s, QString()));
    CliResult run = p.retort({u"schema"_s, u"--dialect"_s, u"oracle"_s});
    QCOMPARE(run.exitCode, 2);
    run = p.retort({u"diff"_s, u"aaa1"_s});
    QCOMPARE(run.exitCode, 2);
    run = runRetort({u"replay"_s, u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(u"--dialect"_s));
    // PostgreSQL with neither a PostgreSQL project URL nor shadow_url: the setting to use is named.
    run = p.retort({u"replay"_s, u"--dialect"_s, u"postgresql"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"shadow_url"_s), qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_cli_schema.moc"
