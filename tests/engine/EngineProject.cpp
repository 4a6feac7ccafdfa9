#include "EngineProject.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QString &text, QString *failure)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *failure = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    return true;
}

QString pythonTuple(const QStringList &items)
{
    if (items.isEmpty())
        return u"None"_s;
    QString text = u"("_s;
    for (const QString &item : items)
        text += u"'"_s + item + u"', "_s;
    return text + u")"_s;
}

QString pythonString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u"\""_s + escaped + u"\""_s;
}

} // namespace

namespace EngineProject {

QString sqlFileText(const RevisionSpec &spec)
{
    QString text = u"-- Revision ID: "_s + spec.id + u"\n-- Revises: "_s + spec.downRevisions.join(u", "_s) + u'\n';
    if (!spec.branchLabels.isEmpty())
        text += u"-- Branch labels: "_s + spec.branchLabels.join(u", "_s) + u'\n';
    if (!spec.dependsOn.isEmpty())
        text += u"-- Depends on: "_s + spec.dependsOn.join(u", "_s) + u'\n';
    text += u"-- Message: revision "_s + spec.id + u'\n';
    if (!spec.transactional)
        text += u"-- Transactional: no\n"_s;
    text += u"\n-- +upgrade\n"_s;
    for (const QString &statement : spec.upgradeStatements)
        text += statement + u";\n"_s;
    text += u"\n-- +downgrade\n"_s;
    for (const QString &statement : spec.downgradeStatements)
        text += statement + u";\n"_s;
    return text;
}

QString sqlFilePath(const QString &dir, const RevisionSpec &spec)
{
    return dir + u"/versions/"_s + spec.id + u"_rev.sql"_s;
}

bool writeSql(const QString &dir, const RevisionSpecs &specs, const QString &retortSection, QString *failure)
{
    if (!QDir().mkpath(dir + u"/versions"_s)) {
        *failure = u"cannot create "_s + dir;
        return false;
    }
    QString ini = u"[alembic]\nscript_location = %(here)s\n"_s;
    if (!retortSection.isEmpty())
        ini += u"\n[retort]\n"_s + retortSection + u'\n';
    if (!writeFile(dir + u"/alembic.ini"_s, ini, failure))
        return false;
    for (const RevisionSpec &spec : specs) {
        if (!writeFile(sqlFilePath(dir, spec), sqlFileText(spec), failure))
            return false;
    }
    return true;
}

bool writePython(const QString &dir, const RevisionSpecs &specs, const QString &versionTable,
                 const QString &versionTableSchema, QString *failure)
{
    if (!QDir().mkpath(dir + u"/versions"_s)) {
        *failure = u"cannot create "_s + dir;
        return false;
    }
    if (!writeFile(dir + u"/alembic.ini"_s, u"[alembic]\nscript_location = %(here)s\n"_s, failure))
        return false;
    QString options;
    if (!versionTable.isEmpty())
        options += u", version_table="_s + pythonString(versionTable);
    if (!versionTableSchema.isEmpty())
        options += u", version_table_schema="_s + pythonString(versionTableSchema);
    const QString env = u"import logging\n"
                        "import os\n"
                        "import sys\n"
                        "from alembic import context\n"
                        "from sqlalchemy import create_engine\n"
                        "\n"
                        "logging.basicConfig(level=logging.INFO, format='%(message)s', stream=sys.stderr)\n"
                        "engine = create_engine(os.environ['DATABASE_URL'])\n"
                        "with engine.connect() as connection:\n"
                        "    context.configure(connection=connection, target_metadata=None"_s
        + options
        + u")\n"
          "    with context.begin_transaction():\n"
          "        context.run_migrations()\n"_s;
    if (!writeFile(dir + u"/env.py"_s, env, failure))
        return false;
    for (const RevisionSpec &spec : specs) {
        QString text = u"from alembic import op\n\nrevision = '"_s + spec.id + u"'\n"_s;
        text += u"down_revision = "_s
            + (spec.downRevisions.size() == 1 ? u"'"_s + spec.downRevisions.first() + u"'"_s
                                              : pythonTuple(spec.downRevisions))
            + u'\n';
        text += u"branch_labels = "_s + pythonTuple(spec.branchLabels) + u'\n';
        text += u"depends_on = "_s + pythonTuple(spec.dependsOn) + u"\n\n\ndef upgrade():\n"_s;
        for (const QString &statement : spec.upgradeStatements)
            text += u"    op.execute("_s + pythonString(statement) + u")\n"_s;
        text += u"    pass\n\n\ndef downgrade():\n"_s;
        for (const QString &statement : spec.downgradeStatements)
            text += u"    op.execute("_s + pythonString(statement) + u")\n"_s;
        text += u"    pass\n"_s;
        if (!writeFile(dir + u"/versions/"_s + spec.id + u"_rev.py"_s, text, failure))
            return false;
    }
    return true;
}

} // namespace EngineProject
