// The SQL tab of a Python revision: rendered offline by the project's own Alembic (Debian's
// alembic here), on a thread of its own, with a clear note when that cannot work.
#include "details/OfflineSqlLoader.h"
#include "details/RevisionDetailsView.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace retort::ui;

class TestOfflineSql : public QObject
{
    Q_OBJECT

private:
    QString m_project = QStringLiteral(RETORT_SOURCE_DIR "/tests/interop/plainalembic");
    QTemporaryDir m_dir;
    std::shared_ptr<const ProjectSnapshot> m_snapshot;

    QString url() const { return QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("offline.db")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_snapshot = ProjectSnapshot::load(m_project, m_project);
        QVERIFY(m_snapshot->problems().isEmpty());
        QCOMPARE(m_snapshot->map().size(), 2);
    }

    void targets_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QStringList>("targets");
        QTest::newRow("base revision") << QStringLiteral(
            "5a845b9de09e") << QStringList{QStringLiteral("5a845b9de09e"), QStringLiteral("5a845b9de09e:base")};
        QTest::newRow("child") << QStringLiteral("6770b7f3cde6")
                               << QStringList{QStringLiteral("5a845b9de09e:6770b7f3cde6"),
                                              QStringLiteral("6770b7f3cde6:5a845b9de09e")};
    }

    void targets()
    {
        QFETCH(QString, revision);
        QFETCH(QStringList, targets);
        const RevisionMap &map = m_snapshot->map();
        QCOMPARE(OfflineSqlLoader::upgradeAndDowngradeTargets(map, map.indexOf(revision)), targets);
    }

    void sqlTabRendersThroughAlembic()
    {
        RevisionDetailsView view;
        view.setOfflineSqlSource(m_snapshot, url(), m_project);
        view.showRevision(*m_snapshot, m_snapshot->map().indexOf(QStringLiteral("6770b7f3cde6")), SqlDialect::Sqlite);
        // Not rendered until the tab is shown: browsing revisions starts no Python.
        QVERIFY(view.sqlText().contains(QLatin1String("rendered when this tab is shown")));
        view.showSqlTab();
        QTRY_VERIFY_WITH_TIMEOUT(!view.sqlText().contains(QLatin1String("rendering")), 60000);
        const QString sql = view.sqlText();
        QVERIFY2(sql.contains(QLatin1String("ALTER TABLE clients ADD COLUMN email")), qPrintable(sql));
        QVERIFY2(sql.contains(QLatin1String("-- downgrade 6770b7f3cde6:5a845b9de09e --sql")), qPrintable(sql));
        // The upgrade renders only this step, not the revision below it.
        QVERIFY2(!sql.contains(QLatin1String("CREATE TABLE clients")), qPrintable(sql));
        QVERIFY2(sql.contains(QLatin1String("UPDATE alembic_version SET version_num='6770b7f3cde6'")), qPrintable(sql));
        // Alembic cannot render a batch downgrade on SQLite offline; its reason is shown there.
        const QString downgrade = sql.mid(sql.indexOf(QLatin1String("-- downgrade")));
        QVERIFY2(downgrade.contains(QLatin1String("could not render this offline")), qPrintable(sql));
        QVERIFY2(downgrade.contains(QLatin1String("live database connection")), qPrintable(sql));
    }

    void answerIsKeptForTheProject()
    {
        OfflineSqlLoader loader;
        loader.setProject(m_snapshot, url(), m_project);
        QSignalSpy rendered(&loader, &OfflineSqlLoader::rendered);
        loader.load(QStringLiteral("5a845b9de09e"));
        QVERIFY(rendered.wait(60000));
        QCOMPARE(rendered.constFirst().constFirst().toString(), QStringLiteral("5a845b9de09e"));
        QVERIFY(rendered.constFirst().at(1).toString().contains(QLatin1String("CREATE TABLE clients")));
        loader.load(QStringLiteral("5a845b9de09e"));
        QCOMPARE(rendered.size(), 2); // answered at once, from what is known
    }

    void failureIsAClearNote()
    {
        // A project whose Alembic cannot run: env.py raises.
        QTemporaryDir broken;
        QVERIFY(broken.isValid());
        const QString root = broken.path();
        QVERIFY(QDir().mkpath(root + QStringLiteral("/migrations/versions")));
        QVERIFY(QFile::copy(m_project + QStringLiteral("/alembic.ini"), root + QStringLiteral("/alembic.ini")));
        QVERIFY(QFile::copy(m_project + QStringLiteral("/migrations/versions/5a845b9de09e_create_clients.py"),
                            root + QStringLiteral("/migrations/versions/5a845b9de09e_create_clients.py")));
        QFile env(root + QStringLiteral("/migrations/env.py"));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("raise RuntimeError('env.py is broken on purpose')\n");
        env.close();
        const auto snapshot = ProjectSnapshot::load(root, root);
        RevisionDetailsView view;
        view.setOfflineSqlSource(snapshot, url(), root);
        view.showRevision(*snapshot, snapshot->map().indexOf(QStringLiteral("5a845b9de09e")), SqlDialect::Sqlite);
        view.showSqlTab();
        QTRY_VERIFY_WITH_TIMEOUT(!view.sqlText().contains(QLatin1String("rendering")), 60000);
        QVERIFY2(view.sqlText().contains(QLatin1String("could not render 5a845b9de09e")), qPrintable(view.sqlText()));
        QVERIFY2(view.sqlText().contains(QLatin1String("broken on purpose")), qPrintable(view.sqlText()));
    }
};

QTEST_MAIN(TestOfflineSql)
#include "tst_offlinesql.moc"
