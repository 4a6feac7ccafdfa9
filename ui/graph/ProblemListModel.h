#pragma once

#include "Problem.h"

#include <QAbstractListModel>

namespace retort::ui {

// The project's problems (configuration, files, graph) as "path:line: message" rows.
class ProblemListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { RevisionRole = Qt::UserRole + 1, PathRole, LineRole, SeverityRole };

    explicit ProblemListModel(QObject *parent = nullptr);

    void setProblems(const Problems &problems);
    const Problems &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Problems m_problems;
};

} // namespace retort::ui
