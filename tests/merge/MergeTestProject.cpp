#include "MergeTestProject.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace mergetest {

bool copyTree(const QString &src, const QString &dst)
{
    if (!QDir().mkpath(dst))
        return false;
    QDirIterator it(src, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir from(src);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QStringLiteral("__pycache__")))
            continue;
        const QString target = QDir(dst).filePath(from.relativeFilePath(path));
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

QMap<QString, QByteArray> directoryState(const QString &dir)
{
    QMap<QString, QByteArray> state;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir root(dir);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QStringLiteral("__pycache__")))
            continue;
        QFile file(path);
        state.insert(root.relativeFilePath(path), file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return state;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray sqlRevision(const QString &id, const QString &revises, const QString &message, const QString &extraHeader)
{
    QString text = QStringLiteral("-- Revision ID: ") + id + QStringLiteral("\n-- Revises: ") + revises
        + QStringLiteral("\n-- Create Date: 2026-05-01 10:00:00.000000\n-- Message: ") + message + QLatin1Char('\n')
        + extraHeader + QStringLiteral("\n-- +upgrade\nCREATE TABLE t_") + id
        + QStringLiteral(" (id INTEGER);\n\n-- +downgrade\nDROP TABLE t_") + id + QStringLiteral(";\n");
    return text.toUtf8();
}

} // namespace mergetest
