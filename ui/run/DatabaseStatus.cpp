#include "DatabaseStatus.h"

#include "graph/RevisionGraphModel.h"

namespace retort::ui {

QString DatabaseStatus::text() const
{
    const QString separator = QStringLiteral(" · ");
    QString line = tr("%n revision(s)", nullptr, revisions);
    if (!stateKnown)
        return line + separator + (stateError.isEmpty() ? tr("database not read") : tr("database: %1").arg(stateError));
    QStringList shortIds;
    for (const QString &head : heads)
        shortIds.append(RevisionGraphModel::shortId(head));
    line += separator + tr("database at %1").arg(heads.isEmpty() ? tr("base") : shortIds.join(QStringLiteral(", ")));
    line += separator + tr("%n pending", nullptr, pending);
    if (heads.size() > 1)
        line += separator + QStringLiteral("⚠ ") + tr("%n heads in the version table", nullptr, int(heads.size()));
    return line;
}

} // namespace retort::ui
