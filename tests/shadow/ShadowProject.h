#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A native SQL project in a temporary folder for replay tests: each revision is written with
// the statements it runs, so a test states exactly the schema it expects.
struct ShadowProject
{
    QTemporaryDir dir;

    QString versions() const { return dir.filePath(QStringLiteral("versions")); }
    QString path(const QString &id) const;
    // `parents` and `dependsOn` comma-separated; `sql` the upgrade section.
    bool add(const QString &id, const QString &parents, const QString &sql, const QString &dependsOn = {}) const;
    // A Python revision (read statically, run by a PythonSteps).
    bool addPython(const QString &id, const QString &parent) const;
};
