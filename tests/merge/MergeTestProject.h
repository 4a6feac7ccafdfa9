#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

// Copies of fixture projects in temporary directories, and a way to tell whether a merge that
// was refused left a project exactly as it was.
namespace mergetest {

// Copies src into dst recursively (dst is created); false when something could not be copied.
bool copyTree(const QString &src, const QString &dst);
// Every file below dir (relative path -> content), caches left out.
QMap<QString, QByteArray> directoryState(const QString &dir);
bool writeFile(const QString &path, const QByteArray &content);

// A native SQL revision file's text.
QByteArray sqlRevision(const QString &id, const QString &revises, const QString &message,
                       const QString &extraHeader = {});

} // namespace mergetest
