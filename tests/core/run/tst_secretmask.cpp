#include "run/SecretMask.h"

#include <QTest>

using namespace Qt::StringLiterals;
using retort::SecretMask;

class TestSecretMask : public QObject
{
    Q_OBJECT
private slots:
    void maskUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked");
        QTest::newRow("postgres") << u"postgresql://bob:s3cret@db:5432/app"_s << u"postgresql://bob:***@db:5432/app"_s;
        QTest::newRow("driver in scheme")
            << u"x postgresql+psycopg2://u:p%40ss@h/d y"_s << u"x postgresql+psycopg2://u:***@h/d y"_s;
        QTest::newRow("unencoded @ in password") << u"mysql://u:p@ss@host/db"_s << u"mysql://u:***@host/db"_s;
        QTest::newRow("no password") << u"postgresql://bob@db/app"_s << u"postgresql://bob@db/app"_s;
        QTest::newRow("sqlite path") << u"sqlite:////tmp/a.db"_s << u"sqlite:////tmp/a.db"_s;
        QTest::newRow("two urls") << u"a://u:1@h b://v:2@k"_s << u"a://u:***@h b://v:***@k"_s;
        QTest::newRow("empty password") << u"a://u:@h"_s << u"a://u:@h"_s;
    }

    void maskUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QCOMPARE(SecretMask::maskUrls(text), masked);
    }

    void passwordsAreMaskedAnywhere()
    {
        const QString url = u"postgresql://bob:p%40ss@db/app"_s;
        const QStringList secrets = SecretMask::passwordsOf(url);
        QCOMPARE(secrets, (QStringList{u"p%40ss"_s, u"p@ss"_s}));
        QCOMPARE(SecretMask::mask(u"login failed for p@ss and p%40ss"_s, secrets), u"login failed for *** and ***"_s);
        QVERIFY(SecretMask::passwordsOf(u"sqlite:///x.db"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
