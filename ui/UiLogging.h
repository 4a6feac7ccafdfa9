#pragma once

#include <QLoggingCategory>

// retort.ui: what the window asks the worker and what comes back (requests, confirmations,
// re-plans). QT_LOGGING_RULES="retort.ui.debug=true" or `retort --debug` turns it on.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
