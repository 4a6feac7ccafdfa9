#include "lint/LintConfig.h"
#include "lint/RevisionLint.h"
#include "lint/SqlLint.h"
#include "script/SqlRevisionReader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

QStringList rulesOf(const LintFindings &findings)
{
    QStringList rules;
    for (const LintFinding &finding : findings)
        rules << finding.rule + u'@' + QString::number(finding.line);
    return rules;
}

SqlScript scriptOf(const QString &body)
{
    const QString text = u"-- Revision ID: a1\n-- Revises:\n-- Message: m\n\n"_s + body;
    return SqlRevisionReader::read(text.toUtf8(), u"a1_m.sql"_s).script;
}

} // namespace

class TestLintControl : public QObject
{
    Q_OBJECT

private slots:
    void ignore_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("expected"); // rule@line with the PostgreSQL rules

        QTest::addRow("no directive") << u"DROP TABLE a;\nDROP TABLE b;"_s
                                      << QStringList{u"ban-drop-table@1"_s, u"require-timeout-settings@1"_s,
                                                     u"ban-drop-table@2"_s};
        QTest::addRow("ignore one rule above") << u"-- retort: ignore ban-drop-table\nDROP TABLE a;\nDROP TABLE b;"_s
                                               << QStringList{u"require-timeout-settings@2"_s, u"ban-drop-table@3"_s};
        QTest::addRow("ignore two rules")
            << u"-- retort: ignore ban-drop-table, require-timeout-settings\nDROP TABLE a;"_s << QStringList{};
        QTest::addRow("ignore all") << u"-- why: the table is empty\n-- retort: ignore all\nTRUNCATE a;"_s
                                    << QStringList{};
        QTest::addRow("a directive after the previous statement's end belongs to it")
            << u"SET lock_timeout = '1s'; -- retort: ignore ban-drop-table\nDROP TABLE a;"_s
            << QStringList{u"ban-drop-table@2"_s};
        QTest::addRow("another rule is not silenced")
            << u"SET lock_timeout = '1s';\n-- retort: ignore ban-drop-column\nDROP TABLE a;"_s
            << QStringList{u"ban-drop-table@3"_s};
        QTest::addRow("a directive in a string is none")
            << u"SET lock_timeout = '1s';\nSELECT '-- retort: ignore ban-drop-table';\nDROP TABLE a;"_s
            << QStringList{u"ban-drop-table@3"_s};
    }

    void ignore()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, expected);
        StepLintState state;
        QCOMPARE(rulesOf(lintSql(sql, 1, state)), expected);
    }

    void config()
    {
        const LintConfig config = LintConfig::fromSection({
            {u"lint_disable"_s, u"renaming-table, no-such-rule"_s},
            {u"lint_severity.ban-drop-column"_s, u"warning"_s},
            {u"lint_severity.require-timeout-settings"_s, u"off"_s},
            {u"lint_severity.ban-drop-table"_s, u"loud"_s},
            {u"lint_postgres_version"_s, u"10"_s},
            {u"url"_s, u"sqlite:///x.db"_s},
        });
        QVERIFY(config.disabled.contains(u"renaming-table"_s));
        QVERIFY(config.disabled.contains(u"require-timeout-settings"_s));
        QCOMPARE(config.severities.value(u"ban-drop-column"_s), LintSeverity::Warning);
        QVERIFY(!config.severities.contains(u"ban-drop-table"_s));
        QCOMPARE(config.postgresVersion, 10);
        QCOMPARE(config.problems.size(), 2); // the unknown rule and the bad severity
        QVERIFY(config.problems.at(0).message.contains(u"no-such-rule"_s)
                || config.problems.at(1).message.contains(u"no-such-rule"_s));

        RevisionLintOptions options;
        options.dialects = {SqlDialect::PostgreSql};
        options.config = config;
        const LintFindings findings = lintSqlScript(
            scriptOf(u"-- +upgrade\nALTER TABLE a RENAME TO b;\nALTER TABLE c DROP COLUMN d;\nDROP TABLE e;\n"_s),
            SqlDirection::Upgrade, true, options);
        QCOMPARE(rulesOf(findings), (QStringList{u"ban-drop-table@8"_s, u"ban-drop-column@7"_s}));
        QCOMPARE(findings.at(0).severity, LintSeverity::Error);
        QCOMPARE(findings.at(1).severity, LintSeverity::Warning);
    }

    void badPostgresVersion()
    {
        const LintConfig config = LintConfig::fromSection({{u"lint_postgres_version"_s, u"fifteen"_s}});
        QVERIFY(!config.postgresVersion);
        QCOMPARE(config.problems.size(), 1);
    }

    void dialects_data()
    {
        QTest::addColumn<QList<SqlDialect>>("dialects");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("postgresql project")
            << QList<SqlDialect>{SqlDialect::PostgreSql}
            << QStringList{u"sqlite-unsupported-alter@10"_s, u"changing-column-type@6"_s,
                           u"require-concurrent-index-creation@8"_s, u"require-timeout-settings@6"_s};
        QTest::addRow("sqlite project") << QList<SqlDialect>{SqlDialect::Sqlite}
                                        << QStringList{u"sqlite-unsupported-alter@6"_s,
                                                       u"sqlite-unsupported-alter@10"_s,
                                                       u"require-concurrent-index-creation@8"_s};
        QTest::addRow("dialect unknown: both")
            << QList<SqlDialect>{}
            << QStringList{u"sqlite-unsupported-alter@6"_s, u"sqlite-unsupported-alter@10"_s,
                           u"changing-column-type@6"_s, u"require-concurrent-index-creation@8"_s,
                           u"require-timeout-settings@6"_s};
    }

    // Unmarked sections get the project's dialect's rules; marked ones their own dialect's.
    void dialects()
    {
        QFETCH(QList<SqlDialect>, dialects);
        QFETCH(QStringList, expected);
        const QString body = u"-- +upgrade\nALTER TABLE a ALTER COLUMN b TYPE text;\n"
                             u"-- +upgrade postgresql\nCREATE INDEX ix ON a (b);\n"
                             u"-- +upgrade sqlite\nALTER TABLE c ADD CONSTRAINT k CHECK (x > 0);\n"_s;
        RevisionLintOptions options;
        options.dialects = dialects;
        QStringList rules = rulesOf(lintSqlScript(scriptOf(body), SqlDirection::Upgrade, true, options));
        rules.sort();
        expected.sort();
        QCOMPARE(rules, expected);
    }
};

QTEST_GUILESS_MAIN(TestLintControl)
#include "tst_lintcontrol.moc"
