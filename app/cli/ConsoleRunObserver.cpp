#include "ConsoleRunObserver.h"

#include "run/StepDescription.h"

namespace retort::cli {

void ConsoleRunObserver::stepStarted(int index, int count, const PlanStep &step)
{
    m_err << "Running " << describeStep(step);
    const QString message = step.stamp ? QString() : m_messageOf(step.revision);
    if (!message.isEmpty())
        m_err << ", " << message;
    m_err << "  [" << (index + 1) << '/' << count << "]\n";
    m_err.flush();
}

void ConsoleRunObserver::log(const QString &line)
{
    m_err << line << '\n';
    m_err.flush();
}

} // namespace retort::cli
