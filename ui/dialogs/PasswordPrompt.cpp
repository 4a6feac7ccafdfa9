#include "PasswordPrompt.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace retort::ui {

PasswordPrompt::PasswordPrompt(const QString &maskedUrl, const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
{
    setWindowTitle(tr("Database Password"));
    auto *label = new QLabel(profile.isEmpty() ? tr("Password for %1:").arg(maskedUrl)
                                               : tr("Password for the profile “%1” (%2):").arg(profile, maskedUrl),
                             this);
    label->setObjectName(QStringLiteral("label"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_password);
    layout->addWidget(buttons);
}

std::optional<QString> PasswordPrompt::password() const
{
    if (result() != QDialog::Accepted)
        return std::nullopt;
    return m_password->text();
}

std::optional<QString> PasswordPrompt::ask(QWidget *parent, const QString &maskedUrl, const QString &profile)
{
    PasswordPrompt prompt(maskedUrl, profile, parent);
    prompt.exec();
    return prompt.password();
}

} // namespace retort::ui
