// The schema model's value forms: JSON both ways (fromJson(toJson(s)) == s, also through the
// text of the document), the errors of a malformed document, the canonical order, and the text
// form.
#include "schema/Schema.h"
#include "schema/SchemaJson.h"
#include "schema/SchemaJsonWriter.h"
#include "schema/SchemaText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <limits>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

Column column(const QString &name, const QString &type, bool nullable, const QString &defaultValue, int position)
{
    Column c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    c.defaultValue = defaultValue;
    c.position = position;
    return c;
}

// Every field of the model set to something other than its default somewhere.
Schema fullSchema()
{
    Schema s;
    s.dialect = u"postgresql"_s;

    Table p;
    p.schema = u"public"_s;
    p.name = u"parent"_s;
    p.columns = {column(u"id"_s, u"integer"_s, false, u"nextval('parent_id_seq'::regclass)"_s, 1),
                 column(u"code"_s, u"character varying(20)"_s, false, QString(), 2)};
    p.primaryKey = {u"parent_pkey"_s, {u"id"_s}};
    p.uniqueConstraints = {{u"parent_code_key"_s, {u"code"_s}}};

    Table t;
    t.schema = u"public"_s;
    t.name = u"Grüße \"quoted\""_s;
    Column a = column(u"a"_s, u"bigint"_s, false, QString(), 1);
    a.identity = u"always"_s;
    Column b = column(u"b"_s, u"text"_s, true, u"'it''s'::text"_s, 2);
    Column c = column(u"c"_s, u"integer"_s, true, QString(), 3);
    c.generated = u"stored"_s;
    c.generationExpression = u"a * 2"_s;
    t.columns = {a, b, c};
    t.primaryKey = {u"pk_t"_s, {u"a"_s, u"b"_s}};
    t.uniqueConstraints = {{QString(), {u"b"_s, u"c"_s}}};
    t.indexes = {Index{u"ix_expr"_s, {u"lower(b)"_s, u"a DESC"_s}, true, u"a > 5"_s, u"btree"_s},
                 Index{u"ix_plain"_s, {u"c"_s}, false, QString(), u"gin"_s}};
    ForeignKey fk;
    fk.name = u"fk_t_parent"_s;
    fk.columns = {u"c"_s};
    fk.refSchema = u"public"_s;
    fk.refTable = u"parent"_s;
    fk.refColumns = {u"id"_s};
    fk.onDelete = u"CASCADE"_s;
    fk.onUpdate = u"SET NULL"_s;
    ForeignKey unnamed = fk;
    unnamed.name.clear();
    unnamed.onDelete = u"NO ACTION"_s;
    t.foreignKeys = {fk, unnamed};
    t.checks = {{u"ck_a"_s, u"a > 0"_s}, {QString(), u"length(b) < 10"_s}};
    s.tables = {p, t};

    s.views = {View{u"public"_s, u"v"_s, u"SELECT 1 AS one"_s, false},
               View{u"other"_s, u"mv"_s, u"SELECT 2 AS two"_s, true}};
    Sequence seq;
    seq.schema = u"other"_s;
    seq.name = u"big"_s;
    seq.dataType = u"bigint"_s;
    seq.start = std::numeric_limits<qint64>::min();
    seq.increment = -3;
    seq.minValue = std::numeric_limits<qint64>::min();
    seq.maxValue = std::numeric_limits<qint64>::max();
    seq.cycle = true;
    seq.ownedBy = u"public.t.a"_s;
    s.sequences = {seq};
    s.enums = {EnumType{u"public"_s, u"mood"_s, {u"sad"_s, u"ok"_s, u"it's happy"_s}}};
    return s;
}

} // namespace

class TestSchemaModel : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip_data()
    {
        QTest::addColumn<bool>("throughText");
        QTest::newRow("object") << false;
        QTest::newRow("document text") << true;
    }

    void jsonRoundTrip()
    {
        QFETCH(bool, throughText);
        const Schema schema = fullSchema();
        QJsonObject json = SchemaJson::toJson(schema);
        if (throughText) {
            const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
            QJsonParseError error;
            json = QJsonDocument::fromJson(bytes, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
        }
        const auto back = SchemaJson::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->sequences.value(0).maxValue, std::numeric_limits<qint64>::max());
        QCOMPARE(back->sequences.value(0).minValue, std::numeric_limits<qint64>::min());
        QVERIFY(*back == schema);

        const Schema empty;
        const auto emptyBack = SchemaJson::fromJson(SchemaJson::toJson(empty));
        QVERIFY(emptyBack.ok());
        QVERIFY(*emptyBack == empty);
    }

    // The writer that remembers tables gives the bytes QJsonDocument gives, through a sequence
    // of schemas where tables appear, change, disappear and come back.
    void writerMatchesTheDocument()
    {
        const auto document = [](const Schema &schema) {
            return QJsonDocument(SchemaJson::toJson(schema)).toJson(QJsonDocument::Compact);
        };
        SchemaJsonWriter writer;
        const Schema full = fullSchema();
        Schema changed = full;
        changed.tables[1].columns[1].nullable = false;
        changed.tables[1].indexes.removeLast();
        Schema fewer = changed;
        fewer.tables.removeFirst();
        fewer.views.clear();
        fewer.sequences.clear();
        fewer.enums.clear();
        Schema sqlite;
        sqlite.dialect = u"sqlite"_s;
        sqlite.tables = {full.tables.front()};
        sqlite.tables.front().schema.clear();
        for (const Schema &schema : {full, full, changed, fewer, Schema(), full, sqlite, changed}) {
            const QByteArray written = writer.write(schema);
            QCOMPARE(written, document(schema));
            const auto back = SchemaJson::fromJson(QJsonDocument::fromJson(written).object());
            QVERIFY(back.ok());
            QVERIFY(*back == schema);
        }
    }

    void jsonKeys()
    {
        const QJsonObject json = SchemaJson::toJson(fullSchema());
        QCOMPARE(json.value(u"dialect"_s).toString(), u"postgresql"_s);
        const QJsonObject table = json.value(u"tables"_s).toArray().at(1).toObject();
        QCOMPARE(table.value(u"name"_s).toString(), u"Grüße \"quoted\""_s);
        QCOMPARE(table.value(u"schema"_s).toString(), u"public"_s);
        const QJsonObject b = table.value(u"columns"_s).toArray().at(1).toObject();
        QCOMPARE(b.value(u"name"_s).toString(), u"b"_s);
        QCOMPARE(b.value(u"type"_s).toString(), u"text"_s);
        QCOMPARE(b.value(u"nullable"_s).toBool(false), true);
        QCOMPARE(b.value(u"default"_s).toString(), u"'it''s'::text"_s);
        const QJsonObject a = table.value(u"columns"_s).toArray().at(0).toObject();
        QVERIFY(a.value(u"default"_s).isNull());
        QCOMPARE(a.value(u"identity"_s).toString(), u"always"_s);
        QCOMPARE(table.value(u"primary_key"_s).toArray(), QJsonArray({u"a"_s, u"b"_s}));
        const QJsonObject index = table.value(u"indexes"_s).toArray().at(0).toObject();
        QCOMPARE(index.value(u"name"_s).toString(), u"ix_expr"_s);
        QCOMPARE(index.value(u"columns"_s).toArray(), QJsonArray({u"lower(b)"_s, u"a DESC"_s}));
        QCOMPARE(index.value(u"unique"_s).toBool(false), true);
        QCOMPARE(index.value(u"where"_s).toString(), u"a > 5"_s);
        const QJsonObject fk = table.value(u"foreign_keys"_s).toArray().at(0).toObject();
        QCOMPARE(fk.value(u"name"_s).toString(), u"fk_t_parent"_s);
        QCOMPARE(fk.value(u"columns"_s).toArray(), QJsonArray({u"c"_s}));
        QCOMPARE(fk.value(u"ref_table"_s).toString(), u"parent"_s);
        QCOMPARE(fk.value(u"ref_columns"_s).toArray(), QJsonArray({u"id"_s}));
        QCOMPARE(fk.value(u"on_delete"_s).toString(), u"CASCADE"_s);
        QVERIFY(table.value(u"foreign_keys"_s).toArray().at(1).toObject().value(u"name"_s).isNull());
        QCOMPARE(json.value(u"views"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"v"_s);
        QCOMPARE(json.value(u"enums"_s).toArray().at(0).toObject().value(u"labels"_s).toArray().size(), 3);
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QString>("path"); // "tables/1/columns/0/nullable": the field to break
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("dialect missing") << u"dialect"_s << QJsonValue(QJsonValue::Undefined)
                                         << u"dialect should be a string"_s;
        QTest::newRow("tables not a list") << u"tables"_s << QJsonValue(3) << u"tables should be a list"_s;
        QTest::newRow("table not an object")
            << u"tables/0"_s << QJsonValue(u"x"_s) << u"tables[0] should be an object"_s;
        QTest::newRow("nullable as text") << u"tables/1/columns/0/nullable"_s << QJsonValue(u"yes"_s)
                                          << u"tables[1].columns[0].nullable should be true or false"_s;
        QTest::newRow("default a number") << u"tables/1/columns/2/default"_s << QJsonValue(1)
                                          << u"tables[1].columns[2].default should be a string or null"_s;
        QTest::newRow("index columns not strings") << u"tables/1/indexes/1/columns"_s << QJsonValue(QJsonArray{1})
                                                   << u"tables[1].indexes[1].columns should be a list of strings"_s;
        QTest::newRow("sequence start text")
            << u"sequences/0/start"_s << QJsonValue(u"1"_s) << u"sequences[0].start should be a number"_s;
        QTest::newRow("view name missing")
            << u"views/1/name"_s << QJsonValue(QJsonValue::Undefined) << u"views[1].name should be a string"_s;
    }

    void jsonErrors()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const QJsonObject json = SchemaJson::toJson(fullSchema());
        // Sets json[path] = value, rebuilding each container on the way down.
        const std::function<QJsonValue(const QJsonValue &, QStringList)> set = [&](const QJsonValue &node,
                                                                                   QStringList keys) -> QJsonValue {
            if (keys.isEmpty())
                return value;
            const QString key = keys.takeFirst();
            if (node.isArray()) {
                QJsonArray array = node.toArray();
                array[key.toInt()] = set(array.at(key.toInt()), keys);
                return array;
            }
            QJsonObject object = node.toObject();
            const QJsonValue child = set(object.value(key), keys);
            if (child.isUndefined())
                object.remove(key);
            else
                object[key] = child;
            return object;
        };
        const QJsonObject broken = set(json, path.split(u'/')).toObject();
        const auto result = SchemaJson::fromJson(broken);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, error);
    }

    void canonicalOrder()
    {
        Table t;
        t.name = u"t"_s;
        t.columns = {column(u"z"_s, u"INTEGER"_s, true, QString(), 1), column(u"a"_s, u"TEXT"_s, true, QString(), 2)};
        const ForeignKey toP{QString(), {u"z"_s}, QString(), u"p"_s, {u"id"_s}, u"CASCADE"_s, u"NO ACTION"_s};
        const ForeignKey toQ{QString(), {u"z"_s}, QString(), u"q"_s, {u"id"_s}, u"NO ACTION"_s, u"NO ACTION"_s};
        const ForeignKey named{u"fk_a"_s, {u"a"_s}, QString(), u"r"_s, {u"id"_s}, u"NO ACTION"_s, u"NO ACTION"_s};
        t.foreignKeys = {named, toQ, toP};
        t.checks = {
            {u"ck_b"_s, u"z > 1"_s}, {QString(), u"z < 9"_s}, {u"ck_a"_s, u"a <> ''"_s}, {QString(), u"z <> 5"_s}};
        t.uniqueConstraints = {{QString(), {u"z"_s}}, {QString(), {u"a"_s, u"z"_s}}, {u"uq"_s, {u"a"_s}}};
        t.indexes = {Index{u"ix_b"_s, {u"a"_s}, false, {}, {}}, Index{u"ix_a"_s, {u"z"_s}, false, {}, {}}};
        Table u;
        u.name = u"a_table"_s;

        Schema one;
        one.tables = {t, u};
        one.views = {View{QString(), u"v2"_s, u"SELECT 2"_s, false}, View{QString(), u"v1"_s, u"SELECT 1"_s, false}};
        Schema two = one;
        std::reverse(two.tables.begin(), two.tables.end());
        std::reverse(two.views.begin(), two.views.end());
        Table &reversed = two.tables.last();
        std::reverse(reversed.foreignKeys.begin(), reversed.foreignKeys.end());
        std::reverse(reversed.checks.begin(), reversed.checks.end());
        std::reverse(reversed.uniqueConstraints.begin(), reversed.uniqueConstraints.end());
        std::reverse(reversed.indexes.begin(), reversed.indexes.end());
        QVERIFY(!(one == two));

        canonicalize(one);
        canonicalize(two);
        QVERIFY(one == two);
        QCOMPARE(one.tables.at(0).name, u"a_table"_s);
        QCOMPARE(one.views.at(0).name, u"v1"_s);
        const Table &sorted = one.tables.at(1);
        // Columns keep table order.
        QCOMPARE(sorted.columns.at(0).name, u"z"_s);
        // Unnamed first (empty name sorts first), then by content.
        QCOMPARE(sorted.foreignKeys.at(0).refTable, u"p"_s);
        QCOMPARE(sorted.foreignKeys.at(1).refTable, u"q"_s);
        QCOMPARE(sorted.foreignKeys.at(2).name, u"fk_a"_s);
        QCOMPARE(sorted.checks.at(0).expression, u"z < 9"_s);
        QCOMPARE(sorted.checks.at(1).expression, u"z <> 5"_s);
        QCOMPARE(sorted.checks.at(2).name, u"ck_a"_s);
        QCOMPARE(sorted.uniqueConstraints.at(0).columns, (QStringList{u"a"_s, u"z"_s}));
        QCOMPARE(sorted.uniqueConstraints.at(2).name, u"uq"_s);
        QCOMPARE(sorted.indexes.at(0).name, u"ix_a"_s);
    }

    void textForm()
    {
        Schema schema = fullSchema();
        schema.tables.removeFirst();
        schema.tables.first().name = u"t"_s;
        const QString expected = uR"(Table public.t
    Column | Type    | Nullable | Default
    a      | bigint  | not null | generated always as identity
    b      | text    |          | 'it''s'::text
    c      | integer |          | generated always as (a * 2) stored
Primary key: pk_t (a, b)
Unique constraints:
    (unnamed) UNIQUE (b, c)
Indexes:
    ix_expr UNIQUE (lower(b), a DESC) WHERE a > 5
    ix_plain USING gin (c)
Foreign keys:
    fk_t_parent (c) REFERENCES public.parent (id) ON DELETE CASCADE ON UPDATE SET NULL
    (unnamed) (c) REFERENCES public.parent (id) ON UPDATE SET NULL
Check constraints:
    ck_a CHECK (a > 0)
    (unnamed) CHECK (length(b) < 10)

View public.v
    SELECT 1 AS one

Materialized view other.mv
    SELECT 2 AS two

Sequences:
    other.big: bigint, start -9223372036854775808, increment -3, min -9223372036854775808, max 9223372036854775807, cycle, owned by public.t.a

Enums:
    public.mood: 'sad', 'ok', 'it''s happy'
)"_s;
        QCOMPARE(SchemaText::toText(schema), expected);
    }

    void describeColumn_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("nullable");
        QTest::addColumn<QString>("defaultValue");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"TEXT"_s << true << QString() << u"TEXT"_s;
        QTest::newRow("not null") << u"INTEGER"_s << false << QString() << u"INTEGER not null"_s;
        QTest::newRow("default") << u"TIMESTAMP"_s << true << u"CURRENT_TIMESTAMP"_s
                                 << u"TIMESTAMP default CURRENT_TIMESTAMP"_s;
        QTest::newRow("no declared type") << QString() << true << QString() << u"(no type)"_s;
    }

    void describeColumn()
    {
        QFETCH(QString, type);
        QFETCH(bool, nullable);
        QFETCH(QString, defaultValue);
        QFETCH(QString, expected);
        QCOMPARE(SchemaText::describe(column(u"c"_s, type, nullable, defaultValue, 1)), expected);
    }
};

QTEST_GUILESS_MAIN(TestSchemaModel)
#include "tst_schema_model.moc"
