#include "AlembicPeer.h"

#include "AlembicPeerProcess.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

AlembicPeer::AlembicPeer(QString sqlalchemyUrl, QString table, QString schema, bool primaryKey)
    : m_url(std::move(sqlalchemyUrl))
    , m_table(std::move(table))
    , m_schema(std::move(schema))
    , m_primaryKey(primaryKey)
{
}

QJsonObject AlembicPeer::create()
{
    return {{u"do"_s, u"create"_s}};
}

QJsonObject AlembicPeer::heads()
{
    return {{u"do"_s, u"heads"_s}};
}

QJsonObject AlembicPeer::apply(const QList<retort::VersionOp> &ops)
{
    QJsonArray list;
    for (const retort::VersionOp &op : ops) {
        const QString kind = op.kind == retort::VersionOp::Kind::Insert ? u"insert"_s
            : op.kind == retort::VersionOp::Kind::Update                ? u"update"_s
                                                                        : u"delete"_s;
        list.append(QJsonArray{kind, op.from.isEmpty() ? QJsonValue() : QJsonValue(op.from),
                               op.to.isEmpty() ? QJsonValue() : QJsonValue(op.to)});
    }
    return {{u"do"_s, u"apply"_s}, {u"ops"_s, list}};
}

QJsonObject AlembicPeer::quote(const QString &dialect, const QStringList &names)
{
    return {{u"do"_s, u"quote"_s}, {u"dialect"_s, dialect}, {u"names"_s, QJsonArray::fromStringList(names)}};
}

AlembicPeer::Reply AlembicPeer::run(const QJsonArray &actions) const
{
    Reply reply;
    const QJsonObject request{{u"url"_s, m_url},
                              {u"table"_s, m_table},
                              {u"schema"_s, m_schema.isEmpty() ? QJsonValue() : QJsonValue(m_schema)},
                              {u"pk"_s, m_primaryKey},
                              {u"actions"_s, actions}};
    // One Python for the whole test executable (see AlembicPeerProcess): same request, same answer.
    const QByteArray answer =
        AlembicPeerProcess::instance().request(QJsonDocument(request).toJson(QJsonDocument::Compact), &reply.failure);
    if (answer.isEmpty()) {
        if (reply.failure.isEmpty())
            reply.failure = u"alembic_peer.py gave an empty answer"_s;
        return reply;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(answer, &parseError);
    if (!doc.isObject()) {
        reply.failure = u"alembic_peer.py printed no JSON: "_s + parseError.errorString();
        return reply;
    }
    if (doc[u"failure"_s].isString()) { // the request could not be carried out at all
        reply.failure = u"alembic_peer.py failed: "_s + doc[u"failure"_s].toString();
        return reply;
    }
    reply.ran = true;
    reply.results = doc[u"results"_s].toArray();
    const QJsonObject error = doc[u"error"_s].toObject();
    reply.errorType = error[u"type"_s].toString();
    reply.errorMessage = error[u"message"_s].toString();
    return reply;
}

QStringList AlembicPeer::readHeads(QString *failure) const
{
    const Reply reply = run({heads()});
    if (!reply.ran || !reply.errorType.isEmpty()) {
        *failure = reply.ran ? reply.errorType + u": "_s + reply.errorMessage : reply.failure;
        return {};
    }
    QStringList rows;
    for (const QJsonValue &v : reply.results.at(0).toArray())
        rows.append(v.toString());
    return rows;
}
