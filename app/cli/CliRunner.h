#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace retort::cli {

// Runs one verb: asks the core command layer, then prints text or JSON.
// Exit codes: 0 success, 1 a graph/resolution/database error, 2 a usage error.
class CliRunner
{
public:
    CliRunner(const Invocation &invocation, QTextStream &out, QTextStream &err);
    int run();

private:
    const Invocation &m_invocation;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace retort::cli
