// The replay order and the Merkle keys of the snapshot cache, on revision files in a temporary folder.
#include "ShadowProject.h"

#include "command/ProjectSnapshot.h"
#include "shadow/ReplayKeys.h"
#include "shadow/SnapshotCache.h"

#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

using namespace retort;
using namespace Qt::StringLiterals;

class TestShadowKeys : public QObject
{
    Q_OBJECT

private slots:
    void parentsComeFirst();
    void editChangesItsKeyAndDescendantsOnly();
    void cacheStoresAndLists();
    void sameSchemaIsLinkedNotWritten();
};

namespace {

std::shared_ptr<const ProjectSnapshot> diamond(const ShadowProject &p)
{
    p.add(u"a1"_s, {}, u"SELECT 1;"_s);
    p.add(u"b1"_s, u"a1"_s, u"SELECT 2;"_s);
    p.add(u"c1"_s, u"a1"_s, u"SELECT 3;"_s);
    p.add(u"m1"_s, u"b1, c1"_s, u"SELECT 4;"_s);
    p.add(u"d1"_s, u"b1"_s, u"SELECT 5;"_s, u"c1"_s);
    return ProjectSnapshot::load(p.dir.path(), p.dir.path());
}

Schema oneTableSchema()
{
    Schema schema;
    schema.dialect = u"sqlite"_s;
    Table table;
    table.name = u"t"_s;
    schema.tables << table;
    return schema;
}

} // namespace

void TestShadowKeys::parentsComeFirst()
{
    ShadowProject p;
    const auto project = diamond(p);
    const RevisionMap &map = project->map();
    const RevIndexes order = ReplayKeys::parentsFirst(map, std::vector<char>(size_t(map.size()), 1));
    QCOMPARE(int(order.size()), map.size());
    std::vector<int> position(size_t(map.size()));
    for (size_t i = 0; i < order.size(); ++i)
        position[size_t(order[i])] = int(i);
    for (RevIndex r = 0; r < map.size(); ++r) {
        for (RevIndex parent : map.allDownRevisions(r))
            QVERIFY(position[size_t(parent)] < position[size_t(r)]);
    }
}

void TestShadowKeys::editChangesItsKeyAndDescendantsOnly()
{
    ShadowProject p;
    auto project = diamond(p);
    const auto keysOf = [](const ProjectSnapshot &snapshot) {
        const RevisionMap &map = snapshot.map();
        const RevIndexes order = ReplayKeys::parentsFirst(map, std::vector<char>(size_t(map.size()), 1));
        const std::vector<QString> keys = ReplayKeys::compute(map, order);
        QHash<QString, QString> byId;
        for (RevIndex i = 0; i < map.size(); ++i)
            byId.insert(map.id(i), keys[size_t(i)]);
        return byId;
    };
    const QHash<QString, QString> before = keysOf(*project);
    QCOMPARE(before.size(), 5);
    for (const QString &key : before)
        QCOMPARE(key.size(), 64);
    QCOMPARE(keysOf(*project), before); // deterministic

    QVERIFY(p.add(u"c1"_s, u"a1"_s, u"SELECT 33;"_s));
    project = ProjectSnapshot::load(p.dir.path(), p.dir.path());
    const QHash<QString, QString> after = keysOf(*project);
    QCOMPARE(after.value(u"a1"_s), before.value(u"a1"_s));
    QCOMPARE(after.value(u"b1"_s), before.value(u"b1"_s));
    QVERIFY(after.value(u"c1"_s) != before.value(u"c1"_s));
    QVERIFY(after.value(u"m1"_s) != before.value(u"m1"_s)); // child through down_revision
    QVERIFY(after.value(u"d1"_s) != before.value(u"d1"_s)); // child through depends_on
}

void TestShadowKeys::cacheStoresAndLists()
{
    QTemporaryDir root;
    const QString directory = SnapshotCache::directoryFor(root.path(), u"sqlite"_s, root.path());
    QVERIFY(directory.startsWith(root.path() + u"/snapshots/"_s));
    QVERIFY(directory.endsWith(u"/sqlite"_s));
    const Schema schema = oneTableSchema();
    SnapshotCache cache(directory);
    QVERIFY(!cache.contains(u"k1"_s));
    QVERIFY(cache.store(u"k1"_s, schema).ok());
    QVERIFY(cache.contains(u"k1"_s));
    // Written on the cache's own thread; load() waits for it.
    const Fallible<Schema> own = cache.load(u"k1"_s);
    QVERIFY(own);
    QCOMPARE(*own, schema);
    SnapshotCache reopened(directory);
    QVERIFY(reopened.contains(u"k1"_s));
    QVERIFY(!reopened.contains(QString()));
    const Fallible<Schema> loaded = reopened.load(u"k1"_s);
    QVERIFY(loaded);
    QCOMPARE(*loaded, schema);
    QVERIFY(!reopened.load(u"k2"_s));
}

// A step that changes only data stores its parent's file again under its own key: one file on
// disk with two names, each loading the same schema; a missing original falls back to writing.
void TestShadowKeys::sameSchemaIsLinkedNotWritten()
{
    QTemporaryDir root;
    const QString directory = SnapshotCache::directoryFor(root.path(), u"sqlite"_s, root.path());
    const Schema schema = oneTableSchema();
    SnapshotCache cache(directory);
    const QByteArray json = cache.serialize(schema);
    QVERIFY(cache.store(u"k1"_s, json).ok());
    QVERIFY(cache.storeSameAs(u"k2"_s, u"k1"_s, json).ok());
    QVERIFY(cache.storeSameAs(u"k3"_s, u"gone"_s, json).ok());
    cache.flush();
    const QFileInfo first(directory + u"/k1.json"_s);
    const QFileInfo second(directory + u"/k2.json"_s);
    const QFileInfo third(directory + u"/k3.json"_s);
    QVERIFY(first.exists() && second.exists() && third.exists());
    QCOMPARE(second.size(), first.size());
    struct stat a = {}, b = {}, c = {};
    QCOMPARE(::stat(QFile::encodeName(first.filePath()).constData(), &a), 0);
    QCOMPARE(::stat(QFile::encodeName(second.filePath()).constData(), &b), 0);
    QCOMPARE(::stat(QFile::encodeName(third.filePath()).constData(), &c), 0);
    QCOMPARE(b.st_ino, a.st_ino);
    QCOMPARE(a.st_nlink, nlink_t(2));
    QVERIFY(c.st_ino != a.st_ino);
    QCOMPARE(c.st_mode & 0777, mode_t(0600));
    SnapshotCache reopened(directory);
    for (const QString &key : {u"k1"_s, u"k2"_s, u"k3"_s}) {
        const Fallible<Schema> loaded = reopened.load(key);
        QVERIFY2(loaded, qPrintable(key));
        QCOMPARE(*loaded, schema);
    }
}

QTEST_GUILESS_MAIN(TestShadowKeys)
#include "tst_shadow_keys.moc"
