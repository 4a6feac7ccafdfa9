#pragma once

#include "Expected.h"

#include <QSize>
#include <QString>

class QAbstractItemModel;
class QAbstractItemDelegate;
class QPainter;

namespace retort::ui {

// Renders a whole revision graph (every row, not only the visible ones) through the same
// delegate the view paints with, as an SVG document or a PNG image.
class GraphExporter
{
public:
    GraphExporter(const QAbstractItemModel &model, QAbstractItemDelegate &delegate);

    Fallible<void> exportSvg(const QString &path) const;
    Fallible<void> exportPng(const QString &path) const;

private:
    int columnWidth(int column) const;
    int rowHeight() const;
    QSize size() const;
    void render(QPainter &painter) const;

    const QAbstractItemModel &m_model;
    QAbstractItemDelegate &m_delegate;
};

} // namespace retort::ui
