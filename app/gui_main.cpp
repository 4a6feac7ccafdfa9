// retort-gui: the desktop application, which `retort` without a verb execs (GuiExec.h). It takes
// the same command line, so it also runs when started by itself.
#include "GuiLauncher.h"
#include "cli/CommandLine.h"

#include <QStringList>

#include <cstdio>

using namespace retort::cli;

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const Invocation invocation = parseCommandLine(arguments);
    if (invocation.mode != Invocation::Mode::Gui) {
        std::fputs("retort-gui: give the command line's verbs and options to retort\n", stderr);
        return 2;
    }
    return runGui(argc, argv, invocation);
}
