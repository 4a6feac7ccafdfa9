#include "SchemaView.h"

#include "schema/SchemaText.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &name, const QString &detail)
{
    auto *item = new QTreeWidgetItem(parent, {name, detail});
    item->setToolTip(1, detail);
    return item;
}

QTreeWidgetItem *tableItem(const Table &table)
{
    auto *item = new QTreeWidgetItem(
        {table.qualifiedName(), SchemaView::tr("table, %n column(s)", nullptr, int(table.columns.size()))});
    for (const Column &column : table.columns)
        addItem(item, column.name, SchemaText::describe(column));
    if (!table.primaryKey.isEmpty())
        addItem(item, SchemaView::tr("primary key"), SchemaText::describe(table.primaryKey));
    for (const UniqueConstraint &unique : table.uniqueConstraints)
        addItem(item, unique.name.isEmpty() ? SchemaView::tr("unique") : unique.name, SchemaText::describe(unique));
    for (const Index &index : table.indexes)
        addItem(item, index.name, SchemaText::describe(index));
    for (const ForeignKey &key : table.foreignKeys)
        addItem(item, key.name.isEmpty() ? SchemaView::tr("foreign key") : key.name, SchemaText::describe(key));
    for (const CheckConstraint &check : table.checks)
        addItem(item, check.name.isEmpty() ? SchemaView::tr("check") : check.name, SchemaText::describe(check));
    return item;
}

bool matches(const QTreeWidgetItem *item, const QString &text)
{
    return item->text(0).contains(text, Qt::CaseInsensitive) || item->text(1).contains(text, Qt::CaseInsensitive);
}

} // namespace

SchemaView::SchemaView(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    m_caption->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Filter tables, columns, indexes..."));
    m_filter->setClearButtonEnabled(true);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Name"), tr("Definition")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaView::applyFilter);
}

void SchemaView::setSchema(const Schema &schema, const QString &caption)
{
    m_tree->clear();
    QList<QTreeWidgetItem *> items;
    for (const Table &table : schema.tables)
        items.append(tableItem(table));
    for (const View &view : schema.views) {
        auto *item = new QTreeWidgetItem({view.schema.isEmpty() ? view.name : view.schema + u'.' + view.name,
                                          view.materialized ? tr("materialized view") : tr("view")});
        addItem(item, tr("definition"), view.definition.simplified());
        items.append(item);
    }
    for (const Sequence &sequence : schema.sequences)
        items.append(new QTreeWidgetItem({sequence.name, SchemaText::describe(sequence)}));
    for (const EnumType &type : schema.enums)
        items.append(new QTreeWidgetItem({type.name, SchemaText::describe(type)}));
    m_tree->addTopLevelItems(items);
    m_caption->setText(caption);
    m_filter->setEnabled(true);
    applyFilter();
}

void SchemaView::setUnavailable(const QString &reason)
{
    m_tree->clear();
    m_caption->setText(reason);
    m_filter->setEnabled(false);
}

void SchemaView::setFilter(const QString &text)
{
    m_filter->setText(text);
}

QString SchemaView::caption() const
{
    return m_caption->text();
}

int SchemaView::visibleTopLevelCount() const
{
    int count = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        count += m_tree->topLevelItem(i)->isHidden() ? 0 : 1;
    return count;
}

void SchemaView::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        bool any = text.isEmpty() || matches(top, text);
        for (int c = 0; c < top->childCount(); ++c) {
            const bool hit = !text.isEmpty() && matches(top->child(c), text);
            any = any || hit;
            // The items that matched are shown bold so the eye finds them in a long table.
            QFont font = top->child(c)->font(0);
            font.setBold(hit);
            top->child(c)->setFont(0, font);
        }
        top->setHidden(!any);
        top->setExpanded(!text.isEmpty() && any);
    }
}

} // namespace retort::ui
