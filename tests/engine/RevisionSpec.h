#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One revision of a generated test project, written both as a native SQL file and as an
// Alembic Python file with the same statements.
struct RevisionSpec
{
    QString id;
    QStringList downRevisions;
    QStringList branchLabels;
    QStringList dependsOn;
    QStringList upgradeStatements; // without the trailing ';'
    QStringList downgradeStatements;
    bool transactional = true;
};

using RevisionSpecs = QList<RevisionSpec>;
