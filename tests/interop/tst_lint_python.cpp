// `retort lint` on a Python project that Debian's alembic created (alembic init, alembic
// revision): the static read of the op.* calls finds what the SQL Alembic itself renders for the
// revision (alembic upgrade --sql) shows, with the file lines of the calls.
#include "CliProcess.h"
#include "lint/SqlLint.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

QString alembic(const QString &directory, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(u"/usr/bin/alembic"_s, arguments);
    process.waitForFinished(120000);
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

bool replaceIn(const QString &path, const QString &from, const QString &to)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) > 0;
}

} // namespace

class TestLintPython : public QObject
{
    Q_OBJECT

private slots:
    void staticReadMatchesAlembicsSql()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int exitCode = -1;
        QString output = alembic(dir.path(), {u"init"_s, u"migrations"_s}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(output));
        QVERIFY(replaceIn(dir.filePath(u"alembic.ini"_s), u"driver://user:pass@localhost/dbname"_s,
                          u"postgresql://nobody@127.0.0.1:1/none"_s));
        output = alembic(dir.path(), {u"revision"_s, u"-m"_s, u"hazards"_s, u"--rev-id"_s, u"a1"_s}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(output));
        const QString script = dir.filePath(u"migrations/versions/a1_hazards.py"_s);
        QVERIFY(replaceIn(script, u"def upgrade() -> None:\n    pass"_s,
                          u"def upgrade() -> None:\n"
                          "    op.add_column('users', sa.Column('age', sa.Integer(), nullable=False))\n"
                          "    op.drop_column('users', 'email')\n"
                          "    op.create_index('ix_users_name', 'users', ['name'])\n"
                          "    # retort: ignore ban-drop-table\n"
                          "    op.drop_table('sessions')\n"
                          "    op.execute(\"DELETE FROM users\")"_s));

        // What Alembic renders for the revision, linted as SQL with PostgreSQL's rules.
        output = alembic(dir.path(), {u"upgrade"_s, u"head"_s, u"--sql"_s}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(output));
        const qsizetype from = output.indexOf(u"-- Running upgrade  -> a1"_s);
        const qsizetype to = output.indexOf(u"INSERT INTO alembic_version"_s);
        QVERIFY2(from > 0 && to > from, qPrintable(output));
        StepLintState state;
        QSet<QString> rendered;
        for (const LintFinding &finding : lintSql(QStringView(output).mid(from, to - from), 1, state))
            rendered.insert(finding.rule);

        // A second revision whose SQL only Alembic's rendering shows (a variable).
        output = alembic(dir.path(), {u"revision"_s, u"-m"_s, u"more"_s, u"--rev-id"_s, u"a2"_s}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(output));
        QVERIFY(replaceIn(dir.filePath(u"migrations/versions/a2_more.py"_s), u"def upgrade() -> None:\n    pass"_s,
                          u"def upgrade() -> None:\n    sql = 'DROP TABLE ' + 'legacy'\n    op.execute(sql)"_s));

        // What retort finds: the static read of the file and the SQL the project's Alembic
        // renders offline, cached per script (the server cannot be reached: the URL's dialect,
        // every revision).
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CACHE_HOME"_s, cache.path());
        CliResult run = runRetort({u"lint"_s, u"--json"_s}, environment, dir.path());
        QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
        QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QHash<QString, int> lines;
        QHash<QString, QString> messages;
        for (const QJsonValue &value : report.value(u"findings"_s).toArray()) {
            const QJsonObject finding = value.toObject();
            const QString key = finding.value(u"revision"_s).toString() == u"a1"
                ? finding.value(u"rule"_s).toString()
                : u"a2:"_s + finding.value(u"rule"_s).toString();
            lines.insert(key, finding.value(u"line"_s).toInt());
            messages.insert(key, finding.value(u"message"_s).toString());
        }
        QCOMPARE(lines.value(u"a2:ban-drop-table"_s), 19); // at def upgrade(), from the rendered SQL
        QVERIFY2(messages.value(u"a2:ban-drop-table"_s).startsWith(u"in the SQL Alembic renders: DROP TABLE legacy"_s),
                 qPrintable(run.out));
        QStringList cached;
        QDirIterator files(cache.path(), {u"*-postgresql.sql"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext())
            cached << files.next();
        QCOMPARE(cached.size(), 2);
        // A second run reads the cache and gives the same findings.
        const CliResult again = runRetort({u"lint"_s, u"--json"_s}, environment, dir.path());
        QCOMPARE(QJsonDocument::fromJson(again.out.toUtf8()).object().value(u"findings"_s),
                 report.value(u"findings"_s));
        const QStringList expected = {u"adding-required-field"_s, u"ban-drop-column"_s,
                                      u"require-concurrent-index-creation"_s, u"delete-without-where"_s};
        for (const QString &rule : expected) {
            QVERIFY2(rendered.contains(rule), qPrintable(rule + u" not in Alembic's SQL lint"_s));
            QVERIFY2(lines.contains(rule), qPrintable(rule + u" not found by retort: "_s + run.out));
        }
        QCOMPARE(lines.value(u"adding-required-field"_s), 20);
        QCOMPARE(lines.value(u"ban-drop-column"_s), 21);
        QCOMPARE(lines.value(u"require-concurrent-index-creation"_s), 22);
        QCOMPARE(lines.value(u"delete-without-where"_s), 25);
        QVERIFY2(!lines.contains(u"ban-drop-table"_s), qPrintable(run.out)); // ignored in the file
        QVERIFY(lines.contains(u"empty-downgrade"_s)); // downgrade() is Alembic's template `pass`
    }
};

QTEST_GUILESS_MAIN(TestLintPython)
#include "tst_lint_python.moc"
