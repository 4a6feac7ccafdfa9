#include "SchemaJsonWriter.h"

#include "schema/SchemaJson.h"

#include <QJsonDocument>

#include <vector>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The members of `object` without their braces, in QJsonObject's (sorted) order.
QByteArray members(const QJsonObject &object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return text.sliced(1, text.size() - 2);
}

} // namespace

const QByteArray &SchemaJsonWriter::tableJson(const Table &table)
{
    const QString name = table.qualifiedName();
    auto it = m_tables.find(name);
    // Tables read from an unchanged catalog share their lists with the last one written, so
    // this comparison is mostly pointer checks.
    if (it != m_tables.end() && it->table == table)
        return it->json;
    QByteArray json = QJsonDocument(SchemaJson::toJson(table)).toJson(QJsonDocument::Compact);
    if (it == m_tables.end())
        it = m_tables.insert(name, Written{table, std::move(json)});
    else
        *it = Written{table, std::move(json)};
    return it->json;
}

QByteArray SchemaJsonWriter::write(const Schema &schema)
{
    // Everything but the tables is small: written by QJsonDocument, tables spliced in. The keys
    // are in QJsonObject's sorted order (dialect, enums, sequences, tables, views).
    Schema rest = schema;
    rest.tables.clear();
    const QJsonObject others = SchemaJson::toJson(rest);
    const QByteArray head = members(QJsonObject{{u"dialect"_s, others.value(u"dialect"_s)},
                                                {u"enums"_s, others.value(u"enums"_s)},
                                                {u"sequences"_s, others.value(u"sequences"_s)}});
    const QByteArray tail = members(QJsonObject{{u"views"_s, others.value(u"views"_s)}});
    // Shared copies, not references: a table written anew may move the others in m_tables.
    std::vector<QByteArray> tables;
    tables.reserve(size_t(schema.tables.size()));
    qsizetype size = head.size() + tail.size() + 16;
    for (const Table &table : schema.tables) {
        tables.push_back(tableJson(table));
        size += tables.back().size() + 1;
    }
    // Sized once: the text is the whole schema, rewritten after every step of a replay.
    QByteArray text;
    text.reserve(size);
    text += '{';
    text += head;
    text += ",\"tables\":[";
    for (size_t i = 0; i < tables.size(); ++i) {
        if (i > 0)
            text += ',';
        text += tables[i];
    }
    text += "],";
    text += tail;
    text += '}';
    return text;
}

} // namespace retort
