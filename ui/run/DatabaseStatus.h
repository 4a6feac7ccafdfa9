#pragma once

#include <QString>
#include <QStringList>

namespace retort::ui {

// What the status bar says about the project and its database, as a value.
struct DatabaseStatus
{
    int revisions = 0;
    bool stateKnown = false; // the version table has been read
    QStringList heads; // its rows (when stateKnown)
    int pending = 0; // revisions not applied (when stateKnown)
    QString stateError; // why the state is not known: "connecting…", a connection error

    // "13 revision(s) · database at e2c4a6b8d085 · 7 pending", warning about several rows.
    QString text() const;
};

} // namespace retort::ui
