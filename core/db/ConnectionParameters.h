#pragma once

#include "DatabaseUrl.h"

#include <QString>
#include <QStringList>

namespace retort {

// What QSqlDatabase needs to reach the database a URL names, for Qt's QSQLITE / QPSQL drivers.
// Plain data: nothing is opened. Apply with addDatabase(driver), setDatabaseName(databaseName),
// setHostName, setPort (when port != -1), setUserName, setPassword, setConnectOptions.
struct ConnectionParameters
{
    QString driver; // "QSQLITE" or "QPSQL"
    QString databaseName; // SQLite: absolute file path, ":memory:", or a file: URI
    QString hostName; // PostgreSQL host name or address; empty = libpq's default
    int port = -1; // -1 = the driver's default
    QString userName;
    QString password; // only ever here, never in connectOptions
    QString connectOptions; // "KEY=value;KEY=value" as the Qt driver expects it
    // Query parameters that have no Qt / libpq equivalent (or cannot be passed safely), so the
    // caller can warn about them.
    QStringList ignoredOptions;

    // SQLite paths are made absolute against currentDirectory (passed in, not read).
    static ConnectionParameters fromUrl(const DatabaseUrl &url, const QString &currentDirectory);
};

} // namespace retort
