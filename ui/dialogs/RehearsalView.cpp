#include "RehearsalView.h"

#include "details/SchemaChangesView.h"
#include "run/StepDescription.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
}

} // namespace

RehearsalView::RehearsalView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_steps(new QTreeWidget(this))
    , m_error(new QLabel(this))
    , m_changes(new SchemaChangesView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setObjectName(QStringLiteral("rehearsalSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_steps->setObjectName(QStringLiteral("rehearsalSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Time"), tr("Result")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_error->setObjectName(QStringLiteral("rehearsalError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    layout->addWidget(m_summary);
    layout->addWidget(m_steps);
    layout->addWidget(m_error);
    layout->addWidget(m_changes);
}

void RehearsalView::showRunning()
{
    m_summary->setText(tr("Rehearsing on a copy of the database…"));
    m_steps->clear();
    m_error->hide();
    m_changes->setUnavailable(tr("Waiting for the rehearsal."));
    show();
}

void RehearsalView::showResult(const RunResult<Rehearsal> &result)
{
    m_steps->clear();
    if (const RunError *error = result.failure()) {
        m_summary->setText(tr("The rehearsal could not run; nothing was changed."));
        m_error->setText(error->toString());
        m_error->show();
        m_changes->setUnavailable(tr("No rehearsal."));
        return;
    }
    const Rehearsal &rehearsal = result.value();
    qint64 total = 0;
    for (const RehearsalStep &step : rehearsal.steps) {
        total += step.elapsedMs;
        const QString state = !step.ran ? tr("not run") : step.ok ? tr("ok") : tr("FAILED");
        auto *row = new QTreeWidgetItem(
            m_steps, {describeStep(step.step), step.ran ? seconds(step.elapsedMs) : QString(), state});
        if (step.ran && !step.ok)
            row->setForeground(2, QColor(0xc0, 0x39, 0x2b));
    }
    const QString &where = rehearsal.database;
    if (rehearsal.ok())
        m_summary->setText(tr("Rehearsed on a %1: every step ran (%2). The live database was not changed.")
                               .arg(where, seconds(total)));
    else if (rehearsal.cancelled)
        m_summary->setText(
            tr("Rehearsal on a %1 cancelled between steps. The live database was not changed.").arg(where));
    else
        m_summary->setText(tr("Rehearsed on a %1: a step failed, as the real run would. The live database was not "
                              "changed.")
                               .arg(where));
    if (rehearsal.error) {
        m_error->setText(rehearsal.error->toString());
        m_error->show();
    } else {
        m_error->hide();
    }
    m_changes->setChanges(rehearsal.changes, tr("Schema changes on the copy"));
}

QString RehearsalView::summary() const
{
    return m_summary->text();
}

QString RehearsalView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace retort::ui
