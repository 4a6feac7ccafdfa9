#include "DatabaseStatus.h"

#include "graph/RevisionGraphModel.h"

#include <QCoreApplication>

namespace retort::ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DatabaseStatus", text, nullptr, n);
}

} // namespace

QString DatabaseStatus::text() const
{
    const QString separator = QStringLiteral(" · ");
    QString line = tr("%n revision(s)", revisions);
    if (!stateKnown)
        return line + separator + (stateError.isEmpty() ? tr("database not read") : tr("database: %1").arg(stateError));
    QStringList shortIds;
    for (const QString &head : heads)
        shortIds.append(RevisionGraphModel::shortId(head));
    line += separator + tr("database at %1").arg(heads.isEmpty() ? tr("base") : shortIds.join(QStringLiteral(", ")));
    line += separator + tr("%n pending", pending);
    if (heads.size() > 1)
        line += separator + QStringLiteral("⚠ ") + tr("%n heads in the version table", int(heads.size()));
    return line;
}

} // namespace retort::ui
