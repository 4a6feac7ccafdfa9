#include "ConfirmationDialog.h"

#include "RehearsalView.h"
#include "backup/BackupInfo.h"
#include "details/BackgroundJobs.h"
#include "review/PlanReview.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

ConfirmationDialog::ConfirmationDialog(const PlanReview &review, QWidget *parent,
                                       MigrationController::Rehearser rehearser)
    : QDialog(parent)
    , m_rehearser(std::move(rehearser))
{
    setWindowTitle(review.title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These steps will run, in this order:"), this));
    auto *steps = new QListWidget(this);
    for (const PlanReview::Step &step : review.steps)
        steps->addItem(step.note.isEmpty() ? step.description : step.description + QStringLiteral("  — ") + step.note);
    layout->addWidget(steps);
    const auto addLine = [this, layout](const QString &name, const QString &text) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        label->setWordWrap(true);
        layout->addWidget(label);
    };
    addLine(QStringLiteral("versionChange"), review.versionChange);
    addLine(QStringLiteral("backup"),
            review.backup.isEmpty() ? tr("No automatic backup is taken for this run.") : review.backup);
    if (!review.nonTransactional.isEmpty())
        addLine(QStringLiteral("nonTransactional"),
                tr("Not in one transaction (statements run one by one): %1")
                    .arg(review.nonTransactional.join(QStringLiteral(", "))));
    if (!review.pythonSteps.isEmpty())
        addLine(QStringLiteral("pythonSteps"),
                tr("Run through the project's Alembic command: %1").arg(review.pythonSteps.join(QStringLiteral(", "))));
    if (!review.destructive.isEmpty()) {
        layout->addWidget(
            new QLabel(tr("<b>%n statement(s) can lose data:</b>", nullptr, int(review.destructive.size())), this));
        auto *destructive = new QListWidget(this);
        for (const PlanReview::Destructive &item : review.destructive) {
            auto *row =
                new QListWidgetItem(item.toString() + QLatin1Char('\n') + item.statement.simplified(), destructive);
            row->setForeground(QColor(0xc0, 0x39, 0x2b));
        }
        layout->addWidget(destructive);
    }
    if (!review.lint.isEmpty())
        addLintFindings(review.lint, layout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_runButton = buttons->button(QDialogButtonBox::Ok);
    m_runButton->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_rehearser) {
        m_jobs = new BackgroundJobs(this);
        m_rehearsal = new RehearsalView(this);
        m_rehearsal->hide();
        layout->addWidget(m_rehearsal, 1);
        m_rehearseButton = buttons->addButton(tr("Rehearse first"), QDialogButtonBox::ActionRole);
        m_rehearseButton->setToolTip(tr("Run these steps on a copy of the database first; yours is not touched"));
        connect(m_rehearseButton, &QPushButton::clicked, this, &ConfirmationDialog::rehearse);
    }
    layout->addWidget(buttons);
    resize(640, review.destructive.isEmpty() && review.lint.isEmpty() ? 360 : 520);
}

// The review's lint findings, errors first as the review orders them, each with its advice as
// the tooltip.
void ConfirmationDialog::addLintFindings(const LintFindings &findings, QVBoxLayout *layout)
{
    const auto count = [&findings](LintSeverity severity) {
        return int(std::count_if(findings.cbegin(), findings.cend(),
                                 [severity](const LintFinding &finding) { return finding.severity == severity; }));
    };
    layout->addWidget(new QLabel(tr("<b>Lint: %1 error(s), %2 warning(s), %3 notice(s)</b>")
                                     .arg(count(LintSeverity::Error))
                                     .arg(count(LintSeverity::Warning))
                                     .arg(count(LintSeverity::Notice)),
                                 this));
    auto *list = new QListWidget(this);
    list->setObjectName(QStringLiteral("lintFindings"));
    for (const LintFinding &finding : findings) {
        const QString where = QStringLiteral("%1:%2").arg(QFileInfo(finding.path).fileName()).arg(finding.line);
        auto *row = new QListWidgetItem(QStringLiteral("%1  %2: %3 [%4]\n%5")
                                            .arg(lintSeverityName(finding.severity), where, finding.message,
                                                 finding.rule, finding.statement.simplified()),
                                        list);
        row->setToolTip(finding.advice);
        row->setData(Qt::UserRole, finding.rule);
        if (finding.severity == LintSeverity::Error)
            row->setForeground(QColor(0xc0, 0x39, 0x2b));
        else if (finding.severity == LintSeverity::Warning)
            row->setForeground(QColor(0xb9, 0x77, 0x0e));
    }
    layout->addWidget(list);
}

// The job's thread is waited for by m_jobs' destructor; the cancel flag set in reject() makes
// that wait end at the next step.
ConfirmationDialog::~ConfirmationDialog()
{
    m_cancel->store(true);
}

void ConfirmationDialog::rehearse()
{
    if (!m_rehearser)
        return;
    m_rehearseButton->setEnabled(false);
    m_runButton->setEnabled(false);
    m_rehearsal->showRunning();
    resize(width(), qMax(height(), 640));
    auto result = std::make_shared<std::optional<RunResult<Rehearsal>>>();
    m_jobs->start(
        QStringLiteral("retort-rehearsal"),
        [rehearser = m_rehearser, cancel = m_cancel, result] { result->emplace(rehearser(*cancel)); },
        [this, result] {
            m_rehearsal->showResult(**result);
            m_runButton->setEnabled(true);
            m_rehearseButton->setEnabled(true);
            emit rehearsed();
        });
}

void ConfirmationDialog::reject()
{
    m_cancel->store(true);
    QDialog::reject();
}

bool ConfirmationDialog::confirm(const PlanReview &review, QWidget *parent,
                                 const MigrationController::Rehearser &rehearser)
{
    ConfirmationDialog dialog(review, parent, rehearser);
    return dialog.exec() == QDialog::Accepted;
}

QString ConfirmationDialog::restoreText(const BackupInfo &backup, const QString &currentUrl)
{
    const QLocale locale;
    return tr("<p><b>The current database %1 will be replaced</b> by this backup. Changes made since the backup "
              "are lost.</p>"
              "<table>"
              "<tr><td>File</td><td>%2</td></tr>"
              "<tr><td>Taken</td><td>%3</td></tr>"
              "<tr><td>Heads</td><td>%4</td></tr>"
              "<tr><td>Size</td><td>%5</td></tr>"
              "<tr><td>Backup of</td><td>%6</td></tr>"
              "</table>")
        .arg(currentUrl.toHtmlEscaped(), backup.path.toHtmlEscaped(),
             locale.toString(backup.createdAt.toLocalTime(), QLocale::LongFormat),
             backup.heads.isEmpty() ? tr("base (empty version table)") : backup.heads.join(QStringLiteral(", ")),
             locale.formattedDataSize(backup.size), backup.url.toHtmlEscaped());
}

bool ConfirmationDialog::confirmRestore(const BackupInfo &backup, const QString &currentUrl, QWidget *parent)
{
    QMessageBox box(QMessageBox::Warning, tr("Restore Backup"), restoreText(backup, currentUrl), QMessageBox::Cancel,
                    parent);
    box.setTextFormat(Qt::RichText);
    QPushButton *replace = box.addButton(tr("Replace Database"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

} // namespace retort::ui
