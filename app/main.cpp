// retort: a verb on the command line runs one command with a QCoreApplication (no display
// needed); no verb opens the desktop application, which is retort-gui (GuiExec.h).
#include "cli/CliRunner.h"
#include "cli/CommandLine.h"
#include "cli/ManPage.h"
#ifdef RETORT_WITH_GUI
#include "GuiExec.h"
#endif

#include "RetortVersion.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace retort::cli;

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments == QStringList{QStringLiteral("--help-man")}) { // for the build: writes retort.1
        QTextStream(stdout) << manPageText();
        return 0;
    }
    const Invocation invocation = parseCommandLine(arguments);
    if (invocation.has(QStringLiteral("debug")))
        QLoggingCategory::setFilterRules(QStringLiteral("retort.*.debug=true"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    switch (invocation.mode) {
    case Invocation::Mode::Version:
        out << "retort " << RETORT_VERSION_STRING << '\n';
        return 0;
    case Invocation::Mode::Help:
        if (const VerbSpec *verb = findVerb(invocation.verb))
            out << verbUsageText(*verb);
        else
            out << usageText();
        return 0;
    case Invocation::Mode::UsageError:
        err << "retort: " << invocation.error << "\n\n" << usageText();
        return 2;
    case Invocation::Mode::Verb: {
#ifdef __GLIBC__
        // A command reads the project's files on every core, and each thread's heap would grow
        // a page run at a time: about a thousand mprotect calls for 10,000 revisions. Growing
        // it 8 MB at a time (address space; memory only as it is touched) takes a few dozen.
        mallopt(M_TOP_PAD, 8 << 20);
#endif
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("retort"));
        QCoreApplication::setOrganizationName(QStringLiteral("Retort"));
        QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION_STRING));
        return CliRunner(invocation, out, err).run();
    }
    case Invocation::Mode::Gui:
        break;
    }
#ifdef RETORT_WITH_GUI
    return execGui(argv);
#else
    err << "retort: this build has no desktop application; give a verb\n\n" << usageText();
    return 2;
#endif
}
