#include "SchemaJson.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject columnToJson(const Column &c)
{
    return QJsonObject{
        {u"name"_s, c.name},
        {u"type"_s, c.type},
        {u"nullable"_s, c.nullable},
        {u"default"_s, optionalText(c.defaultValue)},
        {u"position"_s, c.position},
        {u"generated"_s, optionalText(c.generated)},
        {u"generation_expression"_s, optionalText(c.generationExpression)},
        {u"identity"_s, optionalText(c.identity)},
    };
}

QJsonObject tableToJson(const Table &t)
{
    QJsonArray columns;
    for (const Column &c : t.columns)
        columns.append(columnToJson(c));
    QJsonArray uniques;
    for (const UniqueConstraint &u : t.uniqueConstraints)
        uniques.append(QJsonObject{{u"name"_s, optionalText(u.name)}, {u"columns"_s, strings(u.columns)}});
    QJsonArray indexes;
    for (const Index &i : t.indexes)
        indexes.append(QJsonObject{
            {u"name"_s, i.name},
            {u"columns"_s, strings(i.columns)},
            {u"unique"_s, i.unique},
            {u"where"_s, optionalText(i.where)},
            {u"using"_s, optionalText(i.method)},
        });
    QJsonArray foreignKeys;
    for (const ForeignKey &f : t.foreignKeys)
        foreignKeys.append(QJsonObject{
            {u"name"_s, optionalText(f.name)},
            {u"columns"_s, strings(f.columns)},
            {u"ref_schema"_s, optionalText(f.refSchema)},
            {u"ref_table"_s, f.refTable},
            {u"ref_columns"_s, strings(f.refColumns)},
            {u"on_delete"_s, f.onDelete},
            {u"on_update"_s, f.onUpdate},
        });
    QJsonArray checks;
    for (const CheckConstraint &c : t.checks)
        checks.append(QJsonObject{{u"name"_s, optionalText(c.name)}, {u"expression"_s, c.expression}});
    return QJsonObject{
        {u"schema"_s, optionalText(t.schema)},
        {u"name"_s, t.name},
        {u"columns"_s, columns},
        {u"primary_key"_s, strings(t.primaryKey.columns)},
        {u"primary_key_name"_s, optionalText(t.primaryKey.name)},
        {u"unique_constraints"_s, uniques},
        {u"indexes"_s, indexes},
        {u"foreign_keys"_s, foreignKeys},
        {u"checks"_s, checks},
    };
}

// Reads fields, remembering the first one that is missing or of the wrong type.
class FieldReader
{
public:
    QString text(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString())
            fail(where, key, u"a string"_s);
        return value.toString();
    }
    QString optionalText(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString() && !value.isNull())
            fail(where, key, u"a string or null"_s);
        return value.toString();
    }
    bool boolean(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isBool())
            fail(where, key, u"true or false"_s);
        return value.toBool();
    }
    qint64 integer(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isDouble())
            fail(where, key, u"a number"_s);
        return value.toInteger();
    }
    QStringList strings(const QJsonObject &object, const QString &key, const QString &where)
    {
        QStringList list;
        const QJsonValue value = object.value(key);
        if (!value.isArray()) {
            fail(where, key, u"a list of strings"_s);
            return list;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                fail(where, key, u"a list of strings"_s);
            list.append(item.toString());
        }
        return list;
    }
    // Calls read(object, where) for each object of the list at `key`.
    template <typename Read>
    void objects(const QJsonObject &object, const QString &key, const QString &where, Read read)
    {
        const QJsonValue value = object.value(key);
        if (!value.isArray()) {
            fail(where, key, u"a list"_s);
            return;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemWhere = (where.isEmpty() ? key : where + u'.' + key) + u"[%1]"_s.arg(i);
            if (!array.at(i).isObject())
                fail(itemWhere, QString(), u"an object"_s);
            else
                read(array.at(i).toObject(), itemWhere);
        }
    }
    void fail(const QString &where, const QString &key, const QString &expected)
    {
        if (!m_error.isEmpty())
            return;
        const QString field = key.isEmpty() ? where : where.isEmpty() ? key : where + u'.' + key;
        m_error = field + u" should be "_s + expected;
    }
    const QString &error() const { return m_error; }

private:
    QString m_error;
};

Column columnFromJson(FieldReader &r, const QJsonObject &o, const QString &where)
{
    Column c;
    c.name = r.text(o, u"name"_s, where);
    c.type = r.text(o, u"type"_s, where);
    c.nullable = r.boolean(o, u"nullable"_s, where);
    c.defaultValue = r.optionalText(o, u"default"_s, where);
    c.position = int(r.integer(o, u"position"_s, where));
    c.generated = r.optionalText(o, u"generated"_s, where);
    c.generationExpression = r.optionalText(o, u"generation_expression"_s, where);
    c.identity = r.optionalText(o, u"identity"_s, where);
    return c;
}

Table tableFromJson(FieldReader &r, const QJsonObject &o, const QString &where)
{
    Table t;
    t.schema = r.optionalText(o, u"schema"_s, where);
    t.name = r.text(o, u"name"_s, where);
    r.objects(o, u"columns"_s, where,
              [&](const QJsonObject &item, const QString &at) { t.columns.append(columnFromJson(r, item, at)); });
    t.primaryKey.columns = r.strings(o, u"primary_key"_s, where);
    t.primaryKey.name = r.optionalText(o, u"primary_key_name"_s, where);
    r.objects(o, u"unique_constraints"_s, where, [&](const QJsonObject &item, const QString &at) {
        t.uniqueConstraints.append({r.optionalText(item, u"name"_s, at), r.strings(item, u"columns"_s, at)});
    });
    r.objects(o, u"indexes"_s, where, [&](const QJsonObject &item, const QString &at) {
        Index i;
        i.name = r.text(item, u"name"_s, at);
        i.columns = r.strings(item, u"columns"_s, at);
        i.unique = r.boolean(item, u"unique"_s, at);
        i.where = r.optionalText(item, u"where"_s, at);
        i.method = r.optionalText(item, u"using"_s, at);
        t.indexes.append(i);
    });
    r.objects(o, u"foreign_keys"_s, where, [&](const QJsonObject &item, const QString &at) {
        ForeignKey f;
        f.name = r.optionalText(item, u"name"_s, at);
        f.columns = r.strings(item, u"columns"_s, at);
        f.refSchema = r.optionalText(item, u"ref_schema"_s, at);
        f.refTable = r.text(item, u"ref_table"_s, at);
        f.refColumns = r.strings(item, u"ref_columns"_s, at);
        f.onDelete = r.text(item, u"on_delete"_s, at);
        f.onUpdate = r.text(item, u"on_update"_s, at);
        t.foreignKeys.append(f);
    });
    r.objects(o, u"checks"_s, where, [&](const QJsonObject &item, const QString &at) {
        t.checks.append({r.optionalText(item, u"name"_s, at), r.text(item, u"expression"_s, at)});
    });
    return t;
}

} // namespace

QJsonObject SchemaJson::toJson(const Table &table)
{
    return tableToJson(table);
}

QJsonObject SchemaJson::toJson(const Schema &schema)
{
    QJsonArray tables;
    for (const Table &t : schema.tables)
        tables.append(toJson(t));
    QJsonArray views;
    for (const View &v : schema.views)
        views.append(QJsonObject{
            {u"schema"_s, optionalText(v.schema)},
            {u"name"_s, v.name},
            {u"definition"_s, v.definition},
            {u"materialized"_s, v.materialized},
        });
    QJsonArray sequences;
    for (const Sequence &s : schema.sequences)
        sequences.append(QJsonObject{
            {u"schema"_s, optionalText(s.schema)},
            {u"name"_s, s.name},
            {u"type"_s, s.dataType},
            {u"start"_s, s.start},
            {u"increment"_s, s.increment},
            {u"min"_s, s.minValue},
            {u"max"_s, s.maxValue},
            {u"cycle"_s, s.cycle},
            {u"owned_by"_s, optionalText(s.ownedBy)},
        });
    QJsonArray enums;
    for (const EnumType &e : schema.enums)
        enums.append(QJsonObject{
            {u"schema"_s, optionalText(e.schema)},
            {u"name"_s, e.name},
            {u"labels"_s, strings(e.labels)},
        });
    return QJsonObject{
        {u"dialect"_s, schema.dialect}, {u"tables"_s, tables}, {u"views"_s, views},
        {u"sequences"_s, sequences},    {u"enums"_s, enums},
    };
}

Fallible<Schema> SchemaJson::fromJson(const QJsonObject &object)
{
    FieldReader r;
    Schema schema;
    const QString top;
    schema.dialect = r.text(object, u"dialect"_s, top);
    r.objects(object, u"tables"_s, top,
              [&](const QJsonObject &item, const QString &at) { schema.tables.append(tableFromJson(r, item, at)); });
    r.objects(object, u"views"_s, top, [&](const QJsonObject &item, const QString &at) {
        View v;
        v.schema = r.optionalText(item, u"schema"_s, at);
        v.name = r.text(item, u"name"_s, at);
        v.definition = r.text(item, u"definition"_s, at);
        v.materialized = r.boolean(item, u"materialized"_s, at);
        schema.views.append(v);
    });
    r.objects(object, u"sequences"_s, top, [&](const QJsonObject &item, const QString &at) {
        Sequence s;
        s.schema = r.optionalText(item, u"schema"_s, at);
        s.name = r.text(item, u"name"_s, at);
        s.dataType = r.text(item, u"type"_s, at);
        s.start = r.integer(item, u"start"_s, at);
        s.increment = r.integer(item, u"increment"_s, at);
        s.minValue = r.integer(item, u"min"_s, at);
        s.maxValue = r.integer(item, u"max"_s, at);
        s.cycle = r.boolean(item, u"cycle"_s, at);
        s.ownedBy = r.optionalText(item, u"owned_by"_s, at);
        schema.sequences.append(s);
    });
    r.objects(object, u"enums"_s, top, [&](const QJsonObject &item, const QString &at) {
        schema.enums.append(
            {r.optionalText(item, u"schema"_s, at), r.text(item, u"name"_s, at), r.strings(item, u"labels"_s, at)});
    });
    if (!r.error().isEmpty())
        return Failure{r.error()};
    return schema;
}

} // namespace retort
