#pragma once

#include "BackgroundJobs.h"
#include "lint/LintFinding.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace retort {
class ProjectSnapshot;
} // namespace retort

namespace retort::ui {

// Lints every revision of a project on a thread of its own (it reads every script), with the
// rules of the URL's dialect (both SQLite's and PostgreSQL's without one). Only the newest
// request answers.
class LintLoader : public QObject
{
    Q_OBJECT

public:
    explicit LintLoader(QObject *parent = nullptr);
    ~LintLoader() override; // waits for a lint still running

    void load(std::shared_ptr<const ProjectSnapshot> project, const QString &url);
    void cancel() { ++m_generation; }

signals:
    // Findings by revision id, errors first; revisions without findings are absent.
    void loaded(const QHash<QString, retort::LintFindings> &findings);

private:
    quint64 m_generation = 0;
    BackgroundJobs m_jobs;
};

} // namespace retort::ui
