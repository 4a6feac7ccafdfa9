#include "DriftBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

// How many changes the strip lists before "and N more"; `retort drift` prints them all.
constexpr int shownChanges = 12;

QString changeList(const SchemaChanges &changes)
{
    QStringList lines;
    for (qsizetype i = 0; i < changes.size() && i < shownChanges; ++i)
        lines << changes.at(i).toLine();
    if (changes.size() > shownChanges)
        lines << DriftBanner::tr("… and %n more ('retort drift' lists them all)", nullptr,
                                 int(changes.size() - shownChanges));
    return lines.join(u'\n');
}

} // namespace

DriftBanner::DriftBanner(QWidget *parent)
    : QFrame(parent)
    , m_message(new QLabel(this))
    , m_details(new QLabel(this))
    , m_identify(new QPushButton(tr("Identify…"), this))
    , m_stamp(new QPushButton(this))
    , m_close(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("driftBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = m_details->font();
    mono.setFamily(QStringLiteral("monospace"));
    m_details->setFont(mono);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_identify);
    buttons->addWidget(m_stamp);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_message);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_identify, &QPushButton::clicked, this, &DriftBanner::identifyRequested);
    connect(m_stamp, &QPushButton::clicked, this, [this] {
        if (!m_stampRevision.isEmpty())
            emit stampRequested(m_stampRevision, m_stampPurge);
    });
    connect(m_close, &QPushButton::clicked, this, &DriftBanner::hide);
    clear();
}

QString DriftBanner::message() const
{
    return m_message->text();
}

QString DriftBanner::details() const
{
    return m_details->text();
}

void DriftBanner::show(const QString &message, const QString &details, bool offerIdentify)
{
    m_message->setText(message);
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
    m_identify->setVisible(offerIdentify);
    m_stamp->setVisible(!m_stampRevision.isEmpty());
    m_stamp->setText(tr("Stamp as %1").arg(m_stampRevision));
    setVisible(true);
}

void DriftBanner::clear()
{
    m_stampRevision.clear();
    m_stampPurge = false;
    m_message->clear();
    m_details->clear();
    setVisible(false);
}

void DriftBanner::showChecking()
{
    // Keeps what it showed until the new result is in; a first check shows nothing yet.
}

void DriftBanner::showDrift(const DriftReport &report)
{
    m_stampRevision.clear();
    if (!report.drifted()) {
        clear();
        return;
    }
    if (report.databaseHeads.isEmpty()) {
        show(tr("The database has tables but no version rows (alembic_version is missing or empty), so no "
                "revision accounts for them. Identify finds the revision whose schema it has."),
             changeList(report.changes), true);
        return;
    }
    show(tr("Schema drift: the database differs from the schema of %1 (history → database). Write a revision "
            "that makes these changes, or undo them in the database.")
             .arg(report.databaseHeads.join(QStringLiteral(", "))),
         changeList(report.changes), false);
}

void DriftBanner::showIdentify(const IdentifyReport &report)
{
    m_stampRevision.clear();
    m_stampPurge = false;
    if (report.candidates.isEmpty()) {
        show(tr("Identify found no revision to compare."), QString(), true);
        return;
    }
    QStringList notes;
    for (const UnreplayedRevision &revision : report.unreplayed)
        notes << tr("could not replay: %1: %2").arg(revision.revision, revision.error.message);
    const IdentifyCandidate &best = report.candidates.front();
    if (best.exact() && best.revision != u"base") {
        m_stampRevision = best.revision;
        m_stampPurge = !report.databaseHeads.isEmpty();
        show(tr("The database has exactly the schema of %1. Stamping writes it into the version table without "
                "running anything.")
                 .arg(best.revision),
             notes.join(u'\n'), false);
        return;
    }
    if (best.exact()) {
        show(tr("The database holds none of the history's tables: an upgrade builds it from base."), notes.join(u'\n'),
             false);
        return;
    }
    QString details = changeList(best.differences);
    if (!notes.isEmpty())
        details += u'\n' + notes.join(u'\n');
    show(tr("No revision matches exactly. The closest is %1 (%n difference(s), revision → database): bring the "
            "database to its schema or write a revision with these changes, then stamp.",
            nullptr, best.distance)
             .arg(best.revision),
         details, false);
}

void DriftBanner::showFailure(const RunError &error, bool identify)
{
    m_stampRevision.clear();
    if (!identify && error.kind == ErrorKind::ResolutionError) {
        show(tr("The version table names revision %1, which no migration file defines. Identify finds the "
                "revision whose schema the database has.")
                 .arg(error.revision),
             QString(), true);
        return;
    }
    show(identify ? tr("Identify failed: %1").arg(error.toString())
                  : tr("Schema drift not checked: %1").arg(error.toString()),
         QString(), false);
}

void DriftBanner::showUnavailable(const QString &reason)
{
    Q_UNUSED(reason);
    // Not being able to check is no alarm: the schema tab already says how to enable shadows.
    clear();
}

} // namespace retort::ui
