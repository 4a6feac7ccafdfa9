// The Schema and Changes tabs and the graph's Changes column, fed with schema values as the
// shadow replay produces them: the filter finds tables by any item, drops are marked.
#include "MainWindow.h"
#include "TestProject.h"
#include "details/RevisionDetailsView.h"
#include "details/SchemaChangesView.h"
#include "details/SchemaReplayLoader.h"
#include "details/SchemaView.h"
#include "graph/RevisionGraphModel.h"
#include "schema/SchemaDiff.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace retort;
using namespace retort::ui;
using namespace Qt::StringLiterals;

namespace {

Column column(const QString &name, const QString &type, bool nullable, int position)
{
    Column c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    c.position = position;
    return c;
}

Schema shop()
{
    Schema schema;
    schema.dialect = u"sqlite"_s;
    Table users;
    users.name = u"users"_s;
    users.columns = {column(u"id"_s, u"INTEGER"_s, false, 1), column(u"email"_s, u"VARCHAR(120)"_s, false, 2)};
    users.primaryKey.columns = {u"id"_s};
    Index byEmail;
    byEmail.name = u"ix_users_email"_s;
    byEmail.columns = {u"email"_s};
    byEmail.unique = true;
    users.indexes = {byEmail};
    Table orders;
    orders.name = u"orders"_s;
    orders.columns = {column(u"id"_s, u"INTEGER"_s, false, 1), column(u"user_id"_s, u"INTEGER"_s, true, 2),
                      column(u"note"_s, u"TEXT"_s, true, 3)};
    ForeignKey owner;
    owner.columns = {u"user_id"_s};
    owner.refTable = u"users"_s;
    owner.refColumns = {u"id"_s};
    orders.foreignKeys = {owner};
    schema.tables = {orders, users};
    View recent;
    recent.name = u"recent_orders"_s;
    recent.definition = u"SELECT * FROM orders"_s;
    schema.views = {recent};
    canonicalize(schema);
    return schema;
}

} // namespace

class TestSchemaViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The snapshot cache goes to the test's own home.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u".cache"_s)));
        QStandardPaths::setTestModeEnabled(true);
    }

    void schemaTreeListsEveryTableAndView()
    {
        SchemaView view;
        view.setSchema(shop(), u"Schema at a1 (sqlite)"_s);
        QCOMPARE(view.tree()->topLevelItemCount(), 3);
        QCOMPARE(view.visibleTopLevelCount(), 3);
        QCOMPARE(view.caption(), u"Schema at a1 (sqlite)"_s);
        const auto users = view.tree()->findItems(u"users"_s, Qt::MatchExactly);
        QCOMPARE(users.size(), 1);
        // Two columns, the primary key and the index.
        QCOMPARE(users.first()->childCount(), 4);
        QVERIFY(users.first()->child(1)->text(1).contains(u"VARCHAR(120)"_s));
    }

    void filterFindsTablesByTheirItems()
    {
        SchemaView view;
        view.setSchema(shop(), {});
        view.setFilter(u"email"_s); // a column and an index of users only
        QCOMPARE(view.visibleTopLevelCount(), 1);
        QVERIFY(!view.tree()->findItems(u"users"_s, Qt::MatchExactly).first()->isHidden());
        QVERIFY(view.tree()->findItems(u"users"_s, Qt::MatchExactly).first()->isExpanded());
        view.setFilter(u"ORDERS"_s); // the table and the view whose name holds it
        QCOMPARE(view.visibleTopLevelCount(), 2);
        view.setFilter(u"no such thing"_s);
        QCOMPARE(view.visibleTopLevelCount(), 0);
        view.setFilter({});
        QCOMPARE(view.visibleTopLevelCount(), 3);
    }

    void unavailableSaysWhy()
    {
        SchemaView view;
        view.setSchema(shop(), {});
        view.setUnavailable(u"replay failed at b2"_s);
        QCOMPARE(view.tree()->topLevelItemCount(), 0);
        QCOMPARE(view.caption(), u"replay failed at b2"_s);
    }

    void changesMarkDrops()
    {
        Schema before = shop();
        Schema after = before;
        Table &orders = after.tables.first();
        QCOMPARE(orders.name, u"orders"_s);
        orders.columns.removeLast(); // drop note
        orders.columns.append(column(u"total"_s, u"NUMERIC"_s, true, 3));
        const SchemaChanges changes = SchemaDiff::between(before, after);
        QCOMPARE(changes.size(), 2);

        SchemaChangesView view;
        view.setChanges(changes, u"2 changes"_s);
        QCOMPARE(view.tree()->topLevelItemCount(), 2);
        QCOMPARE(view.destructiveCount(), 1);
        bool sawDrop = false;
        for (int i = 0; i < view.tree()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = view.tree()->topLevelItem(i);
            if (row->text(0) == u"drop_column"_s) {
                sawDrop = true;
                QCOMPARE(row->text(2), u"note"_s);
                QVERIFY(row->data(0, SchemaChangesView::DestructiveRole).toBool());
                QVERIFY(!row->icon(0).isNull());
            } else {
                QCOMPARE(row->text(0), u"add_column"_s);
                QVERIFY(!row->data(0, SchemaChangesView::DestructiveRole).toBool());
            }
        }
        QVERIFY(sawDrop);
    }

    void detailsViewHasSchemaAndChangesTabs()
    {
        RevisionDetailsView details;
        details.setSchema(shop(), {}, u"Schema at a1"_s);
        details.showSchemaTab();
        QCOMPARE(details.schemaView()->tree()->topLevelItemCount(), 3);
        QVERIFY(details.changesView()->caption().contains(u"no table"_s));
        details.setSchemaUnavailable(u"not replayed"_s);
        QCOMPARE(details.schemaView()->tree()->topLevelItemCount(), 0);
        QCOMPARE(details.changesView()->caption(), u"not replayed"_s);
    }

    void graphShowsChangeSummaries()
    {
        QTemporaryDir dir;
        const auto ids = writeProject(dir.path(),
                                      {{u"a00000000001"_s, QString(), u"CREATE TABLE t (id INTEGER);"_s},
                                       {u"a00000000002"_s, u"a00000000001"_s, u"DROP TABLE t;"_s}});
        QVERIFY(!ids.isEmpty());
        RevisionGraphModel model;
        model.setSnapshot(ProjectSnapshot::load(dir.path(), QDir::currentPath()));
        QHash<QString, RevisionGraphModel::ChangeSummary> summaries;
        summaries.insert(u"a00000000001"_s, {u"+1 table"_s, u"add_table t"_s, false});
        summaries.insert(u"a00000000002"_s, {u"-1 table"_s, u"drop_table t"_s, true});
        model.setChangeSummaries(summaries);
        const int added = model.rowOfRevision(u"a00000000001"_s);
        const int dropped = model.rowOfRevision(u"a00000000002"_s);
        QCOMPARE(model.index(added, RevisionGraphModel::ChangesColumn).data().toString(), u"+1 table"_s);
        QCOMPARE(model.index(dropped, RevisionGraphModel::ChangesColumn).data().toString(), u"-1 table"_s);
        QVERIFY(model.index(dropped, RevisionGraphModel::ChangesColumn)
                    .data(RevisionGraphModel::DestructiveChangeRole)
                    .toBool());
        QVERIFY(model.index(dropped, RevisionGraphModel::ChangesColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(added, RevisionGraphModel::ChangesColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(dropped, RevisionGraphModel::ChangesColumn).data(Qt::ToolTipRole).toString(),
                 u"drop_table t"_s);
        model.clearChangeSummaries();
        QVERIFY(model.index(added, RevisionGraphModel::ChangesColumn).data().toString().isEmpty());
    }

    void windowReplaysTheHistoryOnOpen()
    {
        QTemporaryDir dir;
        QVERIFY(!writeProject(dir.path(),
                              {{u"a00000000001"_s, QString(), u"CREATE TABLE t (id INTEGER);"_s},
                               {u"a00000000002"_s, u"a00000000001"_s, u"ALTER TABLE t ADD COLUMN name TEXT;"_s},
                               {u"a00000000003"_s, u"a00000000002"_s, u"DROP TABLE t;"_s}})
                     .isEmpty());
        const QString database = dir.filePath(u"user.db"_s);
        MainWindow window;
        auto *loader = window.findChild<SchemaReplayLoader *>();
        QVERIFY(loader);
        QSignalSpy finished(loader, &SchemaReplayLoader::finished);
        window.openProject(dir.path(), u"sqlite:///"_s + database);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        RevisionGraphModel *model = window.graphModel();
        const auto changes = [&](const QString &id, int role) {
            return model->index(model->rowOfRevision(id), RevisionGraphModel::ChangesColumn).data(role);
        };
        QCOMPARE(changes(u"a00000000001"_s, Qt::DisplayRole).toString(), u"+1 table"_s);
        QCOMPARE(changes(u"a00000000002"_s, Qt::DisplayRole).toString(), u"+1 column"_s);
        QCOMPARE(changes(u"a00000000003"_s, Qt::DisplayRole).toString(), u"-1 table"_s);
        QVERIFY(changes(u"a00000000003"_s, RevisionGraphModel::DestructiveChangeRole).toBool());
        QVERIFY(!changes(u"a00000000002"_s, RevisionGraphModel::DestructiveChangeRole).toBool());
        // Selecting a revision shows its schema and its change set.
        window.selectRevision(u"a00000000002"_s);
        RevisionDetailsView *details = window.detailsView();
        QCOMPARE(details->schemaView()->tree()->topLevelItemCount(), 1);
        QCOMPARE(details->schemaView()->tree()->topLevelItem(0)->childCount(), 2);
        QCOMPARE(details->changesView()->tree()->topLevelItemCount(), 1);
        window.selectRevision(u"a00000000003"_s);
        QCOMPARE(details->schemaView()->tree()->topLevelItemCount(), 0);
        QCOMPARE(details->changesView()->destructiveCount(), 1);
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestSchemaViews)
#include "tst_schemaviews.moc"
