#include "CliRunner.h"

namespace retort::cli {

CliRunner::CliRunner(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

int CliRunner::run()
{
    m_err << "retort: '" << m_invocation.verb << "' is not available in this build yet\n";
    return 1;
}

} // namespace retort::cli
