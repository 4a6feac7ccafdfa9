#pragma once

#include "project/ConnectionProfile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace retort::ui {

class PasswordVault;

// Database > Connection Profiles…: the saved profiles (application settings) with their
// passwords in the vault. Select one to edit it, "New" for an empty form, "Save" stores the
// form, "Remove" deletes the selected profile and its password. Passwords never reach the
// settings: a password written in the URL field is taken out and treated like the password field.
class ConnectionProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionProfilesDialog(PasswordVault *vault, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *savePasswordBox() const { return m_savePassword; }
    QString notice() const;

    // The form's actions (also behind the buttons). save() returns false and says why in the
    // notice when the form cannot be saved.
    void newProfile();
    void select(const QString &name);
    bool save();
    void removeSelected();

Q_SIGNALS:
    // After a save or a removal, so the URL box can offer the new list.
    void profilesChanged();

private:
    void reload(const QString &selectName);
    void showProfile(const ConnectionProfile &profile);
    void setNotice(const QString &text);

    PasswordVault *m_vault;
    QString m_editing; // name of the profile in the form; empty for a new one
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_password;
    QCheckBox *m_savePassword;
    QLabel *m_notice;
    QPushButton *m_remove;
};

} // namespace retort::ui
