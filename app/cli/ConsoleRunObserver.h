#pragma once

#include "run/RunObserver.h"

#include <QTextStream>

namespace retort::cli {

// Progress of a run on stderr, in Alembic's words ("Running upgrade a -> b, message"), so
// stdout stays for results.
class ConsoleRunObserver : public RunObserver
{
public:
    ConsoleRunObserver(QTextStream &err, std::function<QString(const QString &)> messageOf)
        : m_err(err)
        , m_messageOf(std::move(messageOf))
    {
    }
    void stepStarted(int index, int count, const PlanStep &step) override;
    void log(const QString &line) override;

private:
    QTextStream &m_err;
    std::function<QString(const QString &)> m_messageOf;
};

} // namespace retort::cli
