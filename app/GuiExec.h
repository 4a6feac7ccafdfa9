#pragma once

// Hands this process to the desktop application, retort-gui, with the same arguments: beside
// this executable in a build tree, in libexec/retort when installed. Returns only when it cannot
// be started, having said why: the exit code to end with.
int execGui(char **argv);
