#pragma once

#include <QCoreApplication>
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

    // "13 revisions · database at e2c4a6b8d085 · 7 pending", warning about several rows.
    QString text() const;

    // Last: the macro ends in `private:`, and the fields must stay public (an aggregate).
    Q_DECLARE_TR_FUNCTIONS(retort::ui::DatabaseStatus)
};

} // namespace retort::ui
