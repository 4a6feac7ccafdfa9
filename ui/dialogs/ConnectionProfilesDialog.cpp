#include "ConnectionProfilesDialog.h"

#include "db/DatabaseUrl.h"
#include "project/ConnectionProfiles.h"
#include "project/PasswordVault.h"
#include "project/UrlChoices.h"
#include "project/UrlPassword.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

namespace {
// The profile's saved flag once the vault has answered; the dialog may be gone by then.
void recordPersistence(const QString &name, bool persistent)
{
    ConnectionProfiles profiles;
    if (std::optional<ConnectionProfile> profile = profiles.find(name)) {
        profile->passwordSaved = persistent;
        profiles.put(*profile);
    }
}
} // namespace

ConnectionProfilesDialog::ConnectionProfilesDialog(PasswordVault *vault, QWidget *parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_savePassword(new QCheckBox(tr("Save password in the keychain"), this))
    , m_notice(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Connection Profiles"));
    m_list->setObjectName(QStringLiteral("profiles"));
    m_name->setObjectName(QStringLiteral("name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(tr("postgresql://user@host/database"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_savePassword->setObjectName(QStringLiteral("savePassword"));
    m_savePassword->setChecked(true);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_remove->setObjectName(QStringLiteral("removeProfile"));

    auto *newButton = new QPushButton(tr("&New"), this);
    newButton->setObjectName(QStringLiteral("newProfile"));
    auto *saveButton = new QPushButton(tr("&Save"), this);
    saveButton->setObjectName(QStringLiteral("saveProfile"));
    connect(newButton, &QPushButton::clicked, this, &ConnectionProfilesDialog::newProfile);
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_remove, &QPushButton::clicked, this, &ConnectionProfilesDialog::removeSelected);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty())
            select(name);
        m_remove->setEnabled(!name.isEmpty());
    });
    connect(m_vault, &PasswordVault::keychainUnavailable, this, &ConnectionProfilesDialog::setNotice);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_savePassword);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(newButton);
    formButtons->addWidget(m_remove);
    formButtons->addStretch();
    formButtons->addWidget(saveButton);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(formButtons);
    right->addWidget(m_notice);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 1);
    columns->addLayout(right, 2);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(close);

    if (!m_vault->keychainAvailable() && !PasswordVault::builtWithKeychain())
        setNotice(PasswordVault::unavailableMessage());
    reload({});
    newProfile();
}

QString ConnectionProfilesDialog::notice() const
{
    return m_notice->text();
}

void ConnectionProfilesDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
}

void ConnectionProfilesDialog::reload(const QString &selectName)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QList<ConnectionProfile> profiles = ConnectionProfiles().all();
    for (const ConnectionProfile &profile : profiles) {
        auto *item = new QListWidgetItem(profile.name, m_list);
        item->setToolTip(maskedUrl(profile.url));
        if (profile.name == selectName)
            m_list->setCurrentItem(item);
    }
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

void ConnectionProfilesDialog::newProfile()
{
    m_editing.clear();
    m_list->setCurrentRow(-1);
    m_name->clear();
    m_url->clear();
    m_password->clear();
    m_password->setPlaceholderText({});
    m_savePassword->setChecked(true);
    m_remove->setEnabled(false);
    m_name->setFocus();
}

void ConnectionProfilesDialog::select(const QString &name)
{
    const std::optional<ConnectionProfile> profile = ConnectionProfiles().find(name);
    if (!profile)
        return;
    const QList<QListWidgetItem *> items = m_list->findItems(name, Qt::MatchExactly);
    if (!items.isEmpty() && m_list->currentItem() != items.first()) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(items.first());
    }
    showProfile(*profile);
}

void ConnectionProfilesDialog::showProfile(const ConnectionProfile &profile)
{
    m_editing = profile.name;
    m_name->setText(profile.name);
    m_url->setText(profile.url);
    // The password is never read back into the form: leaving it empty keeps the stored one.
    m_password->clear();
    m_password->setPlaceholderText(profile.passwordSaved          ? tr("(saved in the keychain)")
                                       : profile.passwordRequired ? tr("(asked when connecting)")
                                                                  : QString());
    m_savePassword->setChecked(profile.passwordSaved || !profile.passwordRequired);
    m_remove->setEnabled(true);
}

bool ConnectionProfilesDialog::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        setNotice(tr("Give the profile a name."));
        return false;
    }
    const DbResult<DatabaseUrl> parsed = DatabaseUrl::parse(m_url->text());
    const std::optional<UrlPassword> split = UrlPassword::split(m_url->text());
    if (!parsed || !split) {
        // The parser's message never repeats the password.
        setNotice(tr("The URL cannot be used: %1").arg(parsed.error().message));
        return false;
    }
    ConnectionProfiles profiles;
    const std::optional<ConnectionProfile> previous = profiles.find(m_editing.isEmpty() ? name : m_editing);
    if ((m_editing.isEmpty() || m_editing != name) && profiles.find(name)) {
        setNotice(tr("A profile named “%1” exists already.").arg(name));
        return false;
    }
    const QString password = m_password->text().isEmpty() ? split->password : m_password->text();
    const bool renamed = previous && previous->name != name;

    ConnectionProfile profile;
    profile.name = name;
    profile.url = split->url;
    profile.passwordRequired = !password.isEmpty() || (previous && previous->passwordRequired);
    if (renamed) {
        profiles.remove(previous->name);
        if (password.isEmpty() && previous->passwordRequired) {
            // The stored password follows the profile to its new name.
            const bool keep = m_savePassword->isChecked();
            PasswordVault *vault = m_vault;
            const QString oldKey = previous->passwordKey();
            vault->read(oldKey, [vault, oldKey, name, keep](const PasswordResult &result) {
                if (!result.ok())
                    return;
                vault->remove(oldKey);
                if (keep)
                    vault->write(name, result.password, [name](const PasswordResult &written) {
                        recordPersistence(name, written.ok() && written.persistent);
                    });
                else
                    vault->keepForSession(name, result.password);
            });
        } else {
            m_vault->remove(previous->passwordKey());
        }
    }

    if (!password.isEmpty()) {
        m_vault->remove(profile.passwordKey());
        if (m_savePassword->isChecked()) {
            m_vault->write(profile.passwordKey(), password, [name](const PasswordResult &written) {
                recordPersistence(name, written.ok() && written.persistent);
            });
        } else {
            m_vault->keepForSession(profile.passwordKey(), password);
        }
    } else if (previous && previous->passwordSaved) {
        if (m_savePassword->isChecked()) {
            profile.passwordSaved = !renamed; // a renamed one is marked again once moved
        } else if (!renamed) {
            m_vault->remove(profile.passwordKey());
        }
    }
    profiles.put(profile);
    m_password->clear();
    reload(name);
    select(name);
    if (m_notice->text() != PasswordVault::unavailableMessage())
        setNotice(tr("Saved “%1”.").arg(name));
    Q_EMIT profilesChanged();
    return true;
}

void ConnectionProfilesDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->text();
    ConnectionProfiles profiles;
    if (const std::optional<ConnectionProfile> profile = profiles.find(name))
        m_vault->remove(profile->passwordKey());
    profiles.remove(name);
    reload({});
    newProfile();
    setNotice(tr("Removed “%1”.").arg(name));
    Q_EMIT profilesChanged();
}

} // namespace retort::ui
