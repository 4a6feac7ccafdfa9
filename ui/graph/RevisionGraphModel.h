#pragma once

#include "command/ProjectSnapshot.h"
#include "layout/LaneRow.h"
#include "layout/LayoutNode.h"
#include "lint/LintFinding.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

Q_DECLARE_METATYPE(retort::LaneRow)

namespace retort::ui {

// One row per revision of a ProjectSnapshot, newest first (`alembic history` order), with the
// lane layout for painting the graph and the revision's state in the connected database.
class RevisionGraphModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GraphColumn, IdColumn, MessageColumn, DateColumn, LabelsColumn, ChangesColumn, ColumnCount };
    enum class State { Pending, Applied, Current };
    Q_ENUM(State)
    enum Role {
        LaneRowRole = Qt::UserRole + 1, // retort::LaneRow
        StateRole, // State as int
        RevisionIdRole, // full id
        RevisionIndexRole, // RevIndex in the snapshot's map
        IsMergePointRole,
        IsBranchPointRole,
        IsHeadRole,
        IsBaseRole,
        BranchLabelsRole, // QStringList, own labels
        SearchTextRole, // id, message and labels for the filter
        // QList<bool> parallel to LaneRowRole's segments: the segment belongs to an edge that
        // passes hidden revisions. Only a filtering RevisionFilterProxy gives it; its LaneRowRole
        // is then the filtered rows' own layout.
        SkippingSegmentsRole,
        DestructiveChangeRole, // bool: the revision's change set drops or retypes something
        // QString: empty when not verified, "ok" when its downgrade undoes its upgrade, else the
        // problem's name ("downgrade_incomplete", ...); the Labels column's tooltip says more.
        VerificationRole,
        // QString: the worst lint severity of the revision ("error", "warning", "notice"); empty
        // when it has no finding. LintCountRole: how many findings it has.
        LintRole,
        LintCountRole,
    };

    // What a revision changes in the schema, as the Changes column shows it.
    struct ChangeSummary
    {
        QString text; // e.g. "+2 tables, -1 column"; empty: no change
        QString details; // one change per line, for the tooltip
        bool destructive = false;
    };

    // What verifying a revision's downgrade found, as its badge shows it.
    struct Verification
    {
        QString problem; // "ok" or the problem's name
        QString details; // for the tooltip
    };

    explicit RevisionGraphModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const ProjectSnapshot> snapshot);
    std::shared_ptr<const ProjectSnapshot> snapshot() const { return m_snapshot; }
    // The version table's rows: these are current, they and their ancestors (through
    // down_revision and depends_on) are applied, the rest pending. Unknown ids are ignored.
    void setDatabaseHeads(const QStringList &heads);
    // Forgets the database: every revision shows as pending.
    void clearDatabaseState();
    bool hasDatabaseState() const { return m_hasDatabaseState; }
    // Change summaries by revision id (from shadow replay); revisions without one show nothing.
    void setChangeSummaries(QHash<QString, ChangeSummary> summaries);
    void clearChangeSummaries() { setChangeSummaries({}); }
    // Verification results by revision id; they replace earlier ones of the same revisions and
    // last until the next snapshot.
    void addVerifications(const QHash<QString, Verification> &verifications);
    // Lint findings by revision id (LintLoader); they last until the next snapshot.
    void setLintFindings(const QHash<QString, LintFindings> &findings);
    const QStringList &databaseHeads() const { return m_databaseHeads; }

    int rowOfRevision(const QString &id) const; // -1 when absent
    int revisionIndex(int row) const { return m_order.at(size_t(row)); }
    State state(int row) const;
    int pendingCount() const;
    int maxLaneCount() const { return m_maxLanes; }
    // The rows as handed to the lane layout (parents and dependencies as row indices).
    const QList<LayoutNode> &layoutNodes() const { return m_nodes; }
    // The filter's test: the id starts with `text`, or the message or a branch label contains
    // it, case-insensitive. Reads the revision directly (no QVariant per row).
    bool matches(int row, const QString &text) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // An id short enough for a status line: long ones lose their middle.
    static QString shortId(const QString &id);

private:
    QString labelsText(int revIndex) const;

    std::shared_ptr<const ProjectSnapshot> m_snapshot;
    std::vector<int> m_order; // row -> RevIndex
    std::vector<int> m_rowOf; // RevIndex -> row
    QList<LayoutNode> m_nodes; // by row
    QList<LaneRow> m_lanes;
    int m_maxLanes = 0;
    std::vector<char> m_applied; // by RevIndex
    std::vector<char> m_current; // by RevIndex
    QStringList m_databaseHeads;
    bool m_hasDatabaseState = false;
    QHash<QString, ChangeSummary> m_changes; // by revision id
    QHash<QString, Verification> m_verifications; // by revision id
    QHash<QString, std::pair<LintSeverity, int>> m_lint; // by revision id: worst severity, count
};

} // namespace retort::ui
