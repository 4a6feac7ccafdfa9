// SchemaFilter ([retort] drift_ignore): which names a pattern list ignores, and what it takes
// out of a schema.
#include "schema/SchemaFilter.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

class TestSchemaFilter : public QObject
{
    Q_OBJECT

private slots:
    void ignores_data()
    {
        QTest::addColumn<QString>("patterns");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ignored");
        QTest::newRow("plain name") << u"audit"_s << QString() << u"audit"_s << true;
        QTest::newRow("whole names only") << u"audit"_s << QString() << u"audit_log"_s << false;
        QTest::newRow("glob") << u"audit_*"_s << QString() << u"audit_log"_s << true;
        QTest::newRow("glob, other name") << u"audit_*"_s << QString() << u"users"_s << false;
        QTest::newRow("name in any schema") << u"audit"_s << u"reporting"_s << u"audit"_s << true;
        QTest::newRow("qualified") << u"reporting.audit"_s << u"reporting"_s << u"audit"_s << true;
        QTest::newRow("qualified, other schema") << u"reporting.audit"_s << u"public"_s << u"audit"_s << false;
        QTest::newRow("a whole schema") << u"reporting.*"_s << u"reporting"_s << u"anything"_s << true;
        QTest::newRow("a whole schema, not public") << u"reporting.*"_s << u"public"_s << u"anything"_s << false;
        QTest::newRow("qualified on SQLite") << u"main.audit"_s << QString() << u"audit"_s << false;
        QTest::newRow("list, blanks trimmed") << u" users , audit_* ,"_s << QString() << u"audit_x"_s << true;
        QTest::newRow("question mark") << u"t?"_s << QString() << u"t1"_s << true;
        QTest::newRow("empty list") << QString() << QString() << u"users"_s << false;
        QTest::newRow("case matters") << u"Users"_s << QString() << u"users"_s << false;
    }

    void ignores()
    {
        QFETCH(QString, patterns);
        QFETCH(QString, schema);
        QFETCH(QString, name);
        QFETCH(bool, ignored);
        QCOMPARE(SchemaFilter::parse(patterns).ignores(schema, name), ignored);
    }

    void applyRemovesTablesViewsAndTheirSequences()
    {
        Schema schema;
        schema.dialect = u"postgresql"_s;
        for (const QString &name : {u"audit_log"_s, u"users"_s}) {
            Table table;
            table.schema = u"public"_s;
            table.name = name;
            schema.tables << table;
        }
        View view;
        view.schema = u"public"_s;
        view.name = u"audit_view"_s;
        schema.views << view;
        Sequence owned;
        owned.schema = u"public"_s;
        owned.name = u"audit_log_id_seq"_s;
        owned.ownedBy = u"public.audit_log.id"_s;
        Sequence kept = owned;
        kept.name = u"users_id_seq"_s;
        kept.ownedBy = u"public.users.id"_s;
        schema.sequences << owned << kept;

        const SchemaFilter filter = SchemaFilter::parse(u"audit_*"_s);
        QCOMPARE(filter.patterns(), QStringList{u"audit_*"_s});
        const Schema filtered = filter.apply(schema);
        QCOMPARE(filtered.tables.size(), 1);
        QCOMPARE(filtered.tables.at(0).name, u"users"_s);
        QCOMPARE(filtered.views.size(), 0);
        QCOMPARE(filtered.sequences.size(), 1);
        QCOMPARE(filtered.sequences.at(0).name, u"users_id_seq"_s);
        QCOMPARE(SchemaFilter().apply(schema), schema);
    }
};

QTEST_GUILESS_MAIN(TestSchemaFilter)
#include "tst_schema_filter.moc"
