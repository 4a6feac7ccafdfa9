#pragma once

// Small native-SQL projects written into a temporary directory for the widget tests.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

struct TestRevision
{
    QString id;
    QString parent;
    QString upgrade; // statements of the upgrade section
    QString downgrade = {}; // statements of the downgrade section
};

// Writes versions/<id>.sql for each revision; returns the line (1-based) where each upgrade
// section's first statement starts, by id.
inline QHash<QString, int> writeProject(const QString &root, const QList<TestRevision> &revisions)
{
    QHash<QString, int> firstLines;
    QDir(root).mkpath(QStringLiteral("versions"));
    for (const TestRevision &revision : revisions) {
        const QStringList header = {QStringLiteral("-- Revision ID: ") + revision.id,
                                    QStringLiteral("-- Revises: ") + revision.parent,
                                    QStringLiteral("-- Create Date: 2026-01-01 10:00:00"),
                                    QStringLiteral("-- Message: revision ") + revision.id,
                                    QString(),
                                    QStringLiteral("-- +upgrade")};
        firstLines.insert(revision.id, int(header.size()) + 1);
        QFile file(QDir(root).filePath(QStringLiteral("versions/") + revision.id + QStringLiteral("_test.sql")));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write((header.join(QLatin1Char('\n')) + QLatin1Char('\n') + revision.upgrade
                    + QStringLiteral("\n\n-- +downgrade\n") + revision.downgrade)
                       .toUtf8());
    }
    return firstLines;
}

inline QString sqliteUrl(const QTemporaryDir &dir, const QString &name = QStringLiteral("test.db"))
{
    return QStringLiteral("sqlite:///") + dir.filePath(name);
}

inline QString demoDirectory()
{
    return QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");
}
