#include "RunLock.h"

#include "Logging.h"

#include "db/Connection.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace retort {

namespace {
constexpr quint32 kKeyPrefix = 0x52455452; // "RETR": keeps clear of small keys applications use
}

qint64 RunLock::keyFor(const QString &versionTableName)
{
    const QByteArray digest = QCryptographicHash::hash(versionTableName.toUtf8(), QCryptographicHash::Sha256);
    quint32 low = 0;
    for (int i = 0; i < 4; ++i)
        low = (low << 8) | quint8(digest.at(i));
    return qint64((quint64(kKeyPrefix) << 32) | low);
}

RunLock::RunLock(Connection &connection, const QString &versionTableName)
    : m_connection(connection)
    , m_key(keyFor(versionTableName))
{
}

RunLock::~RunLock()
{
    release();
}

std::optional<RunError> RunLock::acquire(std::chrono::milliseconds wait)
{
    const QString sql = m_connection.dialect().tryLockStatement(m_key);
    if (sql.isEmpty())
        return std::nullopt; // SQLite: steps lock themselves
    qCDebug(lcRun) << "taking the run lock" << m_key << "waiting up to" << wait.count() << "ms";
    const QDeadlineTimer deadline(wait);
    for (;;) {
        QSqlQuery query(m_connection.database());
        if (!query.exec(sql) || !query.next()) {
            RunError error = RunError::fromDb(m_connection.error(
                ErrorKind::LockFailed, QStringLiteral("cannot take the migration lock"), query.lastError(), sql));
            return error;
        }
        if (query.value(0).toBool()) {
            m_held = true;
            return std::nullopt;
        }
        if (deadline.hasExpired()) {
            RunError error =
                RunError::make(ErrorKind::Busy,
                               QStringLiteral("another migration run holds the lock on this database (%1); "
                                              "wait for it to finish, or retry with --wait SECONDS")
                                   .arg(describeHolder()));
            error.target = m_connection.target();
            return error;
        }
        QThread::msleep(std::min<qint64>(200, std::max<qint64>(1, deadline.remainingTime())));
    }
}

void RunLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    QSqlQuery query(m_connection.database());
    query.exec(m_connection.dialect().unlockStatement(m_key));
}

QString RunLock::describeHolder() const
{
    const quint32 high = quint32(quint64(m_key) >> 32);
    const quint32 low = quint32(quint64(m_key) & 0xffffffffu);
    const QString sql = QStringLiteral("SELECT l.pid, a.application_name, a.usename, a.client_addr::text "
                                       "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                                       "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %1 "
                                       "AND l.objid = %2 AND l.objsubid = 1")
                            .arg(high)
                            .arg(low);
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("holder unknown");
    QString who = QStringLiteral("pid %1").arg(query.value(0).toLongLong());
    const QString application = query.value(1).toString();
    const QString user = query.value(2).toString();
    const QString address = query.value(3).toString();
    if (!application.isEmpty())
        who += QStringLiteral(", application %1").arg(application);
    if (!user.isEmpty())
        who += QStringLiteral(", user %1").arg(user);
    if (!address.isEmpty())
        who += QStringLiteral(", from %1").arg(address);
    return who;
}

} // namespace retort
