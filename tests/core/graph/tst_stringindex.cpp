// StringIndex: the flat id table behind RevisionMap::indexOf and the duplicate check of a
// directory load. Lookups, absent keys, keys whose hashes share a slot, growth, renumbering.
#include "StringIndex.h"

#include <QStringList>
#include <QTest>

using namespace retort;

class tst_stringindex : public QObject
{
    Q_OBJECT
private slots:
    void findsWhatWasInserted();
    void growsPastItsReservation();
    void renumberFollowsARemoval();
    void hashWorkedOutAhead();
};

void tst_stringindex::findsWhatWasInserted()
{
    const QStringList keys{u"ae1027a6acf"_qs, u"1975ea83b712"_qs, u""_qs, u"a"_qs, u"\u00e9t\u00e9"_qs};
    const auto keyOf = [&](int i) -> const QString & { return keys.at(i); };
    StringIndex index;
    index.reserve(size_t(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(index.find(keys.at(i), keyOf), -1);
        index.insert(keys.at(i), i);
    }
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(index.find(keys.at(i), keyOf), i);
    QCOMPARE(index.find(u"ae1027a6acf0"_qs, keyOf), -1); // a longer key with the same start
    QCOMPARE(index.find(u"ae1027a6ac"_qs, keyOf), -1);
    QCOMPARE(StringIndex().find(u"x"_qs, keyOf), -1); // nothing reserved, nothing inserted
}

void tst_stringindex::growsPastItsReservation()
{
    // 20,000 keys into a table reserved for 4: every one of them still found, none invented;
    // with 16 slots to start, many keys land in occupied slots and probe onwards.
    QStringList keys;
    for (int i = 0; i < 20000; ++i)
        keys.append(QStringLiteral("rev%1").arg(i * 7919, 0, 16));
    const auto keyOf = [&](int i) -> const QString & { return keys.at(i); };
    StringIndex index;
    index.reserve(4);
    for (int i = 0; i < keys.size(); ++i)
        index.insert(keys.at(i), i);
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(index.find(keys.at(i), keyOf), i);
    for (int i = 0; i < 2000; ++i)
        QCOMPARE(index.find(QStringLiteral("other%1").arg(i), keyOf), -1);
}

void tst_stringindex::renumberFollowsARemoval()
{
    // The duplicate check's use: the entry at 1 leaves its list and its id moves to the end.
    QStringList keys{u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs};
    const auto keyOf = [&](int i) -> const QString & { return keys.at(i); };
    StringIndex index;
    for (int i = 0; i < keys.size(); ++i)
        index.insert(keys.at(i), i);
    keys.removeAt(1);
    const int appended = int(keys.size());
    keys.append(u"b"_qs);
    index.renumber([appended](int value) { return value == 1 ? appended : value > 1 ? value - 1 : value; });
    QCOMPARE(index.find(u"a"_qs, keyOf), 0);
    QCOMPARE(index.find(u"c"_qs, keyOf), 1);
    QCOMPARE(index.find(u"d"_qs, keyOf), 2);
    QCOMPARE(index.find(u"b"_qs, keyOf), 3);
}

void tst_stringindex::hashWorkedOutAhead()
{
    // A hash from hashOf, worked out before (as the map's builder does on every core), files and
    // finds a key as the key itself does; a wrong hash finds nothing, and a matching hash
    // still needs the key to match.
    const QStringList keys{u"3f151338d03e"_qs, u"ea48d960e1aa"_qs, u"d8c8339776fc"_qs};
    const auto keyOf = [&](int i) -> const QString & { return keys.at(i); };
    StringIndex index;
    for (int i = 0; i < keys.size(); ++i)
        index.insert(StringIndex::hashOf(keys.at(i)), i);
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(index.find(keys.at(i), keyOf), i);
        QCOMPARE(index.find(StringIndex::hashOf(keys.at(i)), keys.at(i), keyOf), i);
    }
    QCOMPARE(index.find(StringIndex::hashOf(keys.at(0)), u"3f151338d03f"_qs, keyOf), -1);
    QVERIFY(StringIndex::hashOf(keys.at(0)) != StringIndex::hashOf(keys.at(1)));
}

QTEST_GUILESS_MAIN(tst_stringindex)
#include "tst_stringindex.moc"
