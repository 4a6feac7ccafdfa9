#include "lint/HistoryLint.h"
#include "script/SqlRevisionReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

class TestHistoryLint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    Revision write(const QString &suffix, const QString &text)
    {
        const QString path = m_dir.filePath(u"r%1%2"_s.arg(++m_count).arg(suffix));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text.toUtf8());
        file.close();
        if (suffix == u".sql")
            return SqlRevisionReader::readFile(path).revision.value_or(Revision{});
        Revision revision;
        revision.id = u"p1"_s;
        revision.path = path;
        revision.format = ScriptFormat::Python;
        return revision;
    }

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // rule@line, or empty

        const QString header = u"-- Revision ID: a1\n-- Revises:\n-- Message: m\n\n"_s;
        const QString python = u"from alembic import op\nimport sqlalchemy as sa\n\nrevision = 'p1'\n"
                               "down_revision = None\n\n\ndef upgrade():\n%1\n"_s;
        // missing-downgrade
        QTest::addRow("native, no downgrade section")
            << u".sql"_s << header + u"-- +upgrade\nCREATE TABLE t (a int);\n"_s << u"missing-downgrade@5"_s;
        QTest::addRow("native, downgrade only for another dialect") << u".sql"_s
                                                                    << header
                + u"-- +upgrade\nALTER TABLE t ADD COLUMN b int;\n-- +downgrade postgresql\n"
                  "ALTER TABLE t DROP COLUMN b;\n"_s << u"missing-downgrade@5"_s;
        QTest::addRow("python, no downgrade()")
            << u".py"_s << python.arg(u"    op.drop_column('t', 'b')"_s) << u"missing-downgrade@8"_s;
        QTest::addRow("native, data only")
            << u".sql"_s << header + u"-- +upgrade\nINSERT INTO t VALUES (1);\n"_s << QString();
        QTest::addRow("python, upgrade only pass") << u".py"_s << python.arg(u"    pass"_s) << QString();
        QTest::addRow("native, with a downgrade")
            << u".sql"_s << header + u"-- +upgrade\nCREATE TABLE t (a int);\n\n-- +downgrade\nDROP TABLE t;\n"_s
            << QString();
        // empty-downgrade
        QTest::addRow("native, empty downgrade section")
            << u".sql"_s << header + u"-- +upgrade\nCREATE TABLE t (a int);\n\n-- +downgrade\n"_s
            << u"empty-downgrade@8"_s;
        QTest::addRow("native, downgrade of comments")
            << u".sql"_s << header + u"-- +upgrade\nDROP INDEX ix;\n\n-- +downgrade\n-- cannot be undone\n"_s
            << u"empty-downgrade@8"_s;
        QTest::addRow("python, downgrade pass")
            << u".py"_s
            << python.arg(u"    op.add_column('t', sa.Column('b', sa.Integer()))\n\n\ndef downgrade():\n"
                          "    \"\"\"Nothing.\"\"\"\n    pass"_s)
            << u"empty-downgrade@12"_s;
        QTest::addRow("python, downgrade does something")
            << u".py"_s
            << python.arg(u"    op.add_column('t', sa.Column('b', sa.Integer()))\n\n\ndef downgrade():\n"
                          "    op.drop_column('t', 'b')"_s)
            << QString();
        QTest::addRow("native, downgrade with a statement")
            << u".sql"_s << header + u"-- +upgrade\nCREATE TABLE t (a int);\n-- +downgrade\nSELECT 1;\n"_s << QString();
        QTest::addRow("python, both pass")
            << u".py"_s << python.arg(u"    pass\n\n\ndef downgrade():\n    pass"_s) << QString();
    }

    void rules()
    {
        QFETCH(QString, suffix);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Revision revision = write(suffix, text);
        QVERIFY(!revision.path.isEmpty());
        const LintFindings findings = lintHistory(revision, {});
        QStringList found;
        for (const LintFinding &finding : findings) {
            found << finding.rule + u'@' + QString::number(finding.line);
            QCOMPARE(finding.revision, revision.id);
            QVERIFY(!finding.advice.isEmpty());
        }
        QCOMPARE(found, expected.isEmpty() ? QStringList{} : QStringList{expected});
    }

    void disabled()
    {
        const Revision revision = write(u".sql"_s,
                                        u"-- Revision ID: a1\n-- Revises:\n-- Message: m\n\n-- +upgrade\n"
                                        "CREATE TABLE t (a int);\n"_s);
        RevisionLintOptions options;
        options.config = LintConfig::fromSection({{u"lint_disable"_s, u"missing-downgrade"_s}});
        QVERIFY(lintHistory(revision, options).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryLint)
#include "tst_historylint.moc"
