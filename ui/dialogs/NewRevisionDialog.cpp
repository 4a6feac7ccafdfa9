#include "NewRevisionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace retort::ui {

NewRevisionDialog::NewRevisionDialog(const ProjectSnapshot &project, const QString &selected, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New Revision"));
    auto *form = new QFormLayout(this);
    const bool python = newRevisionFormat(project.config()) == ScriptFormat::Python;
    form->addRow(tr("Format:"),
                 new QLabel(python ? tr("Python, from the project's script.py.mako")
                                   : tr("Native SQL (-- +upgrade / -- +downgrade)"),
                            this));

    m_message = new QLineEdit(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setPlaceholderText(tr("What the revision does, e.g. add invoice status"));
    form->addRow(tr("&Message:"), m_message);

    // "head" is Alembic's default; each head by id; the selected revision when it is none of them.
    m_parent = new QComboBox(this);
    m_parent->setObjectName(QStringLiteral("parent"));
    m_parent->setEditable(true);
    const RevisionMap &map = project.map();
    m_parent->addItem(tr("head (the only head)"), QStringLiteral("head"));
    for (RevIndex head : map.heads())
        m_parent->addItem(map.id(head) + QStringLiteral("  ") + map.revision(head).message, map.id(head));
    m_splice = new QCheckBox(tr("&Splice: the parent need not be a head (starts a new branch)"), this);
    m_splice->setObjectName(QStringLiteral("splice"));
    if (!selected.isEmpty()) {
        const int index = m_parent->findData(selected);
        if (index >= 0) {
            m_parent->setCurrentIndex(index);
        } else {
            m_parent->addItem(selected + QStringLiteral("  ") + tr("(selected, not a head)"), selected);
            m_parent->setCurrentIndex(m_parent->count() - 1);
            m_splice->setChecked(true);
        }
    } else if (map.heads().size() > 1) {
        m_parent->setCurrentIndex(1); // "head" would be refused: several heads
    }
    form->addRow(tr("&Parent:"), m_parent);
    form->addRow(QString(), m_splice);

    m_branchLabel = new QLineEdit(this);
    m_branchLabel->setObjectName(QStringLiteral("branchLabel"));
    form->addRow(tr("&Branch label:"), m_branchLabel);
    m_dependsOn = new QLineEdit(this);
    m_dependsOn->setObjectName(QStringLiteral("dependsOn"));
    m_dependsOn->setPlaceholderText(tr("revision ids or labels, separated by commas"));
    form->addRow(tr("&Depends on:"), m_dependsOn);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Write Revision"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    m_message->setFocus();
}

RevisionRequest NewRevisionDialog::request() const
{
    RevisionRequest request;
    const QString message = m_message->text().trimmed();
    if (!message.isEmpty())
        request.message = message;
    // An edited entry is taken as typed; a chosen one by its id.
    const QString chosen = m_parent->currentData().toString();
    const bool typed = m_parent->currentText() != m_parent->itemText(m_parent->currentIndex()) || chosen.isEmpty();
    request.head = typed ? m_parent->currentText().trimmed() : chosen;
    request.splice = m_splice->isChecked();
    request.branchLabel = m_branchLabel->text().trimmed();
    for (const QString &part : m_dependsOn->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            request.dependsOn.append(part.trimmed());
    return request;
}

std::optional<RevisionRequest> NewRevisionDialog::ask(const ProjectSnapshot &project, const QString &selected,
                                                      QWidget *parent)
{
    NewRevisionDialog dialog(project, selected, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

} // namespace retort::ui
