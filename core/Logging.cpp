#include "Logging.h"

Q_LOGGING_CATEGORY(lcScript, "retort.script", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGraph, "retort.graph", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDb, "retort.db", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRun, "retort.run", QtWarningMsg)
Q_LOGGING_CATEGORY(lcBackup, "retort.backup", QtWarningMsg)
Q_LOGGING_CATEGORY(lcShadow, "retort.shadow", QtWarningMsg)
