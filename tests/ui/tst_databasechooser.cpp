// The toolbar's database box: profiles are offered, a chosen entry resolves to the URL with its
// password, and the password never shows in the box, the history or the settings file.
#include "project/ConnectionProfiles.h"
#include "project/DatabaseChooser.h"
#include "project/RecentProjects.h"
#include "script/ProjectConfig.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace retort::ui;

class TestDatabaseChooser : public QObject
{
    Q_OBJECT

private:
    static QStringList itemTexts(const QComboBox &box)
    {
        QStringList texts;
        for (int i = 0; i < box.count(); ++i)
            texts.append(box.itemText(i));
        return texts;
    }

    static QByteArray settingsBytes()
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // The URL the box resolves its current entry to.
    static QString resolveCurrent(DatabaseChooser &box)
    {
        QSignalSpy chosen(&box, &DatabaseChooser::chosen);
        box.chooseCurrent();
        if (chosen.isEmpty() && !chosen.wait(5000))
            return QStringLiteral("<nothing chosen>");
        return chosen.constFirst().constFirst().toString();
    }

private slots:
    void initTestCase()
    {
        qunsetenv("DATABASE_URL");
        QCoreApplication::setOrganizationName(QStringLiteral("RetortTestDatabaseChooser"));
    }

    void init() { QSettings().clear(); }

    void givenUrlWithPasswordIsMaskedEverywhere()
    {
        const QString url = QStringLiteral("postgresql://app:s3cr3t-pw@db.example:5433/shop");
        DatabaseChooser box;
        box.offer(ProjectConfig{}, url);
        QVERIFY(box.count() >= 1);
        QVERIFY(!itemTexts(box).join(u'\n').contains(QLatin1String("s3cr3t-pw")));
        QCOMPARE(resolveCurrent(box), url);

        box.showInUse(url);
        QCOMPARE(box.inUse(), url);
        QVERIFY(!box.currentText().contains(QLatin1String("s3cr3t-pw")));
        QVERIFY(box.currentText().contains(QLatin1String("db.example")));
        const QStringList history = RecentProjects::urls();
        QCOMPARE(history.size(), 1);
        QVERIFY(!history.constFirst().contains(QLatin1String("s3cr3t-pw")));
        QVERIFY(!settingsBytes().contains("s3cr3t-pw"));
    }

    void profileIsOfferedAndAsksForItsPassword()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("staging");
        profile.url = QStringLiteral("postgresql://deploy@staging.example/app");
        profile.passwordRequired = true;
        QVERIFY(ConnectionProfiles().put(profile));

        DatabaseChooser box;
        int asked = 0;
        box.setPrompt([&asked](const QString &masked, const QString &name) -> std::optional<QString> {
            ++asked;
            if (name != QLatin1String("staging") || !masked.contains(QLatin1String("staging.example")))
                return std::nullopt;
            return QStringLiteral("typed-pw");
        });
        box.offer(ProjectConfig{}, QString());
        const int index =
            itemTexts(box).indexOf(QRegularExpression(QStringLiteral("^staging\\b.*staging\\.example.*")));
        QVERIFY2(index >= 0, qPrintable(itemTexts(box).join(u'|')));
        box.setCurrentIndex(index);
        QCOMPARE(resolveCurrent(box), QStringLiteral("postgresql://deploy:typed-pw@staging.example/app"));
        QCOMPARE(asked, 1);

        // Shown in use, the profile's entry stays selected, masked.
        box.showInUse(QStringLiteral("postgresql://deploy:typed-pw@staging.example/app"));
        QCOMPARE(box.currentIndex(), index);
        QVERIFY(!box.currentText().contains(QLatin1String("typed-pw")));
        // The password typed is kept for this run: choosing again does not ask again.
        QCOMPARE(resolveCurrent(box), QStringLiteral("postgresql://deploy:typed-pw@staging.example/app"));
        QCOMPARE(asked, 1);
        QVERIFY(!settingsBytes().contains("typed-pw"));
    }

    void cancelledPromptChoosesNothing()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("prod");
        profile.url = QStringLiteral("postgresql://admin@prod.example/app");
        profile.passwordRequired = true;
        QVERIFY(ConnectionProfiles().put(profile));

        DatabaseChooser box;
        box.setPrompt([](const QString &, const QString &) { return std::optional<QString>(); });
        box.offer(ProjectConfig{}, QString());
        const int index = itemTexts(box).indexOf(QRegularExpression(QStringLiteral("^prod\\b.*")));
        QVERIFY(index >= 0);
        box.setCurrentIndex(index);
        QSignalSpy chosen(&box, &DatabaseChooser::chosen);
        box.chooseCurrent();
        QVERIFY(!chosen.wait(300));
        QVERIFY(chosen.isEmpty());
    }
};

QTEST_MAIN(TestDatabaseChooser)
#include "tst_databasechooser.moc"
