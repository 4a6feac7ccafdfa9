#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "retort.ui", QtWarningMsg)
