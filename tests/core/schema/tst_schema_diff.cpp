// SchemaDiff on hand-made schemas: which changes between() reports for each kind of edit, their
// order, the JSON form, the summary line and which changes count as destructive.
#include "schema/SchemaDiff.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace retort;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(retort::Schema)
Q_DECLARE_METATYPE(retort::SchemaChanges)

namespace {

Column column(const QString &name, const QString &type, int position, bool nullable = true,
              const QString &defaultValue = {})
{
    Column c;
    c.name = name;
    c.type = type;
    c.position = position;
    c.nullable = nullable;
    c.defaultValue = defaultValue;
    return c;
}

Schema base()
{
    Schema s;
    s.dialect = u"sqlite"_s;
    Table users;
    users.name = u"users"_s;
    users.columns = {column(u"id"_s, u"INTEGER"_s, 1, false), column(u"name"_s, u"VARCHAR(20)"_s, 2),
                     column(u"email"_s, u"TEXT"_s, 3, true, u"''"_s)};
    users.primaryKey = {QString(), {u"id"_s}};
    users.indexes = {Index{u"ix_users_email"_s, {u"email"_s}, false, {}, {}}};
    users.uniqueConstraints = {{QString(), {u"name"_s}}};
    users.checks = {{QString(), u"length(name) > 0"_s}};
    Table posts;
    posts.name = u"posts"_s;
    posts.columns = {column(u"id"_s, u"INTEGER"_s, 1, false), column(u"user_id"_s, u"INTEGER"_s, 2),
                     column(u"body"_s, u"TEXT"_s, 3)};
    posts.primaryKey = {QString(), {u"id"_s}};
    posts.foreignKeys = {
        ForeignKey{QString(), {u"user_id"_s}, QString(), u"users"_s, {u"id"_s}, u"CASCADE"_s, u"NO ACTION"_s}};
    s.tables = {posts, users};
    s.views = {View{QString(), u"recent"_s, u"SELECT * FROM posts"_s, false}};
    return s;
}

Table &tableOf(Schema &s, const QString &name)
{
    for (Table &t : s.tables) {
        if (t.name == name)
            return t;
    }
    qFatal("no table %s", qPrintable(name));
}

// "kind table.name: before -> after", one line per change.
QStringList lines(const SchemaChanges &changes)
{
    QStringList out;
    for (const SchemaChange &c : changes)
        out.append(c.kindName() + u' ' + QStringList{c.table, c.name}.filter(QRegularExpression(u"."_s)).join(u'.')
                   + u": "_s + c.before + u" -> "_s + c.after);
    return out;
}

using Edit = std::function<void(Schema &)>;

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestSchemaDiff : public QObject
{
    Q_OBJECT

private slots:
    void between_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("nothing") << Edit([](Schema &) {}) << QStringList();
        QTest::newRow("dialect only") << Edit([](Schema &s) { s.dialect = u"postgresql"_s; }) << QStringList();
        QTest::newRow("add table") << Edit([](Schema &s) {
            Table t;
            t.name = u"tags"_s;
            t.columns = {column(u"id"_s, u"INTEGER"_s, 1), column(u"label"_s, u"TEXT"_s, 2)};
            s.tables.append(t);
        }) << QStringList{u"add_table tags:  -> id, label"_s};
        QTest::newRow("drop table, not its columns")
            << Edit([](Schema &s) { s.tables.removeIf([](const Table &t) { return t.name == u"posts"; }); })
            << QStringList{u"drop_table posts: id, user_id, body -> "_s};
        QTest::newRow("add and drop column") << Edit([](Schema &s) {
            Table &users = tableOf(s, u"users"_s);
            users.columns.removeAt(2);
            users.columns.append(column(u"age"_s, u"INTEGER"_s, 3, false, u"0"_s));
        })
                                             << QStringList{u"add_column users.age:  -> INTEGER not null default 0"_s,
                                                            u"drop_column users.email: TEXT default '' -> "_s};
        QTest::newRow("alter type") << Edit([](Schema &s) { tableOf(s, u"users"_s).columns[1].type = u"TEXT"_s; })
                                    << QStringList{u"alter_column users.name: VARCHAR(20) -> TEXT"_s};
        QTest::newRow("alter nullability")
            << Edit([](Schema &s) { tableOf(s, u"users"_s).columns[1].nullable = false; })
            << QStringList{u"alter_column users.name: null -> not null"_s};
        QTest::newRow("alter default") << Edit([](Schema &s) {
            tableOf(s, u"users"_s).columns[2].defaultValue.clear();
        }) << QStringList{u"alter_column users.email: default '' -> no default"_s};
        QTest::newRow("alter type, nullability and default")
            << Edit([](Schema &s) {
                   Column &email = tableOf(s, u"users"_s).columns[2];
                   email.type = u"VARCHAR(200)"_s;
                   email.nullable = false;
                   email.defaultValue = u"'none'"_s;
               })
            << QStringList{
                   u"alter_column users.email: TEXT, null, default '' -> VARCHAR(200), not null, default 'none'"_s};
        QTest::newRow("generated") << Edit([](Schema &s) {
            Column &body = tableOf(s, u"posts"_s).columns[2];
            body.generated = u"stored"_s;
            body.generationExpression = u"upper(id)"_s;
        }) << QStringList{u"alter_column posts.body: not generated -> generated always as (upper(id)) stored"_s};
        QTest::newRow("column order") << Edit([](Schema &s) {
            Table &users = tableOf(s, u"users"_s);
            users.columns.swapItemsAt(1, 2);
            users.columns[1].position = 2;
            users.columns[2].position = 3;
        }) << QStringList{u"other users.columns: id, name, email -> id, email, name"_s};
        QTest::newRow("add and drop index")
            << Edit([](Schema &s) {
                   Table &users = tableOf(s, u"users"_s);
                   users.indexes = {Index{u"ix_users_name"_s, {u"lower(name)"_s}, true, u"name IS NOT NULL"_s, {}}};
               })
            << QStringList{u"add_index users.ix_users_name:  -> UNIQUE (lower(name)) WHERE name IS NOT NULL"_s,
                           u"drop_index users.ix_users_email: (email) -> "_s};
        QTest::newRow("index changed under its name")
            << Edit([](Schema &s) { tableOf(s, u"users"_s).indexes[0].unique = true; })
            << QStringList{u"add_index users.ix_users_email:  -> UNIQUE (email)"_s,
                           u"drop_index users.ix_users_email: (email) -> "_s};
        QTest::newRow("unnamed foreign key changed")
            << Edit([](Schema &s) { tableOf(s, u"posts"_s).foreignKeys[0].onDelete = u"SET NULL"_s; })
            << QStringList{u"add_foreign_key posts:  -> (user_id) REFERENCES users (id) ON DELETE SET NULL"_s,
                           u"drop_foreign_key posts: (user_id) REFERENCES users (id) ON DELETE CASCADE -> "_s};
        QTest::newRow("named foreign key added") << Edit([](Schema &s) {
            tableOf(s, u"posts"_s)
                .foreignKeys.append(ForeignKey{
                    u"fk_body"_s, {u"body"_s}, QString(), u"users"_s, {u"email"_s}, u"NO ACTION"_s, u"NO ACTION"_s});
        }) << QStringList{u"add_foreign_key posts.fk_body:  -> (body) REFERENCES users (email)"_s};
        QTest::newRow("primary key") << Edit([](Schema &s) {
            tableOf(s, u"posts"_s).primaryKey = {u"pk_posts"_s, {u"id"_s, u"user_id"_s}};
        }) << QStringList{u"other posts.pk_posts: (id) -> pk_posts (id, user_id)"_s};
        QTest::newRow("unique and check")
            << Edit([](Schema &s) {
                   Table &users = tableOf(s, u"users"_s);
                   users.uniqueConstraints.clear();
                   users.checks = {{u"ck_name"_s, u"length(name) > 0"_s}};
               })
            << QStringList{u"other users: CHECK (length(name) > 0) -> "_s, u"other users: UNIQUE (name) -> "_s,
                           u"other users.ck_name:  -> CHECK (length(name) > 0)"_s};
        QTest::newRow("views") << Edit([](Schema &s) {
            s.views[0].definition = u"SELECT id FROM posts"_s;
            s.views.append(View{QString(), u"all_users"_s, u"SELECT * FROM users"_s, false});
        })
                               << QStringList{u"add_view all_users:  -> SELECT * FROM users"_s,
                                              u"alter_view recent: SELECT * FROM posts -> SELECT id FROM posts"_s};
        QTest::newRow("drop view") << Edit([](Schema &s) { s.views.clear(); })
                                   << QStringList{u"drop_view recent: SELECT * FROM posts -> "_s};
        QTest::newRow("sequence and enum")
            << Edit([](Schema &s) {
                   s.sequences.append(Sequence{u"public"_s, u"s"_s, u"bigint"_s, 1, 1, 1, 100, false, QString()});
                   s.enums.append(EnumType{u"public"_s, u"mood"_s, {u"ok"_s}});
               })
            << QStringList{u"other public.mood:  -> 'ok'"_s,
                           u"other public.s:  -> bigint, start 1, increment 1, min 1, max 100"_s};
    }

    void between()
    {
        QFETCH(Edit, edit);
        QFETCH(QStringList, expected);
        const Schema from = base();
        Schema to = base();
        edit(to);
        const SchemaChanges changes = SchemaDiff::between(from, to);
        QCOMPARE(lines(changes), expected);
        // The other way round reports as many changes.
        QCOMPARE(SchemaDiff::between(to, from).size(), changes.size());
    }

    void sortedAcrossTables()
    {
        Schema from = base();
        Schema to = base();
        tableOf(to, u"users"_s).columns.append(column(u"z"_s, u"INTEGER"_s, 4));
        tableOf(to, u"posts"_s).columns.append(column(u"a"_s, u"INTEGER"_s, 4));
        tableOf(to, u"posts"_s).columns[2].type = u"BLOB"_s;
        Table extra;
        extra.name = u"aaa"_s;
        to.tables.append(extra);
        const SchemaChanges changes = SchemaDiff::between(from, to);
        QCOMPARE(lines(changes),
                 (QStringList{u"add_table aaa:  -> "_s, u"add_column posts.a:  -> INTEGER"_s,
                              u"alter_column posts.body: TEXT -> BLOB"_s, u"add_column users.z:  -> INTEGER"_s}));
        QCOMPARE(changes.at(2).aspects, QStringList{u"type"_s});
    }

    void json()
    {
        Schema to = base();
        tableOf(to, u"users"_s).columns[1].type = u"TEXT"_s;
        to.views.clear();
        const QJsonArray json = SchemaDiff::toJson(SchemaDiff::between(base(), to));
        QCOMPARE(json.size(), 2);
        const QJsonObject alter = json.at(1).toObject();
        QCOMPARE(alter.value(u"kind"_s).toString(), u"alter_column"_s);
        QCOMPARE(alter.value(u"table"_s).toString(), u"users"_s);
        QCOMPARE(alter.value(u"name"_s).toString(), u"name"_s);
        QCOMPARE(alter.value(u"before"_s).toString(), u"VARCHAR(20)"_s);
        QCOMPARE(alter.value(u"after"_s).toString(), u"TEXT"_s);
        QCOMPARE(alter.value(u"aspects"_s).toArray(), QJsonArray{u"type"_s});
        const QJsonObject drop = json.at(0).toObject();
        QCOMPARE(drop.value(u"kind"_s).toString(), u"drop_view"_s);
        QVERIFY(drop.value(u"name"_s).isNull());
        QVERIFY(drop.value(u"after"_s).isNull());
    }

    void kindNames()
    {
        for (int k = int(SchemaChange::Kind::AddTable); k <= int(SchemaChange::Kind::Other); ++k) {
            const auto kind = SchemaChange::Kind(k);
            QCOMPARE(SchemaChange::kindFromName(SchemaChange::kindName(kind)), std::optional(kind));
        }
        QCOMPARE(SchemaChange::kindName(SchemaChange::Kind::AddForeignKey), u"add_foreign_key"_s);
        QCOMPARE(SchemaChange::kindFromName(u"rename_table"), std::nullopt);
    }

    void summary_data()
    {
        QTest::addColumn<SchemaChanges>("changes");
        QTest::addColumn<QString>("expected");
        using K = SchemaChange::Kind;
        const auto make = [](std::initializer_list<K> kinds) {
            SchemaChanges changes;
            for (const K k : kinds)
                changes.append(SchemaChange{k, u"t"_s, u"c"_s, {}, {}, {}});
            return changes;
        };
        QTest::newRow("none") << SchemaChanges() << QString();
        QTest::newRow("tables and columns")
            << make({K::AddTable, K::DropColumn, K::AddTable, K::AlterColumn}) << u"+2 tables, -1 column, ~1 column"_s;
        QTest::newRow("every noun") << make(
            {K::Other, K::AlterView, K::DropForeignKey, K::AddIndex, K::AddIndex, K::DropIndex, K::AddColumn,
             K::AddColumn, K::DropTable,
             K::Other}) << u"-1 table, +2 columns, +2 indexes, -1 index, -1 foreign key, ~1 view, ~2 other"_s;
        QTest::newRow("views") << make({K::AddView, K::DropView, K::DropView}) << u"+1 view, -2 views"_s;
    }

    void summary()
    {
        QFETCH(SchemaChanges, changes);
        QFETCH(QString, expected);
        QCOMPARE(SchemaDiff::summary(changes), expected);
    }

    void destructive_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<bool>("destructive");
        QTest::newRow("add table") << Edit([](Schema &s) {
            Table t;
            t.name = u"new"_s;
            s.tables.append(t);
        }) << false;
        QTest::newRow("drop table") << Edit([](Schema &s) { s.tables.removeLast(); }) << true;
        QTest::newRow("drop column") << Edit([](Schema &s) { tableOf(s, u"users"_s).columns.removeLast(); }) << true;
        QTest::newRow("type change") << Edit([](Schema &s) { tableOf(s, u"users"_s).columns[1].type = u"TEXT"_s; })
                                     << true;
        QTest::newRow("nullability only")
            << Edit([](Schema &s) { tableOf(s, u"users"_s).columns[1].nullable = false; }) << false;
        QTest::newRow("drop index") << Edit([](Schema &s) { tableOf(s, u"users"_s).indexes.clear(); }) << true;
        QTest::newRow("drop view") << Edit([](Schema &s) { s.views.clear(); }) << true;
        QTest::newRow("alter view") << Edit([](Schema &s) { s.views[0].definition = u"SELECT 1"_s; }) << false;
        QTest::newRow("drop check") << Edit([](Schema &s) { tableOf(s, u"users"_s).checks.clear(); }) << true;
        QTest::newRow("add check") << Edit([](Schema &s) {
            tableOf(s, u"users"_s).checks.append({u"ck"_s, u"id > 0"_s});
        }) << false;
    }

    void destructive()
    {
        QFETCH(Edit, edit);
        QFETCH(bool, destructive);
        Schema to = base();
        edit(to);
        const SchemaChanges changes = SchemaDiff::between(base(), to);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(SchemaDiff::isDestructive(changes.first()), destructive);
    }
};

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schema_diff.moc"
