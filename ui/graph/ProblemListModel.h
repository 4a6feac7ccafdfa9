#pragma once

#include "Problem.h"

#include <QAbstractListModel>

#include <array>

namespace retort::ui {

// The project's problems (configuration, files, graph), the steps that failed on the shadow
// database and the downgrades that failed verification, as "path:line: message" rows.
class ProblemListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { RevisionRole = Qt::UserRole + 1, PathRole, LineRole, SeverityRole };

    explicit ProblemListModel(QObject *parent = nullptr);

    // Each source replaces only its own rows: a replay that ends after a verification keeps the
    // verification's problems.
    enum class Source { Project, Replay, Verification };

    // A project just loaded: its own problems, and none from the other sources yet.
    void setProjectProblems(const Problems &problems);
    void setProblems(Source source, const Problems &problems);
    // Every source's, the project's first.
    const Problems &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::array<Problems, 3> m_bySource;
    Problems m_problems;
};

} // namespace retort::ui
