#include "BackupVerbs.h"

#include "command/BackupCommands.h"
#include "command/DatabaseSession.h"
#include "command/ProjectSnapshot.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cstdio>
#include <unistd.h>

namespace retort::cli {

namespace {

QString headsText(const QStringList &heads)
{
    return heads.isEmpty() ? QStringLiteral("<base>") : heads.join(QStringLiteral(", "));
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QJsonObject infoJson(const BackupInfo &info)
{
    QJsonObject object = info.toJson();
    object.insert(QStringLiteral("path"), info.path);
    return object;
}

} // namespace

BackupVerbs::BackupVerbs(const Invocation &invocation, QTextStream &out, QTextStream &err)
    : m_invocation(invocation)
    , m_out(out)
    , m_err(err)
{
}

bool BackupVerbs::handles(const QString &verb)
{
    return verb == u"backup" || verb == u"backups" || verb == u"restore";
}

int BackupVerbs::fail(const RunError &error)
{
    if (json())
        printJson({{QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("kind"), error.kindName()},
                                {QStringLiteral("message"), error.message},
                                {QStringLiteral("database"), error.target}}}});
    else
        m_err << "FAILED: " << error.toString() << '\n';
    return 1;
}

int BackupVerbs::printJson(const QJsonObject &object)
{
    m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return 0;
}

int BackupVerbs::run(std::shared_ptr<const ProjectSnapshot> project)
{
    if (m_invocation.verb == u"backups")
        return backups(*project);
    // restore's confirmation is settled before anything is opened or checked.
    if (m_invocation.verb == u"restore" && !m_invocation.has(QStringLiteral("yes")) && !isatty(STDIN_FILENO)) {
        m_err << "retort: restore replaces the database's contents; pass --yes to confirm when stdin is "
                 "not a terminal\n";
        return 2;
    }
    auto opened = DatabaseSession::open(std::move(project), m_invocation.value(QStringLiteral("url")),
                                        QProcessEnvironment::systemEnvironment(), QDir::currentPath());
    if (auto *error = opened.failure())
        return fail(*error);
    DatabaseSession &session = *opened.value();
    if (m_invocation.verb == u"backup")
        return backup(session);
    return restore(session);
}

int BackupVerbs::backup(DatabaseSession &session)
{
    const auto taken = backupCommand(session, m_invocation.value(QStringLiteral("to")));
    if (auto *error = taken.failure())
        return fail(*error);
    const BackupOutcome &outcome = taken.value();
    if (json()) {
        QJsonObject object = infoJson(outcome.info);
        object.insert(QStringLiteral("removed"), QJsonArray::fromStringList(outcome.pruned));
        object.insert(QStringLiteral("timings_ms"),
                      QJsonObject{{QStringLiteral("copy"), outcome.copyMs},
                                  {QStringLiteral("verify"), outcome.verifyMs},
                                  {QStringLiteral("checksum"), outcome.checksumMs}});
        return printJson(object);
    }
    m_out << outcome.info.path << '\n';
    m_err << "Backed up " << outcome.info.url << " at " << headsText(outcome.info.heads) << " ("
          << sizeText(outcome.info.size) << ", sha256 " << outcome.info.sha256.left(12) << ")\n";
    for (const QString &removed : outcome.pruned)
        m_err << "Removed old backup " << removed << '\n';
    return 0;
}

int BackupVerbs::backups(const ProjectSnapshot &project)
{
    const BackupPolicy policy = BackupPolicy::fromConfig(project.config());
    const QList<BackupInfo> list = listBackupsCommand(policy);
    if (json()) {
        QJsonArray array;
        for (const BackupInfo &info : list)
            array.append(infoJson(info));
        return printJson({{QStringLiteral("directory"), policy.directory}, {QStringLiteral("backups"), array}});
    }
    if (list.isEmpty()) {
        m_err << "No backups in " << policy.directory << '\n';
        return 0;
    }
    for (const BackupInfo &info : list) {
        m_out << info.path.section(u'/', -1) << "  " << info.createdAt.toLocalTime().toString(Qt::ISODate) << "  "
              << sizeText(info.size).rightJustified(9) << "  " << info.dialect << ' ' << info.database
              << "  heads: " << headsText(info.heads) << '\n';
    }
    return 0;
}

bool BackupVerbs::confirm(const QString &question)
{
    m_err << question << " [y/N] ";
    m_err.flush();
    char buffer[64] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return false;
    const QString answer = QString::fromLocal8Bit(buffer).trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

int BackupVerbs::restore(DatabaseSession &session)
{
    const QString file = m_invocation.positionals.constFirst();
    if (!m_invocation.has(QStringLiteral("yes"))) {
        // Check first, so a refused file never gets as far as the question.
        const auto inspected = inspectBackupCommand(session, file);
        if (auto *error = inspected.failure())
            return fail(*error);
        const BackupInfo &info = inspected.value();
        const QString question =
            QStringLiteral("Restore %1 (%2 at %3, taken %4) over %5?")
                .arg(info.path, info.url, headsText(info.heads), info.createdAt.toLocalTime().toString(Qt::ISODate),
                     session.target().displayUrl());
        if (!confirm(question)) {
            m_err << "Not restored.\n";
            return 1;
        }
    }
    const auto restored = restoreCommand(session, file);
    if (auto *error = restored.failure())
        return fail(*error);
    const RestoreOutcome &outcome = restored.value();
    if (json())
        return printJson({{QStringLiteral("restored"), infoJson(outcome.info)},
                          {QStringLiteral("heads"), QJsonArray::fromStringList(outcome.headsAfter)}});
    m_err << "Restored " << outcome.info.path << " over " << session.target().displayUrl() << '\n';
    m_out << "Current revision(s): " << headsText(outcome.headsAfter) << '\n';
    return 0;
}

} // namespace retort::cli
