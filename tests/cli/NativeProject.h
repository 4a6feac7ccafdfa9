#pragma once

#include "CliProcess.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QTemporaryDir>

// A native SQL project in a temporary directory with its own SQLite file, for CLI tests: each
// revision creates one table t_<id>, and retort() runs the real executable on it.
struct NativeProject
{
    QTemporaryDir dir;

    QString versions() const;
    QString database() const;
    QString url() const;
    QString file(const QString &id) const;

    bool addRevision(const QString &id, const QString &parents) const;
    bool append(const QString &id, const QByteArray &text) const;
    QString sha256(const QString &id) const;
    // Rewrites the version table behind Retort's back, as another tool or a branch would.
    bool setRows(const QStringList &rows) const;
    // The version table's rows, sorted; the tables the database has (without SQLite's own).
    QStringList rows() const;
    QStringList tables() const;

    CliResult retort(const QStringList &arguments) const;
};

QJsonObject jsonOf(const CliResult &result);
QStringList strings(const QJsonValue &value);
QString describe(const CliResult &result);
