#include "GraphExporter.h"

#include "RevisionGraphModel.h"

#include <QAbstractItemDelegate>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QSvgGenerator>

namespace retort::ui {

namespace {

QStyleOptionViewItem baseOption()
{
    QStyleOptionViewItem option;
    option.palette = QApplication::palette();
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    return option;
}

} // namespace

GraphExporter::GraphExporter(const QAbstractItemModel &model, QAbstractItemDelegate &delegate)
    : m_model(model)
    , m_delegate(delegate)
{
}

int GraphExporter::columnWidth(int column) const
{
    if (column == RevisionGraphModel::GraphColumn) {
        int width = 0;
        QStyleOptionViewItem option = baseOption();
        for (int row = 0; row < m_model.rowCount(); ++row)
            width = qMax(width, m_delegate.sizeHint(option, m_model.index(row, column)).width());
        return width;
    }
    const QFontMetrics metrics(QApplication::font());
    int width = metrics.horizontalAdvance(m_model.headerData(column, Qt::Horizontal).toString());
    for (int row = 0; row < m_model.rowCount(); ++row)
        width = qMax(width, metrics.horizontalAdvance(m_model.index(row, column).data().toString()));
    return qMin(width + 16, 600);
}

int GraphExporter::rowHeight() const
{
    if (m_model.rowCount() == 0)
        return 24;
    return m_delegate.sizeHint(baseOption(), m_model.index(0, RevisionGraphModel::IdColumn)).height();
}

QSize GraphExporter::size() const
{
    int width = 0;
    for (int column = 0; column < m_model.columnCount(); ++column)
        width += columnWidth(column);
    return QSize(qMax(width, 1), qMax(rowHeight() * m_model.rowCount(), 1));
}

void GraphExporter::render(QPainter &painter) const
{
    painter.fillRect(QRect(QPoint(0, 0), size()), QApplication::palette().color(QPalette::Base));
    const int height = rowHeight();
    QList<int> widths;
    for (int column = 0; column < m_model.columnCount(); ++column)
        widths << columnWidth(column);
    for (int row = 0; row < m_model.rowCount(); ++row) {
        int x = 0;
        for (int column = 0; column < m_model.columnCount(); ++column) {
            QStyleOptionViewItem option = baseOption();
            option.rect = QRect(x, row * height, widths.at(column), height);
            m_delegate.paint(&painter, option, m_model.index(row, column));
            x += widths.at(column);
        }
    }
}

Fallible<void> GraphExporter::exportSvg(const QString &path) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size());
    generator.setViewBox(QRect(QPoint(0, 0), size()));
    generator.setTitle(QCoreApplication::translate("GraphExporter", "Revision graph"));
    QPainter painter;
    if (!painter.begin(&generator))
        return Failure{QCoreApplication::translate("GraphExporter", "cannot write %1").arg(path)};
    render(painter);
    painter.end();
    return {};
}

Fallible<void> GraphExporter::exportPng(const QString &path) const
{
    QImage image(size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    render(painter);
    painter.end();
    if (!image.save(path, "PNG"))
        return Failure{QCoreApplication::translate("GraphExporter", "cannot write %1").arg(path)};
    return {};
}

} // namespace retort::ui
