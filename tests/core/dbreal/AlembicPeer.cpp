#include "AlembicPeer.h"

#include <QJsonDocument>
#include <QProcess>

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
        const QString kind = op.kind == retort::VersionOp::Kind::Insert   ? u"insert"_s
                             : op.kind == retort::VersionOp::Kind::Update ? u"update"_s
                                                                          : u"delete"_s;
        list.append(QJsonArray{kind, op.from.isEmpty() ? QJsonValue() : QJsonValue(op.from),
                               op.to.isEmpty() ? QJsonValue() : QJsonValue(op.to)});
    }
    return {{u"do"_s, u"apply"_s}, {u"ops"_s, list}};
}

QJsonObject AlembicPeer::quote(const QString &dialect, const QStringList &names)
{
    return {{u"do"_s, u"quote"_s}, {u"dialect"_s, dialect},
            {u"names"_s, QJsonArray::fromStringList(names)}};
}

AlembicPeer::Reply AlembicPeer::run(const QJsonArray &actions) const
{
    Reply reply;
    const QJsonObject request{{u"url"_s, m_url},
                              {u"table"_s, m_table},
                              {u"schema"_s, m_schema.isEmpty() ? QJsonValue() : QJsonValue(m_schema)},
                              {u"pk"_s, m_primaryKey},
                              {u"actions"_s, actions}};
    QProcess python;
    python.start(u"/usr/bin/python3"_s,
                 {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/core/dbreal/alembic_peer.py"_s});
    if (!python.waitForStarted(10000)) {
        reply.failure = u"cannot start /usr/bin/python3: "_s + python.errorString();
        return reply;
    }
    python.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        reply.failure = u"alembic_peer.py failed: "_s + QString::fromUtf8(python.readAllStandardError());
        return reply;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(python.readAllStandardOutput(), &parseError);
    if (!doc.isObject()) {
        reply.failure = u"alembic_peer.py printed no JSON: "_s + parseError.errorString();
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
