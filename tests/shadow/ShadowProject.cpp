#include "ShadowProject.h"

#include <QDir>
#include <QFile>

QString ShadowProject::path(const QString &id) const
{
    return versions() + u'/' + id + QStringLiteral("_step.sql");
}

bool ShadowProject::add(const QString &id, const QString &parents, const QString &sql, const QString &dependsOn) const
{
    QDir().mkpath(versions());
    QFile file(path(id));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QString text = QStringLiteral("-- Revision ID: %1\n-- Revises: %2\n").arg(id, parents);
    if (!dependsOn.isEmpty())
        text += QStringLiteral("-- Depends on: %1\n").arg(dependsOn);
    text += QStringLiteral("-- Message: step %1\n\n-- +upgrade\n%2\n\n-- +downgrade\nSELECT 1;\n").arg(id, sql);
    return file.write(text.toUtf8()) > 0;
}

bool ShadowProject::addPython(const QString &id, const QString &parent) const
{
    QDir().mkpath(versions());
    QFile file(versions() + u'/' + id + QStringLiteral("_py.py"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString down = parent.isEmpty() ? QStringLiteral("None") : u'\'' + parent + u'\'';
    const QString text = QStringLiteral("\"\"\"python step %1\n\nRevision ID: %1\nRevises: %2\n\"\"\"\n"
                                        "from alembic import op\n\nrevision = '%1'\ndown_revision = %3\n"
                                        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
                                        "    op.execute('CREATE TABLE py_%1 (id INTEGER)')\n\n\n"
                                        "def downgrade():\n    pass\n")
                             .arg(id, parent, down);
    return file.write(text.toUtf8()) > 0;
}
