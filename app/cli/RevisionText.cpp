#include "RevisionText.h"

namespace retort::cli {

namespace {
const QString kComma = QStringLiteral(", ");
}

QString RevisionText::formatDownRevision(RevIndex revision) const
{
    const QStringList &down = m_map.revision(revision).downRevisions;
    return down.isEmpty() ? QStringLiteral("<base>") : down.join(kComma);
}

QString RevisionText::line(RevIndex revision, const Parts &parts) const
{
    const Revision &rev = m_map.revision(revision);
    QString text = rev.id;
    if (parts.parents) {
        QString parents = formatDownRevision(revision);
        if (!rev.dependsOn.isEmpty())
            parents += QStringLiteral(" (") + rev.dependsOn.join(kComma) + QLatin1Char(')');
        text = parents + QStringLiteral(" -> ") + text;
    }
    const QStringList &labels = m_map.branchLabels(revision);
    if (parts.branches && !labels.isEmpty())
        text += QStringLiteral(" (") + labels.join(kComma) + QLatin1Char(')');
    if (m_map.isRealHead(revision))
        text += QStringLiteral(" (head)");
    else if (m_map.isHead(revision))
        text += QStringLiteral(" (effective head)");
    if (parts.treeIndicators) {
        if (m_map.isBranchPoint(revision))
            text += QStringLiteral(" (branchpoint)");
        if (m_map.isMergePoint(revision))
            text += QStringLiteral(" (mergepoint)");
    }
    if (parts.doc)
        text += kComma + rev.message;
    return text;
}

QString RevisionText::logEntry(RevIndex revision) const
{
    const Revision &rev = m_map.revision(revision);
    QString entry = QStringLiteral("Rev: ") + rev.id;
    if (m_map.isHead(revision))
        entry += QStringLiteral(" (head)");
    if (m_map.isBranchPoint(revision))
        entry += QStringLiteral(" (branchpoint)");
    if (m_map.isMergePoint(revision))
        entry += QStringLiteral(" (mergepoint)");
    entry += QLatin1Char('\n');
    entry += (m_map.isMergePoint(revision) ? QStringLiteral("Merges: ") : QStringLiteral("Parent: "))
        + formatDownRevision(revision) + QLatin1Char('\n');
    if (!rev.dependsOn.isEmpty())
        entry += QStringLiteral("Also depends on: ") + rev.dependsOn.join(kComma) + QLatin1Char('\n');
    if (m_map.isBranchPoint(revision))
        entry +=
            QStringLiteral("Branches into: ") + m_map.ids(m_map.children(revision)).join(kComma) + QLatin1Char('\n');
    const QStringList &labels = m_map.branchLabels(revision);
    if (!labels.isEmpty())
        entry += QStringLiteral("Branch names: ") + labels.join(kComma) + QLatin1Char('\n');
    entry += QStringLiteral("Path: ") + rev.path + QLatin1Char('\n');
    entry += QLatin1Char('\n');
    // Alembic indents its whole docstring (longdoc) here, not only the message.
    const QString doc = rev.longDoc.isEmpty() ? rev.message : rev.longDoc;
    QStringList lines = doc.split(QLatin1Char('\n'));
    if (doc.isEmpty())
        lines.clear();
    for (QString &docLine : lines)
        docLine.prepend(QStringLiteral("    "));
    entry += lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return entry;
}

} // namespace retort::cli
