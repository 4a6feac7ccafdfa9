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
    QString text;
    appendLine(text, revision, parts);
    return text;
}

void RevisionText::appendLine(QString &out, RevIndex revision, const Parts &parts) const
{
    const auto appendJoined = [&](const QStringList &list) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                out += kComma;
            out += list.at(i);
        }
    };
    const Revision &rev = m_map.revision(revision);
    if (parts.parents) {
        if (rev.downRevisions.isEmpty())
            out += QLatin1StringView("<base>");
        else
            appendJoined(rev.downRevisions);
        if (!rev.dependsOn.isEmpty()) {
            out += QLatin1StringView(" (");
            appendJoined(rev.dependsOn);
            out += QLatin1Char(')');
        }
        out += QLatin1StringView(" -> ");
    }
    out += rev.id;
    const QStringList &labels = m_map.branchLabels(revision);
    if (parts.branches && !labels.isEmpty())
        appendLabels(out, labels);
    if (m_map.isRealHead(revision))
        out += QLatin1StringView(" (head)");
    else if (m_map.isHead(revision))
        out += QLatin1StringView(" (effective head)");
    if (parts.treeIndicators) {
        if (m_map.isBranchPoint(revision))
            out += QLatin1StringView(" (branchpoint)");
        if (m_map.isMergePoint(revision))
            out += QLatin1StringView(" (mergepoint)");
    }
    if (parts.doc) {
        out += kComma;
        out += rev.message;
    }
}

void RevisionText::appendLabels(QString &out, const QStringList &labels) const
{
    if (labels.constData() != m_lastLabels) {
        m_lastLabels = labels.constData();
        m_lastLabelsText = QLatin1StringView(" (") + labels.join(kComma) + QLatin1Char(')');
    }
    out += m_lastLabelsText;
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
