#pragma once

#include "BackgroundJobs.h"
#include "command/ProjectSnapshot.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

namespace retort::ui {

// The SQL a Python revision would run, as the project's own Alembic renders it offline
// (`upgrade parent:rev --sql` and `downgrade rev:parent --sql`). Alembic starts a Python process,
// so it runs on a thread of its own, on demand, and each answer is kept until the project or the
// database changes.
class OfflineSqlLoader : public QObject
{
    Q_OBJECT

public:
    explicit OfflineSqlLoader(QObject *parent = nullptr);
    ~OfflineSqlLoader() override; // waits for renders still running (see BackgroundJobs)

    // The project and the URL whose dialect the SQL is for (empty: the project's own URL).
    // Forgets earlier answers; renders still running will not answer.
    void setProject(std::shared_ptr<const ProjectSnapshot> project, const QString &url,
                    const QString &workingDirectory);
    // Answers through rendered() or failed(), at once when known already.
    void load(const QString &revision);

    // The upgrade and downgrade ranges Alembic renders for one revision.
    static QStringList upgradeAndDowngradeTargets(const RevisionMap &map, RevIndex revision);

signals:
    void rendered(const QString &revision, const QString &sql);
    void failed(const QString &revision, const QString &message);

private:
    struct Answer
    {
        QString sql;
        QString error;
    };

    std::shared_ptr<const ProjectSnapshot> m_project;
    QString m_url;
    QString m_workingDirectory;
    quint64 m_generation = 0;
    QHash<QString, Answer> m_answers;
    QHash<QString, bool> m_running;
    BackgroundJobs m_jobs;
};

} // namespace retort::ui
