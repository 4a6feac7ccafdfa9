#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace retort {

// The files of a new migrations project, written by `retort init`. Everything sits in one
// directory, alembic.ini included (script_location = %(here)s), so `alembic -c DIR/alembic.ini`
// and `retort -d DIR` both open it.
enum class ProjectTemplate {
    Generic, // plain Alembic: env.py builds an engine from DATABASE_URL or sqlalchemy.url
    Flask, // Flask-Migrate: env.py takes the engine and metadata from the Flask app
    Sql, // native SQL revisions only: alembic.ini with a [retort] section, versions/
};

struct TemplateFile
{
    QString path; // relative to the project directory
    QByteArray content;
};

// The files to write, in writing order; versions/ is made empty beside them.
QList<TemplateFile> projectTemplateFiles(ProjectTemplate kind);

} // namespace retort
