#include "ProblemListModel.h"

#include <QApplication>
#include <QStyle>

namespace retort::ui {

ProblemListModel::ProblemListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ProblemListModel::setProjectProblems(const Problems &problems)
{
    m_bySource = {problems, {}, {}};
    rebuild();
}

void ProblemListModel::setProblems(Source source, const Problems &problems)
{
    m_bySource[size_t(source)] = problems;
    rebuild();
}

void ProblemListModel::rebuild()
{
    beginResetModel();
    m_problems.clear();
    for (const Problems &problems : m_bySource)
        m_problems += problems;
    endResetModel();
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    const Problem &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return problem.toString();
    case Qt::ToolTipRole:
        return problem.kind.isEmpty() ? problem.toString() : problem.kind + QStringLiteral(": ") + problem.toString();
    case Qt::DecorationRole:
        return QApplication::style()->standardIcon(problem.severity == Problem::Severity::Error
                                                       ? QStyle::SP_MessageBoxCritical
                                                       : QStyle::SP_MessageBoxWarning);
    case RevisionRole:
        return problem.revision;
    case PathRole:
        return problem.path;
    case LineRole:
        return problem.line;
    case SeverityRole:
        return int(problem.severity);
    default:
        return {};
    }
}

} // namespace retort::ui
