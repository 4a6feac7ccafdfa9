#include "GitHistoryLoader.h"

namespace retort::ui {

namespace {

struct LoadResult
{
    std::shared_ptr<const GitHistory> history;
    QString error;
};

} // namespace

GitHistoryLoader::GitHistoryLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const retort::GitHistory>>();
}

GitHistoryLoader::~GitHistoryLoader() = default;

void GitHistoryLoader::load(const QStringList &directories)
{
    const quint64 generation = ++m_generation;
    m_pending = true;
    // The thread touches only its own result; the loader reads it back on its own thread.
    auto result = std::make_shared<LoadResult>();
    m_jobs.start(
        QStringLiteral("retort-git"),
        [directories, result] {
            result->history = std::make_shared<const GitHistory>(GitHistory::read(directories));
            result->error = result->history->failures().join(u'\n');
        },
        [this, result, generation] {
            if (generation != m_generation)
                return; // a newer request, or the project was closed
            m_pending = false;
            if (!result->error.isEmpty())
                emit failed(result->error);
            emit loaded(result->history);
        });
}

} // namespace retort::ui
