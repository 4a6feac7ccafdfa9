#pragma once

#include "graph/Plan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Debian's Alembic (through /usr/bin/python3 and alembic_peer.py) acting on a database, so the
// tests can compare what Retort does with what Alembic does.
class AlembicPeer
{
public:
    struct Reply
    {
        bool ran = false; // python ran and answered; otherwise `failure` says why
        QString failure;
        QJsonArray results; // one entry per action
        QString errorType; // the Python exception raised by an action, if any
        QString errorMessage; // its first line
    };

    // sqlalchemyUrl must not hold a password: it is passed on stdin but may end up in messages.
    AlembicPeer(QString sqlalchemyUrl, QString table = QStringLiteral("alembic_version"), QString schema = {},
                bool primaryKey = true);

    static QJsonObject create();
    static QJsonObject heads();
    static QJsonObject apply(const QList<retort::VersionOp> &ops);
    static QJsonObject quote(const QString &dialect, const QStringList &names);

    Reply run(const QJsonArray &actions) const;
    // Shortcuts that turn the reply into a plain value; `failure` is set when anything failed.
    QStringList readHeads(QString *failure) const;

private:
    QString m_url;
    QString m_table;
    QString m_schema;
    bool m_primaryKey;
};
