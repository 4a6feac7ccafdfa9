#pragma once

#include "cli/CommandLine.h"

// Starts the desktop application for an invocation without a verb.
int runGui(int &argc, char **argv, const retort::cli::Invocation &invocation);
