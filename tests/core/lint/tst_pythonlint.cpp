#include "lint/PythonLint.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

Q_DECLARE_METATYPE(retort::SqlDialect)

namespace {

const SqlDialect pg = SqlDialect::PostgreSql;
const SqlDialect lite = SqlDialect::Sqlite;

QByteArray revision(const QString &upgradeBody, const QString &downgradeBody = u"    pass"_s)
{
    return (u"\"\"\"m\n\nRevision ID: a1\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
            "revision = 'a1'\ndown_revision = None\n\n\ndef upgrade():\n"_s
            + upgradeBody + u"\n\n\ndef downgrade():\n"_s + downgradeBody + u"\n"_s)
        .toUtf8();
}

} // namespace

class TestPythonLint : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QString &rule, SqlDialect dialect, const QString &body, bool fires)
    {
        QTest::addRow("%s: %s", qPrintable(rule), name) << rule << dialect << body << fires;
    }

private slots:
    void fires_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("fires");

        const QString dropTable = u"ban-drop-table"_s;
        row("drop_table", dropTable, pg, u"    op.drop_table('users')"_s, true);
        row("drop_table sqlite", dropTable, lite, u"    op.drop_table(\"users\")"_s, true);
        row("execute", dropTable, pg, u"    op.execute(\"DROP TABLE users\")"_s, true);
        row("table made first", dropTable, pg,
            u"    op.create_table('t', sa.Column('id', sa.Integer()))\n"
            "    op.drop_table('t')"_s,
            false);
        row("ignored above", dropTable, pg, u"    # retort: ignore ban-drop-table\n    op.drop_table('users')"_s,
            false);
        row("ignored on the line", dropTable, pg, u"    op.drop_table('users')  # retort: ignore ban-drop-table"_s,
            false);
        row("in downgrade only", dropTable, pg, u"    op.create_table('users', sa.Column('id', sa.Integer()))"_s,
            false);

        const QString dropColumn = u"ban-drop-column"_s;
        row("drop_column", dropColumn, pg, u"    op.drop_column('users', 'email')"_s, true);
        row("batch", dropColumn, lite,
            u"    with op.batch_alter_table('users') as batch_op:\n        batch_op.drop_column('email')"_s, true);
        row("execute", dropColumn, pg, u"    op.execute(sa.text('ALTER TABLE users DROP COLUMN email'))"_s, true);
        row("add_column", dropColumn, pg, u"    op.add_column('users', sa.Column('email', sa.String()))"_s, false);
        row("a comment", dropColumn, pg, u"    # op.drop_column('users', 'email')\n    pass"_s, false);
        row("in a string", dropColumn, pg, u"    print(\"op.drop_column('users', 'email')\")"_s, false);

        const QString type = u"changing-column-type"_s;
        row("type_", type, pg, u"    op.alter_column('users', 'age', type_=sa.BigInteger())"_s, true);
        row("batch type_", type, lite,
            u"    with op.batch_alter_table('users') as b:\n        b.alter_column('age', type_=sa.Text())"_s, true);
        row("multi-line", type, pg,
            u"    op.alter_column(\n        'users',\n        'age',\n        type_=sa.Text(),\n    )"_s, true);
        row("nullable only", type, pg, u"    op.alter_column('users', 'age', nullable=True)"_s, false);
        row("rename only", type, pg, u"    op.alter_column('users', 'age', new_column_name='years')"_s, false);
        row("new table", type, pg, u"    op.create_table('t')\n    op.alter_column('t', 'a', type_=sa.Text())"_s,
            false);

        const QString notNull = u"adding-not-nullable-field"_s;
        row("nullable=False", notNull, pg, u"    op.alter_column('users', 'email', nullable=False)"_s, true);
        row("with existing_type", notNull, pg,
            u"    op.alter_column('users', 'email', existing_type=sa.String(), nullable=False)"_s, true);
        row("batch on postgresql", notNull, pg,
            u"    with op.batch_alter_table('users') as b:\n        b.alter_column('email', nullable=False)"_s, true);
        row("nullable=True", notNull, pg, u"    op.alter_column('users', 'email', nullable=True)"_s, false);
        row("sqlite", notNull, lite, u"    op.alter_column('users', 'email', nullable=False)"_s, false);
        row("ignored", notNull, pg,
            u"    op.alter_column('users', 'email', nullable=False)  # retort: ignore adding-not-nullable-field"_s,
            false);

        const QString index = u"require-concurrent-index-creation"_s;
        row("create_index", index, pg, u"    op.create_index('ix_email', 'users', ['email'])"_s, true);
        row("unique", index, pg, u"    op.create_index('ix_email', 'users', ['email'], unique=True)"_s, true);
        row("batch", index, pg,
            u"    with op.batch_alter_table('users') as b:\n        b.create_index('ix_email', ['email'])"_s, true);
        row("concurrently", index, pg,
            u"    with op.get_context().autocommit_block():\n"
            "        op.create_index('ix', 'users', ['email'], postgresql_concurrently=True)"_s,
            false);
        row("new table", index, pg, u"    op.create_table('t')\n    op.create_index('ix', 't', ['a'])"_s, false);
        row("sqlite", index, lite, u"    op.create_index('ix_email', 'users', ['email'])"_s, false);

        const QString inTransaction = u"ban-concurrent-index-creation-in-transaction"_s;
        row("concurrently in the transaction", inTransaction, pg,
            u"    op.create_index('ix', 'users', ['email'], postgresql_concurrently=True)"_s, true);
        row("drop concurrently", inTransaction, pg,
            u"    op.drop_index('ix', table_name='users', postgresql_concurrently=True)"_s, true);
        row("execute concurrently", inTransaction, pg, u"    op.execute('CREATE INDEX CONCURRENTLY ix ON users (a)')"_s,
            true);
        row("autocommit block", inTransaction, pg,
            u"    with op.get_context().autocommit_block():\n"
            "        op.create_index('ix', 'users', ['email'], postgresql_concurrently=True)"_s,
            false);
        row("execute in autocommit block", inTransaction, pg,
            u"    with op.get_context().autocommit_block():\n        op.execute('CREATE INDEX CONCURRENTLY ix ON u (a)')"_s,
            false);
        row("plain index", inTransaction, pg, u"    op.create_index('ix', 'users', ['email'])"_s, false);

        const QString required = u"adding-required-field"_s;
        row("nullable=False", required, pg,
            u"    op.add_column('users', sa.Column('age', sa.Integer(), nullable=False))"_s, true);
        row("without the table keyword", required, pg,
            u"    op.add_column('users', sa.Column('age', sa.Integer, nullable=False, comment='x'))"_s, true);
        row("batch on postgresql", required, pg,
            u"    with op.batch_alter_table('users') as b:\n"
            "        b.add_column(sa.Column('age', sa.Integer(), nullable=False))"_s,
            true);
        row("server_default", required, pg,
            u"    op.add_column('users', sa.Column('age', sa.Integer(), nullable=False, server_default='0'))"_s, false);
        row("nullable", required, pg, u"    op.add_column('users', sa.Column('age', sa.Integer()))"_s, false);
        row("new table", required, pg,
            u"    op.create_table('t')\n    op.add_column('t', sa.Column('a', sa.Integer(), nullable=False))"_s, false);

        const QString sqlite = u"sqlite-unsupported-alter"_s;
        row("alter_column outside batch", sqlite, lite, u"    op.alter_column('users', 'age', type_=sa.Text())"_s,
            true);
        row("create_foreign_key outside batch", sqlite, lite,
            u"    op.create_foreign_key('fk', 'a', 'b', ['b_id'], ['id'])"_s, true);
        row("not null column outside batch", sqlite, lite,
            u"    op.add_column('users', sa.Column('age', sa.Integer(), nullable=False))"_s, true);
        row("in batch", sqlite, lite,
            u"    with op.batch_alter_table('users') as b:\n        b.alter_column('age', type_=sa.Text())"_s, false);
        row("rename only", sqlite, lite, u"    op.alter_column('users', 'age', new_column_name='years')"_s, false);
        row("postgresql", sqlite, pg, u"    op.alter_column('users', 'age', type_=sa.Text())"_s, false);

        const QString renaming = u"renaming-table"_s;
        row("rename_table", renaming, pg, u"    op.rename_table('users', 'people')"_s, true);
        row("sqlite", renaming, lite, u"    op.rename_table('users', 'people')"_s, true);
        row("execute", renaming, pg, u"    op.execute('ALTER TABLE users RENAME TO people')"_s, true);
        row("new table", renaming, pg, u"    op.create_table('t')\n    op.rename_table('t', 'u')"_s, false);
        row("rename column", renaming, pg, u"    op.alter_column('users', 'a', new_column_name='b')"_s, false);
        row("ignored", renaming, pg, u"    # retort: ignore renaming-table\n    op.rename_table('users', 'people')"_s,
            false);
    }

    void fires()
    {
        QFETCH(QString, rule);
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, body);
        QFETCH(bool, fires);
        const PythonFunctionLint lint =
            lintPythonFunction(revision(body, u"    op.drop_table('x')"_s), SqlDirection::Upgrade, {dialect}, 15);
        QVERIFY(lint.present);
        QStringList seen;
        for (const LintFinding &finding : lint.findings)
            seen << finding.rule;
        QVERIFY2(seen.contains(rule) == fires, qPrintable(u"found: "_s + seen.join(u", "_s)));
    }

    void linesAndBodies()
    {
        const QByteArray source = revision(u"    op.add_column('u', sa.Column('a', sa.Integer()))\n"
                                           "    op.drop_column(\n        'u',\n        'b',\n    )"_s);
        const PythonFunctionLint up = lintPythonFunction(source, SqlDirection::Upgrade, {pg}, 15);
        QCOMPARE(up.line, 12);
        QCOMPARE(up.calls, 2);
        QVERIFY(!up.empty);
        QCOMPARE(up.findings.size(), 1);
        QCOMPARE(up.findings.first().rule, u"ban-drop-column"_s);
        QCOMPARE(up.findings.first().line, 14);
        QCOMPARE(up.findings.first().statement, u"op.drop_column( 'u', 'b', )"_s);
        const PythonFunctionLint down = lintPythonFunction(source, SqlDirection::Downgrade, {pg}, 15);
        QVERIFY(down.present);
        QVERIFY(down.empty);
        QCOMPARE(down.calls, 0);
        const PythonFunctionLint none =
            lintPythonFunction("def upgrade():\n    pass\n", SqlDirection::Downgrade, {}, 15);
        QVERIFY(!none.present);
    }
};

QTEST_GUILESS_MAIN(TestPythonLint)
#include "tst_pythonlint.moc"
