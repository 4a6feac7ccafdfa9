#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace retort::ui {

// Asks for the password of a database whose password is not stored. The text never echoes.
class PasswordPrompt : public QDialog
{
    Q_OBJECT

public:
    // maskedUrl: the URL as shown (no password); profile: the profile's name, empty for a URL.
    PasswordPrompt(const QString &maskedUrl, const QString &profile, QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    // The password when accepted (may be empty: connect without one), nullopt when cancelled.
    std::optional<QString> password() const;

    // Modal; nullopt when the person cancels.
    static std::optional<QString> ask(QWidget *parent, const QString &maskedUrl, const QString &profile = {});

private:
    QLineEdit *m_password;
};

} // namespace retort::ui
