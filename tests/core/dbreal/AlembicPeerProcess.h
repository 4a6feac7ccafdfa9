#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QProcess;

// The one `/usr/bin/python3 alembic_peer.py --serve` of a test executable: requests and answers
// are JSON lines. Starting Python with SQLAlchemy and Alembic takes seconds on a loaded machine,
// a request a few milliseconds, so every AlembicPeer of the process shares this one. It is
// started on first use, restarted after a failure, and told to finish when the application ends.
class AlembicPeerProcess
{
public:
    static AlembicPeerProcess &instance();
    ~AlembicPeerProcess();

    // Sends one compact JSON request and returns its answer line; on failure returns an empty
    // array with *failure saying what happened (including Python's stderr).
    QByteArray request(const QByteArray &json, QString *failure);

private:
    AlembicPeerProcess() = default;
    bool ensureStarted(QString *failure);
    QString describeFailure(const QString &what);
    void stop();

    std::unique_ptr<QProcess> m_process;
};
