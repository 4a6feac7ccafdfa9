#include "AlembicPeerProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {
constexpr int kStartTimeoutMs = 30000;
constexpr int kRequestTimeoutMs = 60000;
} // namespace

AlembicPeerProcess &AlembicPeerProcess::instance()
{
    static AlembicPeerProcess process;
    static const bool stopAtExit = [] {
        // Before QCoreApplication is gone: closing stdin lets the server end by itself.
        qAddPostRoutine([] { instance().stop(); });
        return true;
    }();
    Q_UNUSED(stopAtExit);
    return process;
}

AlembicPeerProcess::~AlembicPeerProcess()
{
    stop();
}

bool AlembicPeerProcess::ensureStarted(QString *failure)
{
    if (m_process && m_process->state() == QProcess::Running)
        return true;
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->start(u"/usr/bin/python3"_s,
                     {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/core/dbreal/alembic_peer.py"_s, u"--serve"_s});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        *failure = u"cannot start /usr/bin/python3: "_s + m_process->errorString();
        m_process.reset();
        return false;
    }
    return true;
}

QString AlembicPeerProcess::describeFailure(const QString &what)
{
    QString text = u"alembic_peer.py "_s + what;
    if (m_process) {
        if (m_process->state() == QProcess::Running) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        const QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
        if (!err.isEmpty())
            text += u": "_s + err;
        m_process.reset(); // the next request starts a fresh server
    }
    return text;
}

QByteArray AlembicPeerProcess::request(const QByteArray &json, QString *failure)
{
    if (!ensureStarted(failure))
        return {};
    m_process->readAllStandardError(); // warnings of earlier requests: not this one's
    m_process->write(json + '\n');
    const QDeadlineTimer deadline(kRequestTimeoutMs);
    while (!m_process->canReadLine()) {
        if (m_process->state() != QProcess::Running) {
            *failure = describeFailure(u"ended with exit code %1"_s.arg(m_process->exitCode()));
            return {};
        }
        if (deadline.hasExpired() || !m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process->state() != QProcess::Running)
                continue; // ended while waiting: reported above
            *failure = describeFailure(u"gave no answer within %1 s"_s.arg(kRequestTimeoutMs / 1000));
            return {};
        }
    }
    return m_process->readLine().trimmed();
}

void AlembicPeerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}
