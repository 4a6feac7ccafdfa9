#include "OfflineSqlLoader.h"

#include "command/OfflineCommand.h"

#include <QCoreApplication>

namespace retort::ui {

OfflineSqlLoader::OfflineSqlLoader(QObject *parent)
    : QObject(parent)
{
}

OfflineSqlLoader::~OfflineSqlLoader() = default;

void OfflineSqlLoader::setProject(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                                  const QString &workingDirectory)
{
    ++m_generation;
    m_project = std::move(project);
    m_url = url;
    m_workingDirectory = workingDirectory;
    m_answers.clear();
    m_running.clear();
}

QStringList OfflineSqlLoader::upgradeAndDowngradeTargets(const RevisionMap &map, RevIndex revision)
{
    const QString id = map.id(revision);
    const RevIndexes &parents = map.downRevisions(revision);
    if (parents.empty())
        return {id, id + QStringLiteral(":base")};
    // A merge point renders from its first parent: the other parents' own steps come along.
    const QString parent = map.id(parents.front());
    return {parent + u':' + id, id + u':' + parent};
}

void OfflineSqlLoader::load(const QString &revision)
{
    if (const auto known = m_answers.constFind(revision); known != m_answers.cend()) {
        if (known->error.isEmpty())
            emit rendered(revision, known->sql);
        else
            emit failed(revision, known->error);
        return;
    }
    if (!m_project || m_running.value(revision))
        return;
    const RevIndex index = m_project->map().indexOf(revision);
    if (index < 0)
        return;
    m_running.insert(revision, true);
    const QStringList targets = upgradeAndDowngradeTargets(m_project->map(), index);
    const quint64 generation = m_generation;
    auto answer = std::make_shared<Answer>();
    // The thread reads only what it was given and writes only its own answer.
    const auto work = [project = m_project, url = m_url, directory = m_workingDirectory, targets, answer] {
        const auto environment = QProcessEnvironment::systemEnvironment();
        // Each direction on its own: Alembic may render one and refuse the other (batch
        // operations on SQLite need a live database), and what did render is still worth showing.
        QStringList parts;
        QStringList errors;
        const QList<MigrationRequest> requests = {MigrationRequest::upgrade(targets.at(0)),
                                                  MigrationRequest::downgrade(targets.at(1))};
        for (const MigrationRequest &request : requests) {
            QString part = QStringLiteral("-- %1 %2 --sql\n").arg(request.verb(), request.targets.join(u' '));
            const auto result = offlineSqlCommand(*project, url, environment, directory, request);
            if (const auto *error = result.failure()) {
                errors.append(error->toString());
                part += QCoreApplication::translate("OfflineSqlLoader", "-- Alembic could not render this offline:")
                    + u'\n';
                for (const QString &line : error->toString().split(u'\n'))
                    part += QStringLiteral("-- ") + line + u'\n';
            } else {
                part += result.value();
            }
            parts.append(part);
        }
        if (errors.size() == requests.size())
            answer->error = errors.join(u'\n');
        answer->sql = parts.join(u'\n');
    };
    m_jobs.start(QStringLiteral("retort-offline-sql"), work, [this, answer, generation, revision] {
        if (generation != m_generation)
            return; // another project or database meanwhile
        m_running.remove(revision);
        m_answers.insert(revision, *answer);
        if (answer->error.isEmpty())
            emit rendered(revision, answer->sql);
        else
            emit failed(revision, answer->error);
    });
}

} // namespace retort::ui
