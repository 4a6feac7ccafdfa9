// Saved connection profiles, the password vault and the URL box's choices: passwords never reach
// the settings file, the keychain falls back to memory, and choices resolve to the right URL.
#include "dialogs/ConnectionProfilesDialog.h"
#include "dialogs/PasswordPrompt.h"
#include "project/ConnectionProfiles.h"
#include "project/ConnectionResolver.h"
#include "project/MemoryPasswordStore.h"
#include "project/PasswordVault.h"
#include "project/RecentProjects.h"
#include "project/UrlChoices.h"
#include "project/UrlPassword.h"

#ifdef RETORT_WITH_KEYCHAIN
#include "project/KeychainPasswordStore.h"
#endif

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

using namespace retort;
using namespace retort::ui;

namespace {

// A keychain that is not there (what CI has: no Secret Service on D-Bus).
class BrokenKeychain : public PasswordStore
{
public:
    int calls = 0;
    void read(const QString &, Callback done) override { fail(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override { fail(std::move(done)); }
    void remove(const QString &) override { ++calls; }

private:
    void fail(Callback done)
    {
        ++calls;
        PasswordResult result;
        result.status = PasswordResult::Status::Unavailable;
        result.error = QStringLiteral("No keychain service available");
        QTimer::singleShot(0, this, [done, result] { done(result); });
    }
};

// A keychain that works: answers like the real one, persistent.
class WorkingKeychain : public PasswordStore
{
public:
    QHash<QString, QString> entries;
    void read(const QString &key, Callback done) override
    {
        PasswordResult result;
        result.persistent = true;
        if (entries.contains(key))
            result.password = entries.value(key);
        else
            result.status = PasswordResult::Status::NotFound;
        QTimer::singleShot(0, this, [done, result] { done(result); });
    }
    void write(const QString &key, const QString &password, Callback done) override
    {
        entries.insert(key, password);
        PasswordResult result;
        result.persistent = true;
        QTimer::singleShot(0, this, [done, result] {
            if (done)
                done(result);
        });
    }
    void remove(const QString &key) override { entries.remove(key); }
};

struct Outcome
{
    bool finished = false;
    std::optional<QString> url;
};

// Every spelling a password can take in a text file: as is, percent-encoded, and QSettings'
// own escaping of non-ASCII text.
void verifyFileLacks(const QString &path, const QString &password)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.isEmpty(), "the settings file was written");
    QVERIFY2(!bytes.contains(password.toUtf8()), "password in the settings file");
    QVERIFY2(!bytes.contains(QUrl::toPercentEncoding(password)), "percent-encoded password in the settings file");
    QString escaped;
    for (const QChar c : password)
        escaped += c.unicode() < 128 ? QString(c) : QStringLiteral("\\x%1").arg(c.unicode(), 0, 16);
    QVERIFY2(!bytes.contains(escaped.toUtf8()), "escaped password in the settings file");
}

} // namespace

class TestConnectionProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void splitPassword_data();
    void splitPassword();
    void profilesRoundTrip_data();
    void profilesRoundTrip();
    void profileFileNeverHoldsPassword_data();
    void profileFileNeverHoldsPassword();
    void replaceAndRemoveProfiles();
    void recentUrlsWithoutPassword_data();
    void recentUrlsWithoutPassword();
    void recentUrlsWrittenWithPasswordAreCleaned();
    void vaultFallsBackToMemory_data();
    void vaultFallsBackToMemory();
    void vaultUsesWorkingKeychain();
    void realKeychainStoresOrFallsBack();
    void choicesOrder_data();
    void choicesOrder();
    void resolveChoice_data();
    void resolveChoice();
    void typedPasswordMovesToVault();
    void dialogRoundTrip_data();
    void dialogRoundTrip();
    void dialogRenameAndRemove();
    void passwordPrompt_data();
    void passwordPrompt();

private:
    QString settingsFile() const { return QSettings().fileName(); }
    Outcome resolveNow(ConnectionResolver &resolver, const UrlChoice &choice);

    QTemporaryDir m_home;
};

void TestConnectionProfiles::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // The settings of this test only, in a folder of its own.
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTestConnectionProfiles"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectionprofiles"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(settingsFile().startsWith(m_home.path()), qPrintable(settingsFile()));
}

void TestConnectionProfiles::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

void TestConnectionProfiles::splitPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("parses");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");

    QTest::newRow("postgres with password")
        << "postgresql://app:s3cret@db.example:5433/shop" << true << "postgresql://app@db.example:5433/shop"
        << "s3cret";
    QTest::newRow("percent-encoded password")
        << "postgresql://app:p%40ss%3Aw%2Frd@localhost/shop" << true << "postgresql://app@localhost/shop"
        << "p@ss:w/rd";
    QTest::newRow("driver and query") << "postgresql+psycopg2://u:pw@h/db?sslmode=require" << true
                                      << "postgresql+psycopg2://u@h/db?sslmode=require"
                                      << "pw";
    QTest::newRow("no password") << "postgresql://app@localhost/shop" << true << "postgresql://app@localhost/shop"
                                 << "";
    QTest::newRow("sqlite file") << "sqlite:////tmp/app.db" << true << "sqlite:////tmp/app.db"
                                 << "";
    QTest::newRow("not a url") << "app:secret@somewhere" << false << ""
                               << "";
    QTest::newRow("unknown dialect") << "mysql://u:pw@h/db" << false << ""
                                     << "";
}

void TestConnectionProfiles::splitPassword()
{
    QFETCH(QString, text);
    QFETCH(bool, parses);
    QFETCH(QString, url);
    QFETCH(QString, password);

    const std::optional<UrlPassword> split = UrlPassword::split(text);
    QCOMPARE(split.has_value(), parses);
    if (!parses)
        return;
    QCOMPARE(split->url, url);
    QCOMPARE(split->password, password);
    QCOMPARE(split->hasPassword(), !password.isEmpty());
    // Joining gives back a URL that parses to the original.
    const std::optional<UrlPassword> again = UrlPassword::split(UrlPassword::join(split->url, split->password));
    QVERIFY(again.has_value());
    QCOMPARE(again->url, url);
    QCOMPARE(again->password, password);
}

void TestConnectionProfiles::profilesRoundTrip_data()
{
    QTest::addColumn<QList<ConnectionProfile>>("profiles");

    QTest::newRow("none") << QList<ConnectionProfile>{};
    QTest::newRow("one sqlite") << QList<ConnectionProfile>{
        {QStringLiteral("local"), QStringLiteral("sqlite:////tmp/a.db"), false, false}};
    QTest::newRow("several, order kept") << QList<ConnectionProfile>{
        {QStringLiteral("staging"), QStringLiteral("postgresql://app@staging/shop"), true, true},
        {QStringLiteral("prod / eu"), QStringLiteral("postgresql://ro@prod:6432/shop?sslmode=require"), false, true},
        {QStringLiteral("Ärger"), QStringLiteral("sqlite:///relative.db"), false, false},
    };
}

void TestConnectionProfiles::profilesRoundTrip()
{
    QFETCH(QList<ConnectionProfile>, profiles);

    const QString path = m_home.filePath(QStringLiteral("roundtrip.ini"));
    QFile::remove(path);
    {
        QSettings settings(path, QSettings::IniFormat);
        ConnectionProfiles store(settings);
        for (const ConnectionProfile &profile : profiles)
            QVERIFY(store.put(profile));
    }
    QSettings reopened(path, QSettings::IniFormat);
    const QList<ConnectionProfile> loaded = ConnectionProfiles(reopened).all();
    QCOMPARE(loaded, profiles);
    for (const ConnectionProfile &profile : profiles)
        QCOMPARE(ConnectionProfiles(reopened).find(profile.name), std::optional<ConnectionProfile>(profile));
    QVERIFY(!ConnectionProfiles(reopened).find(QStringLiteral("no such profile")).has_value());
}

void TestConnectionProfiles::profileFileNeverHoldsPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");

    QTest::newRow("plain") << "postgresql://app:Zq7xTopSecret@db/shop"
                           << "Zq7xTopSecret";
    QTest::newRow("percent-encoded") << "postgresql://app:Zq7%40x%2FSecret@db/shop"
                                     << "Zq7@x/Secret";
    QTest::newRow("non-ascii") << "postgresql://app:Gr%C3%BC%C3%9Fe42@db/shop" << QStringLiteral("Grüße42");
}

void TestConnectionProfiles::profileFileNeverHoldsPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, password);

    ConnectionProfiles profiles;
    QVERIFY(profiles.put({QStringLiteral("shop"), url, false, false}));
    const std::optional<ConnectionProfile> stored = profiles.find(QStringLiteral("shop"));
    QVERIFY(stored.has_value());
    QCOMPARE(UrlPassword::split(stored->url)->password, QString());
    QCOMPARE(stored->url, UrlPassword::split(url)->url);
    // The URL had a password: connecting will need one.
    QVERIFY(stored->passwordRequired);
    QSettings().sync();
    verifyFileLacks(settingsFile(), password);

    // Text that does not parse may hide a password: nothing is stored.
    QVERIFY(!profiles.put(
        {QStringLiteral("broken"), QStringLiteral("app:") + password + QStringLiteral("@db"), false, false}));
    QVERIFY(!profiles.find(QStringLiteral("broken")).has_value());
    QVERIFY(!profiles.put({QString(), QStringLiteral("sqlite:////tmp/x.db"), false, false}));
}

void TestConnectionProfiles::replaceAndRemoveProfiles()
{
    ConnectionProfiles profiles;
    QVERIFY(profiles.put({QStringLiteral("a"), QStringLiteral("sqlite:////tmp/a.db"), false, false}));
    QVERIFY(profiles.put({QStringLiteral("b"), QStringLiteral("sqlite:////tmp/b.db"), false, false}));
    QVERIFY(profiles.put({QStringLiteral("c"), QStringLiteral("sqlite:////tmp/c.db"), false, false}));
    QVERIFY(profiles.put({QStringLiteral("b"), QStringLiteral("postgresql://u@h/b"), true, true}));
    QList<ConnectionProfile> all = profiles.all();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[1].name, QStringLiteral("b"));
    QCOMPARE(all[1].url, QStringLiteral("postgresql://u@h/b"));
    QVERIFY(all[1].passwordSaved);

    QVERIFY(profiles.remove(QStringLiteral("a")));
    QVERIFY(!profiles.remove(QStringLiteral("a")));
    all = profiles.all();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("b"));
    QCOMPARE(all[1].name, QStringLiteral("c"));
    // A shorter array leaves no third entry behind in the file.
    QVERIFY(!QSettings().contains(QStringLiteral("profiles/3/name")));
}

void TestConnectionProfiles::recentUrlsWithoutPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");

    QTest::newRow("plain") << "postgresql://app:Zq7xRecentPw@db/shop"
                           << "Zq7xRecentPw";
    QTest::newRow("percent-encoded") << "postgresql://app:Zq7%23Recent%25Pw@db/shop"
                                     << "Zq7#Recent%Pw";
}

void TestConnectionProfiles::recentUrlsWithoutPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, password);

    const QString bare = UrlPassword::split(url)->url;
    RecentProjects::addUrl(QStringLiteral("sqlite:////tmp/older.db"));
    RecentProjects::addUrl(url);
    QCOMPARE(RecentProjects::urls(), (QStringList{bare, QStringLiteral("sqlite:////tmp/older.db")}));
    QVERIFY(RecentProjects::urlNeedsPassword(bare));
    QVERIFY(!RecentProjects::urlNeedsPassword(QStringLiteral("sqlite:////tmp/older.db")));
    // Text that is not a URL is not remembered.
    RecentProjects::addUrl(QStringLiteral("app:") + password + QStringLiteral("@db"));
    QCOMPARE(RecentProjects::urls().size(), 2);
    QSettings().sync();
    verifyFileLacks(settingsFile(), password);
}

void TestConnectionProfiles::recentUrlsWrittenWithPasswordAreCleaned()
{
    // As older versions wrote them.
    {
        QSettings settings;
        settings.setValue(QStringLiteral("recent/urls"),
                          QStringList{QStringLiteral("postgresql://app:Zq7xLegacyPw@db/shop"),
                                      QStringLiteral("sqlite:////tmp/a.db"), QStringLiteral("garbage:Zq7xLegacyPw@x")});
    }
    QCOMPARE(RecentProjects::urls(),
             (QStringList{QStringLiteral("postgresql://app@db/shop"), QStringLiteral("sqlite:////tmp/a.db")}));
    QVERIFY(RecentProjects::urlNeedsPassword(QStringLiteral("postgresql://app@db/shop")));
    QSettings().sync();
    verifyFileLacks(settingsFile(), QStringLiteral("Zq7xLegacyPw"));
}

void TestConnectionProfiles::vaultFallsBackToMemory_data()
{
    QTest::addColumn<bool>("withKeychain");
    QTest::newRow("keychain fails at run time") << true;
    QTest::newRow("built without keychain") << false;
}

void TestConnectionProfiles::vaultFallsBackToMemory()
{
    QFETCH(bool, withKeychain);

    auto broken = std::make_unique<BrokenKeychain>();
    BrokenKeychain *keychain = broken.get();
    PasswordVault vault(withKeychain ? std::move(broken) : nullptr);
    QSignalSpy unavailable(&vault, &PasswordVault::keychainUnavailable);

    std::optional<PasswordResult> written;
    vault.write(QStringLiteral("staging"), QStringLiteral("pw-one"), [&](const PasswordResult &r) { written = r; });
    QTRY_VERIFY(written.has_value());
    QVERIFY(written->ok());
    QVERIFY(!written->persistent);
    QVERIFY(!vault.keychainAvailable());
    if (withKeychain)
        QCOMPARE(vault.keychainError(), QStringLiteral("No keychain service available"));
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(unavailable.first().first().toString(),
             QStringLiteral("The system keychain is not available: the password is kept until Retort quits"));

    // Said once: a second password is kept the same way, silently; the keychain is not asked again.
    const int keychainCalls = withKeychain ? keychain->calls : 0;
    written.reset();
    vault.write(QStringLiteral("prod"), QStringLiteral("pw-two"), [&](const PasswordResult &r) { written = r; });
    QTRY_VERIFY(written.has_value());
    QCOMPARE(unavailable.size(), 1);
    if (withKeychain)
        QCOMPARE(keychain->calls, keychainCalls);

    std::optional<PasswordResult> read;
    vault.read(QStringLiteral("staging"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QVERIFY(read->ok());
    QCOMPARE(read->password, QStringLiteral("pw-one"));

    vault.remove(QStringLiteral("staging"));
    read.reset();
    vault.read(QStringLiteral("staging"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->status, PasswordResult::Status::NotFound);
}

void TestConnectionProfiles::vaultUsesWorkingKeychain()
{
    auto working = std::make_unique<WorkingKeychain>();
    WorkingKeychain *keychain = working.get();
    PasswordVault vault(std::move(working));
    QSignalSpy unavailable(&vault, &PasswordVault::keychainUnavailable);

    std::optional<PasswordResult> written;
    vault.write(QStringLiteral("staging"), QStringLiteral("pw"), [&](const PasswordResult &r) { written = r; });
    QTRY_VERIFY(written.has_value());
    QVERIFY(written->ok());
    QVERIFY(written->persistent);
    QCOMPARE(keychain->entries.value(QStringLiteral("staging")), QStringLiteral("pw"));
    QCOMPARE(unavailable.size(), 0);

    // A password for this run only is found first, and never reaches the keychain.
    vault.keepForSession(QStringLiteral("prod"), QStringLiteral("typed"));
    QVERIFY(!keychain->entries.contains(QStringLiteral("prod")));
    std::optional<PasswordResult> read;
    vault.read(QStringLiteral("prod"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->password, QStringLiteral("typed"));
    QVERIFY(!read->persistent);

    read.reset();
    vault.read(QStringLiteral("staging"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->password, QStringLiteral("pw"));
    QVERIFY(read->persistent);
    QVERIFY(vault.keychainAvailable());
}

void TestConnectionProfiles::realKeychainStoresOrFallsBack()
{
#ifndef RETORT_WITH_KEYCHAIN
    QVERIFY(!PasswordVault::builtWithKeychain());
    QSKIP("Built without QtKeychain (RETORT_WITH_KEYCHAIN=OFF)");
#else
    QVERIFY(PasswordVault::builtWithKeychain());
    // A service of this run's own, so a desktop keychain keeps nothing from the test.
    const QString service = QStringLiteral("RetortTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    PasswordVault vault(std::make_unique<KeychainPasswordStore>(service));
    QSignalSpy unavailable(&vault, &PasswordVault::keychainUnavailable);

    std::optional<PasswordResult> written;
    vault.write(QStringLiteral("profile"), QStringLiteral("Zq7xKeychainPw"),
                [&](const PasswordResult &r) { written = r; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
    QVERIFY(written->ok());
    // Either the system keychain has it, or (no Secret Service, as on CI) this run's memory, said once.
    QCOMPARE(unavailable.size(), written->persistent ? 0 : 1);
    QCOMPARE(vault.keychainAvailable(), written->persistent);
    qInfo("system keychain %s", written->persistent ? "available" : "not available: memory fallback used");

    std::optional<PasswordResult> read;
    vault.read(QStringLiteral("profile"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
    QVERIFY(read->ok());
    QVERIFY(read->password == QStringLiteral("Zq7xKeychainPw"));
    vault.remove(QStringLiteral("profile"));
    // QtKeychain's plaintext fallback is off: no file anywhere in the settings folder has it.
    QSettings().sync();
    const QString keychainFallbackFile = QSettings(service, QCoreApplication::applicationName()).fileName();
    QVERIFY(!QFile(keychainFallbackFile).exists() || !QFile(keychainFallbackFile).size());
#endif
}

void TestConnectionProfiles::choicesOrder_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("environmentUrl");
    QTest::addColumn<QString>("projectUrl");
    QTest::addColumn<QList<ConnectionProfile>>("profiles");
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<QStringList>("expected"); // "source|display"

    const QList<ConnectionProfile> two{
        {QStringLiteral("Staging"), QStringLiteral("postgresql://app@staging/shop"), true, true},
        {QStringLiteral("Local"), QStringLiteral("sqlite:////tmp/local.db"), false, false},
    };
    QTest::newRow("all sources") << "sqlite:////tmp/given.db"
                                 << "postgresql://env:envpw@envhost/db"
                                 << "sqlite:///project.db" << two
                                 << QStringList{QStringLiteral("sqlite:////tmp/recent.db")}
                                 << QStringList{QStringLiteral("command line|sqlite:////tmp/given.db"),
                                                QStringLiteral("DATABASE_URL|postgresql://env:***@envhost/db"),
                                                QStringLiteral("alembic.ini|sqlite:///project.db"),
                                                QStringLiteral("profile|Staging — postgresql://app@staging/shop"),
                                                QStringLiteral("profile|Local — sqlite:////tmp/local.db"),
                                                QStringLiteral("recent|sqlite:////tmp/recent.db")};
    QTest::newRow("recent duplicates of earlier entries are dropped")
        << ""
        << "postgresql://env:envpw@envhost/db"
        << "" << two
        << QStringList{QStringLiteral("postgresql://env@envhost/db"), QStringLiteral("sqlite:////tmp/local.db"),
                       QStringLiteral("sqlite:////tmp/other.db")}
        << QStringList{QStringLiteral("DATABASE_URL|postgresql://env:***@envhost/db"),
                       QStringLiteral("profile|Staging — postgresql://app@staging/shop"),
                       QStringLiteral("profile|Local — sqlite:////tmp/local.db"),
                       QStringLiteral("recent|sqlite:////tmp/other.db")};
    QTest::newRow("profile with the project's URL still listed")
        << ""
        << ""
        << "sqlite:////tmp/local.db" << two << QStringList{}
        << QStringList{QStringLiteral("alembic.ini|sqlite:////tmp/local.db"),
                       QStringLiteral("profile|Staging — postgresql://app@staging/shop"),
                       QStringLiteral("profile|Local — sqlite:////tmp/local.db")};
    QTest::newRow("no profiles") << ""
                                 << ""
                                 << "" << QList<ConnectionProfile>{}
                                 << QStringList{QStringLiteral("sqlite:////tmp/r.db")}
                                 << QStringList{QStringLiteral("recent|sqlite:////tmp/r.db")};
}

void TestConnectionProfiles::choicesOrder()
{
    QFETCH(QString, given);
    QFETCH(QString, environmentUrl);
    QFETCH(QString, projectUrl);
    QFETCH(QList<ConnectionProfile>, profiles);
    QFETCH(QStringList, history);
    QFETCH(QStringList, expected);

    ProjectConfig config;
    config.sqlalchemyUrl = projectUrl;
    QProcessEnvironment environment;
    if (!environmentUrl.isEmpty())
        environment.insert(QStringLiteral("DATABASE_URL"), environmentUrl);
    const QList<UrlChoice> choices = urlChoices(config, given, environment, profiles, history);
    QStringList actual;
    for (const UrlChoice &choice : choices) {
        actual.append(choice.source + QLatin1Char('|') + choice.display);
        if (choice.kind == UrlChoice::Kind::Profile)
            QVERIFY(choice.display.startsWith(choice.profile + QStringLiteral(" — ")));
        QVERIFY2(!choice.display.contains(QStringLiteral("envpw")), qPrintable(choice.display));
    }
    QCOMPARE(actual, expected);
}

Outcome TestConnectionProfiles::resolveNow(ConnectionResolver &resolver, const UrlChoice &choice)
{
    Outcome outcome;
    resolver.resolve(choice, [&outcome](const std::optional<QString> &url) {
        outcome.finished = true;
        outcome.url = url;
    });
    (void)QTest::qWaitFor([&] { return outcome.finished; }, 5000);
    return outcome;
}

void TestConnectionProfiles::resolveChoice_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("profileName");
    QTest::addColumn<bool>("profileNeedsPassword");
    QTest::addColumn<bool>("recentNeedsPassword");
    QTest::addColumn<QString>("stored"); // in the vault under the key; empty: none
    QTest::addColumn<QString>("promptAnswer"); // "<cancel>" to cancel
    QTest::addColumn<bool>("expectPrompt");
    QTest::addColumn<QString>("expected"); // "<cancelled>" when cancelled

    const int profile = int(UrlChoice::Kind::Profile);
    const int recent = int(UrlChoice::Kind::Recent);
    const int environment = int(UrlChoice::Kind::Environment);
    const QString pg = QStringLiteral("postgresql://app@db/shop");

    QTest::newRow("profile, password in vault") << profile << pg << "Shop" << true << false << "vaultpw"
                                                << "" << false << "postgresql://app:vaultpw@db/shop";
    QTest::newRow("profile, none stored, asks") << profile << pg << "Shop" << true << false << ""
                                                << "typed" << true << "postgresql://app:typed@db/shop";
    QTest::newRow("profile, none stored, cancelled") << profile << pg << "Shop" << true << false << ""
                                                     << "<cancel>" << true << "<cancelled>";
    QTest::newRow("profile without password") << profile << pg << "Shop" << false << false << ""
                                              << "" << false << pg;
    QTest::newRow("recent, stored") << recent << pg << "" << false << true << "r3cent"
                                    << "" << false << "postgresql://app:r3cent@db/shop";
    QTest::newRow("recent used with password, none stored") << recent << pg << "" << false << true << ""
                                                            << "again" << true << "postgresql://app:again@db/shop";
    QTest::newRow("recent never had a password") << recent << pg << "" << false << false << ""
                                                 << "" << false << pg;
    QTest::newRow("environment URL used as written") << environment << "postgresql://app:envpw@db/shop"
                                                     << "" << false << false << ""
                                                     << "" << false << "postgresql://app:envpw@db/shop";
    QTest::newRow("sqlite profile") << profile << "sqlite:////tmp/x.db"
                                    << "File" << false << false << ""
                                    << "" << false << "sqlite:////tmp/x.db";
}

void TestConnectionProfiles::resolveChoice()
{
    QFETCH(int, kind);
    QFETCH(QString, url);
    QFETCH(QString, profileName);
    QFETCH(bool, profileNeedsPassword);
    QFETCH(bool, recentNeedsPassword);
    QFETCH(QString, stored);
    QFETCH(QString, promptAnswer);
    QFETCH(bool, expectPrompt);
    QFETCH(QString, expected);

    auto keychain = std::make_unique<WorkingKeychain>();
    const QString key = profileName.isEmpty() ? url : profileName;
    if (!stored.isEmpty())
        keychain->entries.insert(key, stored);
    PasswordVault vault(std::move(keychain));
    if (!profileName.isEmpty())
        QVERIFY(ConnectionProfiles().put({profileName, url, false, profileNeedsPassword}));
    if (recentNeedsPassword)
        RecentProjects::addUrl(UrlPassword::join(url, QStringLiteral("old")));

    ConnectionResolver resolver(&vault);
    int prompts = 0;
    resolver.setPrompt([&](const QString &masked, const QString &name) -> std::optional<QString> {
        ++prompts;
        [&] {
            QCOMPARE(masked, url);
            QCOMPARE(name, profileName);
        }();
        if (promptAnswer == QStringLiteral("<cancel>"))
            return std::nullopt;
        return promptAnswer;
    });
    UrlChoice choice{url, maskedUrl(url), QString(), UrlChoice::Kind(kind), profileName};
    Outcome outcome = resolveNow(resolver, choice);
    QVERIFY(outcome.finished);
    QCOMPARE(prompts, expectPrompt ? 1 : 0);
    QCOMPARE(outcome.url.value_or(QStringLiteral("<cancelled>")), expected);

    // An answered prompt is kept for this run: the second time nobody is asked.
    if (expectPrompt && outcome.url) {
        outcome = resolveNow(resolver, choice);
        QCOMPARE(prompts, 1);
        QCOMPARE(outcome.url.value_or(QStringLiteral("<cancelled>")), expected);
    }
}

void TestConnectionProfiles::typedPasswordMovesToVault()
{
    auto working = std::make_unique<WorkingKeychain>();
    WorkingKeychain *keychain = working.get();
    PasswordVault vault(std::move(working));
    ConnectionResolver resolver(&vault);
    resolver.setPrompt([](const QString &, const QString &) -> std::optional<QString> {
        QTest::qFail("no prompt expected", __FILE__, __LINE__);
        return std::nullopt;
    });

    const QString typed = QStringLiteral("  postgresql://app:Zq7xTypedPw@db/shop  ");
    std::optional<QString> connectWith;
    resolver.resolveText(typed, [&](const std::optional<QString> &url) { connectWith = url; });
    QTRY_VERIFY(connectWith.has_value());
    QCOMPARE(*connectWith, typed.trimmed());
    QTRY_COMPARE(keychain->entries.value(QStringLiteral("postgresql://app@db/shop")), QStringLiteral("Zq7xTypedPw"));

    // What the window then records, and what choosing it again later gives.
    RecentProjects::addUrl(*connectWith);
    QCOMPARE(RecentProjects::urls(), QStringList{QStringLiteral("postgresql://app@db/shop")});
    QSettings().sync();
    verifyFileLacks(settingsFile(), QStringLiteral("Zq7xTypedPw"));
    const Outcome again =
        resolveNow(resolver, {QStringLiteral("postgresql://app@db/shop"), {}, {}, UrlChoice::Kind::Recent, {}});
    QCOMPARE(again.url.value_or(QString()), typed.trimmed());
}

void TestConnectionProfiles::dialogRoundTrip_data()
{
    QTest::addColumn<bool>("keychainWorks");
    QTest::addColumn<bool>("savePassword");
    QTest::addColumn<QString>("urlField");
    QTest::addColumn<QString>("passwordField");
    QTest::addColumn<QString>("expectedPassword");
    QTest::addColumn<bool>("expectSaved");

    QTest::newRow("saved in keychain") << true << true << "postgresql://app@db/shop"
                                       << "Zq7xDialogPw"
                                       << "Zq7xDialogPw" << true;
    QTest::newRow("keychain unavailable") << false << true << "postgresql://app@db/shop"
                                          << "Zq7xDialogPw"
                                          << "Zq7xDialogPw" << false;
    QTest::newRow("this run only") << true << false << "postgresql://app@db/shop"
                                   << "Zq7xDialogPw"
                                   << "Zq7xDialogPw" << false;
    QTest::newRow("password written in the URL") << true << true << "postgresql://app:Zq7xInUrl@db/shop"
                                                 << ""
                                                 << "Zq7xInUrl" << true;
    QTest::newRow("no password") << true << true << "sqlite:////tmp/app.db"
                                 << ""
                                 << "" << false;
}

void TestConnectionProfiles::dialogRoundTrip()
{
    QFETCH(bool, keychainWorks);
    QFETCH(bool, savePassword);
    QFETCH(QString, urlField);
    QFETCH(QString, passwordField);
    QFETCH(QString, expectedPassword);
    QFETCH(bool, expectSaved);

    std::unique_ptr<PasswordStore> keychain;
    if (keychainWorks)
        keychain = std::make_unique<WorkingKeychain>();
    else
        keychain = std::make_unique<BrokenKeychain>();
    PasswordVault vault(std::move(keychain));
    ConnectionProfilesDialog dialog(&vault);
    QSignalSpy changed(&dialog, &ConnectionProfilesDialog::profilesChanged);
    QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);

    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Shop DB"));
    dialog.urlEdit()->setText(urlField);
    QTest::keyClicks(dialog.passwordEdit(), passwordField);
    dialog.savePasswordBox()->setChecked(savePassword);
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("saveProfile")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveProfile")), Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(dialog.list()->count(), 1);
    QCOMPARE(dialog.passwordEdit()->text(), QString());

    const QString bare = UrlPassword::split(urlField)->url;
    QTRY_COMPARE(ConnectionProfiles().find(QStringLiteral("Shop DB")).value_or(ConnectionProfile{}).passwordSaved,
                 expectSaved);
    const ConnectionProfile profile = *ConnectionProfiles().find(QStringLiteral("Shop DB"));
    QCOMPARE(profile.url, bare);
    QCOMPARE(profile.passwordRequired, !expectedPassword.isEmpty());
    if (!keychainWorks)
        QTRY_COMPARE(dialog.notice(), PasswordVault::unavailableMessage());

    std::optional<PasswordResult> read;
    vault.read(QStringLiteral("Shop DB"), [&](const PasswordResult &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->ok() ? read->password : QString(), expectedPassword);
    QSettings().sync();
    if (!expectedPassword.isEmpty())
        verifyFileLacks(settingsFile(), expectedPassword);

    // Back into the form: the fields as saved, the password never shown.
    dialog.newProfile();
    QCOMPARE(dialog.nameEdit()->text(), QString());
    dialog.list()->setCurrentRow(0);
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Shop DB"));
    QCOMPARE(dialog.urlEdit()->text(), bare);
    QCOMPARE(dialog.passwordEdit()->text(), QString());
    QCOMPARE(dialog.savePasswordBox()->isChecked(), expectSaved || expectedPassword.isEmpty());

    // A fresh dialog reads the same from the settings.
    ConnectionProfilesDialog reopened(&vault);
    QCOMPARE(reopened.list()->count(), 1);
    QCOMPARE(reopened.list()->item(0)->text(), QStringLiteral("Shop DB"));
}

void TestConnectionProfiles::dialogRenameAndRemove()
{
    auto working = std::make_unique<WorkingKeychain>();
    WorkingKeychain *keychain = working.get();
    PasswordVault vault(std::move(working));
    ConnectionProfilesDialog dialog(&vault);

    dialog.nameEdit()->setText(QStringLiteral("old"));
    dialog.urlEdit()->setText(QStringLiteral("postgresql://app@db/shop"));
    dialog.passwordEdit()->setText(QStringLiteral("pw"));
    QVERIFY(dialog.save());
    QTRY_VERIFY(ConnectionProfiles().find(QStringLiteral("old"))->passwordSaved);

    // A second new profile of the same name is refused.
    dialog.newProfile();
    dialog.nameEdit()->setText(QStringLiteral("old"));
    dialog.urlEdit()->setText(QStringLiteral("sqlite:////tmp/x.db"));
    QVERIFY(!dialog.save());
    QVERIFY(!dialog.notice().isEmpty());
    QCOMPARE(ConnectionProfiles().all().size(), 1);

    // Renamed: the stored password follows.
    dialog.select(QStringLiteral("old"));
    dialog.nameEdit()->setText(QStringLiteral("new"));
    QVERIFY(dialog.save());
    QVERIFY(!ConnectionProfiles().find(QStringLiteral("old")).has_value());
    QTRY_COMPARE(keychain->entries.value(QStringLiteral("new")), QStringLiteral("pw"));
    QTRY_VERIFY(!keychain->entries.contains(QStringLiteral("old")));
    QTRY_VERIFY(ConnectionProfiles().find(QStringLiteral("new"))->passwordSaved);

    // Removed: the profile and its password.
    dialog.select(QStringLiteral("new"));
    dialog.removeSelected();
    QCOMPARE(dialog.list()->count(), 0);
    QVERIFY(ConnectionProfiles().all().isEmpty());
    QVERIFY(!keychain->entries.contains(QStringLiteral("new")));
}

void TestConnectionProfiles::passwordPrompt_data()
{
    QTest::addColumn<bool>("accept");
    QTest::addColumn<QString>("typed");
    QTest::newRow("accepted") << true << "s3cret";
    QTest::newRow("accepted empty: connect without") << true << "";
    QTest::newRow("cancelled") << false << "s3cret";
}

void TestConnectionProfiles::passwordPrompt()
{
    QFETCH(bool, accept);
    QFETCH(QString, typed);

    std::optional<QString> answer;
    QTimer::singleShot(0, this, [&] {
        auto *prompt = qobject_cast<PasswordPrompt *>(QApplication::activeModalWidget());
        QVERIFY(prompt);
        QCOMPARE(prompt->passwordEdit()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(prompt->passwordEdit(), typed);
        if (accept)
            prompt->accept();
        else
            prompt->reject();
    });
    answer = PasswordPrompt::ask(nullptr, QStringLiteral("postgresql://app@db/shop"), QStringLiteral("Shop"));
    QCOMPARE(answer.has_value(), accept);
    if (accept)
        QCOMPARE(*answer, typed);
}

QTEST_MAIN(TestConnectionProfiles)
#include "tst_connectionprofiles.moc"
