#include "SchemaChangesView.h"

#include "schema/SchemaDiff.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::ui {

SchemaChangesView::SchemaChangesView(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_caption->setWordWrap(true);
    m_tree->setColumnCount(5);
    m_tree->setHeaderLabels({tr("Change"), tr("Table"), tr("Name"), tr("Before"), tr("After")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_tree);
}

void SchemaChangesView::setChanges(const SchemaChanges &changes, const QString &caption)
{
    m_tree->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    // The palette's own "attention" colour keeps the marking readable on dark themes too.
    const QColor attention = QApplication::palette().color(QPalette::Link).value() > 128 ? QColor(0xff, 0x8a, 0x65)
                                                                                         : QColor(0xc6, 0x28, 0x28);
    QList<QTreeWidgetItem *> rows;
    for (const SchemaChange &change : changes) {
        auto *row = new QTreeWidgetItem({change.kindName(), change.table, change.name, change.before, change.after});
        for (int c = 3; c < 5; ++c)
            row->setToolTip(c, row->text(c));
        const bool destructive = SchemaDiff::isDestructive(change);
        row->setData(0, DestructiveRole, destructive);
        if (destructive) {
            row->setIcon(0, warning);
            for (int c = 0; c < 5; ++c)
                row->setForeground(c, attention);
            row->setToolTip(0, tr("Destructive: data can be lost"));
        }
        rows.append(row);
    }
    m_tree->addTopLevelItems(rows);
    m_caption->setText(caption);
}

void SchemaChangesView::setUnavailable(const QString &reason)
{
    m_tree->clear();
    m_caption->setText(reason);
}

QString SchemaChangesView::caption() const
{
    return m_caption->text();
}

int SchemaChangesView::destructiveCount() const
{
    int count = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        count += m_tree->topLevelItem(i)->data(0, DestructiveRole).toBool() ? 1 : 0;
    return count;
}

} // namespace retort::ui
