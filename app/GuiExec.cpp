#include "GuiExec.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <unistd.h>

int execGui(char **argv)
{
    std::error_code error;
    // Through /proc, not argv[0]: a retort found on PATH or through a symbolic link.
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path directory = error ? std::filesystem::path(argv[0]).parent_path() : self.parent_path();
    for (const std::filesystem::path &candidate :
         {directory / "retort-gui", (directory / RETORT_GUI_FROM_BIN).lexically_normal()}) {
        if (::access(candidate.c_str(), X_OK) != 0)
            continue;
        ::execv(candidate.c_str(), argv);
        // Only returns when the exec failed.
        std::fprintf(stderr, "retort: cannot start the desktop application %s: %s\n", candidate.c_str(),
                     std::strerror(errno));
        return 1;
    }
    std::fprintf(stderr,
                 "retort: the desktop application is missing (no retort-gui beside %s or at %s); reinstall "
                 "retort, or give a verb to use the command line (see retort --help)\n",
                 directory.c_str(), (directory / RETORT_GUI_FROM_BIN).lexically_normal().c_str());
    return 2;
}
