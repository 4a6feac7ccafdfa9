#include "DatabaseChooser.h"

#include "ConnectionProfiles.h"
#include "PasswordVault.h"
#include "RecentProjects.h"
#include "UrlPassword.h"
#include "dialogs/PasswordPrompt.h"

#include <QLineEdit>
#include <QPointer>

namespace retort::ui {

namespace {

// Two spellings of one database: equal once their passwords are taken out.
bool sameDatabase(const QString &a, const QString &b)
{
    const auto left = UrlPassword::split(a);
    const auto right = UrlPassword::split(b);
    return left && right ? left->url == right->url : a == b;
}

} // namespace

DatabaseChooser::DatabaseChooser(QWidget *parent)
    : QComboBox(parent)
    , m_vault(PasswordVault::createDefault(this))
    , m_resolver(new ConnectionResolver(m_vault, this))
{
    setObjectName(QStringLiteral("url"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumWidth(320);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    lineEdit()->setPlaceholderText(tr("sqlite:///app.db or postgresql://user@host/db"));
    setToolTip(tr("The database to work on. Enter a URL, or pick one offered for this project;\n"
                  "saved profiles are edited under Database > Connection Profiles."));
    setPrompt([this](const QString &masked, const QString &profile) {
        return PasswordPrompt::ask(window(), masked, profile);
    });
    connect(m_vault, &PasswordVault::keychainUnavailable, this, &DatabaseChooser::notice);
    connect(this, &QComboBox::activated, this, &DatabaseChooser::choose);
    connect(lineEdit(), &QLineEdit::returnPressed, this, [this] {
        const QString text = currentText().trimmed();
        const int index = findText(text);
        if (index >= 0)
            choose(index);
        else
            chooseText(text);
    });
}

void DatabaseChooser::setPrompt(ConnectionResolver::Prompt prompt)
{
    m_prompt = prompt;
    m_resolver->setPrompt(std::move(prompt));
}

bool DatabaseChooser::isLoginRefused(const QString &databaseMessage)
{
    // libpq's own words (client side, not translated) and the server's for a wrong password.
    return databaseMessage.contains(QLatin1String("no password supplied"))
        || databaseMessage.contains(QLatin1String("password authentication failed"));
}

bool DatabaseChooser::retryAfterRefusedLogin(const QString &url, const QString &databaseMessage)
{
    const auto split = UrlPassword::split(url);
    if (!split || !m_prompt || !isLoginRefused(databaseMessage))
        return false;
    // A profile keeps its password under its name; a URL under itself without the password.
    QString profile;
    const int current = currentIndex();
    if (current >= 0 && current < m_choices.size() && m_choices.at(current).kind == UrlChoice::Kind::Profile
        && sameDatabase(m_choices.at(current).url, url))
        profile = m_choices.at(current).profile;
    const std::optional<QString> password = m_prompt(maskedUrl(split->url), profile);
    if (!password)
        return true;
    m_vault->keepForSession(profile.isEmpty() ? split->url : profile, *password);
    emit chosen(UrlPassword::join(split->url, *password));
    return true;
}

void DatabaseChooser::offer(const ProjectConfig &config, const QString &given)
{
    m_choices = urlChoices(config, given, QProcessEnvironment::systemEnvironment(), ConnectionProfiles().all(),
                           RecentProjects::urls());
    clear();
    for (const UrlChoice &choice : m_choices) {
        addItem(choice.display);
        setItemData(count() - 1, choice.source, Qt::ToolTipRole);
    }
    if (!m_choices.isEmpty())
        setCurrentIndex(0);
}

void DatabaseChooser::chooseCurrent()
{
    choose(currentIndex());
}

void DatabaseChooser::choose(int index)
{
    if (index < 0 || index >= m_choices.size())
        return;
    // The answer may come after the keychain replied; the combo may be gone by then.
    QPointer<DatabaseChooser> self(this);
    m_resolver->resolve(m_choices.at(index), [self](const std::optional<QString> &url) {
        if (self && url)
            emit self->chosen(*url);
    });
}

void DatabaseChooser::chooseText(const QString &text)
{
    QPointer<DatabaseChooser> self(this);
    m_resolver->resolveText(text, [self](const std::optional<QString> &url) {
        if (self && url)
            emit self->chosen(*url);
    });
}

void DatabaseChooser::showInUse(const QString &url)
{
    m_inUse = url;
    if (url.isEmpty())
        return;
    RecentProjects::addUrl(url); // stores it without its password
    // The entry chosen stays selected (a profile shows its name); otherwise the first that names
    // this database, else the masked URL as text.
    const int current = currentIndex();
    if (current >= 0 && current < m_choices.size() && sameDatabase(m_choices.at(current).url, url))
        return;
    for (int i = 0; i < m_choices.size(); ++i) {
        if (sameDatabase(m_choices.at(i).url, url)) {
            setCurrentIndex(i);
            return;
        }
    }
    setEditText(maskedUrl(url));
}

} // namespace retort::ui
