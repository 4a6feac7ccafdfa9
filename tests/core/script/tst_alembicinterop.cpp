#include "script/ProjectConfig.h"
#include "script/ScriptDirectory.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace retort;

// Reads generated histories with Debian's Alembic (alembic_dump.py) and with ScriptDirectory,
// and compares every revision's graph fields and message.
class TestAlembicInterop : public QObject
{
    Q_OBJECT

private:
    const QString python = u"/usr/bin/python3"_s;

    bool run(const QStringList &args, QByteArray *output)
    {
        QProcess p;
        p.start(python, args);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("%s", p.readAllStandardError().constData());
            return false;
        }
        *output = p.readAllStandardOutput();
        return true;
    }

private slots:
    void initTestCase()
    {
        QByteArray out;
        if (!QFileInfo(python).isExecutable() || !run({u"-c"_s, u"import alembic"_s}, &out))
            QFAIL("Debian's python3-alembic is not installed: packaging/setup-deps.sh installs it");
    }

    void sameAsAlembic_data()
    {
        QTest::addColumn<QStringList>("generatorArgs");
        QTest::newRow("straight line") << QStringList{u"--count"_s, u"120"_s,           u"--seed"_s,
                                                      u"1"_s,       u"--branchiness"_s, u"0"_s};
        QTest::newRow("branchy, labels, depends") << QStringList{
            u"--count"_s, u"150"_s, u"--seed"_s, u"7"_s, u"--branchiness"_s, u"0.3"_s, u"--labels"_s, u"--depends"_s};
        QTest::newRow("other seed") << QStringList{u"--count"_s,       u"150"_s, u"--seed"_s,   u"42"_s,
                                                   u"--branchiness"_s, u"0.5"_s, u"--labels"_s, u"--depends"_s};
    }

    void sameAsAlembic()
    {
        QFETCH(QStringList, generatorArgs);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString project = QFileInfo(tmp.path()).canonicalFilePath();
        QByteArray ignored;
        QVERIFY(run(QStringList{QStringLiteral(RETORT_SOURCE_DIR "/tests/bench/gen_history.py")} + generatorArgs
                        + QStringList{u"--out"_s, project},
                    &ignored));
        QByteArray dump;
        QVERIFY(
            run({QStringLiteral(RETORT_SOURCE_DIR "/tests/core/script/alembic_dump.py"), project + u"/alembic.ini"_s},
                &dump));
        const QJsonArray expected = QJsonDocument::fromJson(dump).array();
        QVERIFY(!expected.isEmpty());

        const ProjectConfig config = ProjectConfig::fromDirectory(project);
        QVERIFY(config.isValid());
        const ScriptDirectory sd = ScriptDirectory::load(config);
        QVERIFY2(sd.problems.isEmpty(), qPrintable(sd.problems.value(0).toString()));
        Revisions revisions = sd.revisions;
        std::sort(revisions.begin(), revisions.end(),
                  [](const Revision &a, const Revision &b) { return a.path < b.path; });
        QCOMPARE(revisions.size(), expected.size());
        for (qsizetype i = 0; i < revisions.size(); ++i) {
            const Revision &r = revisions.at(i);
            const QJsonObject e = expected.at(i).toObject();
            QCOMPARE(r.path, e.value(u"path"_s).toString());
            QCOMPARE(r.id, e.value(u"id"_s).toString());
            QCOMPARE(r.downRevisions, e.value(u"down"_s).toVariant().toStringList());
            QCOMPARE(r.branchLabels, e.value(u"labels"_s).toVariant().toStringList());
            QCOMPARE(r.dependsOn, e.value(u"depends"_s).toVariant().toStringList());
            QCOMPARE(r.message, e.value(u"doc"_s).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestAlembicInterop)
#include "tst_alembicinterop.moc"
