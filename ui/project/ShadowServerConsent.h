#pragma once

#include "db/DatabaseUrl.h"

#include <QString>

namespace retort::ui {

// The PostgreSQL servers on which the person agreed that Retort may create (and drop) its own
// retort_shadow_* scratch databases for the schema replay, kept in QSettings so the window asks
// once per server. A server is its user, host and port: never its password or database.
class ShadowServerConsent
{
public:
    static QString serverKey(const DatabaseUrl &url);
    static bool granted(const DatabaseUrl &url);
    static void grant(const DatabaseUrl &url);
};

} // namespace retort::ui
