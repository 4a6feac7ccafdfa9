#include "WindowState.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTreeView>

namespace retort::ui::WindowState {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString ToolbarsKey = QStringLiteral("window/toolbars");
const QString GraphHeaderKey = QStringLiteral("window/graphColumns");

QString splitterKey(const QSplitter *splitter)
{
    return QStringLiteral("window/splitters/") + splitter->objectName();
}

// Named splitters only: the name is the key, so an unnamed one would have none that lasts.
QList<QSplitter *> namedSplitters(const QMainWindow *window)
{
    QList<QSplitter *> named;
    for (QSplitter *splitter : window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            named.append(splitter);
    }
    return named;
}

QHeaderView *graphHeader(const QMainWindow *window)
{
    const auto *graph = window->findChild<QTreeView *>(QStringLiteral("revisionGraph"));
    return graph ? graph->header() : nullptr;
}

} // namespace

void restore(QMainWindow *window)
{
    const QSettings settings;
    window->restoreGeometry(settings.value(GeometryKey).toByteArray());
    window->restoreState(settings.value(ToolbarsKey).toByteArray());
    for (QSplitter *splitter : namedSplitters(window))
        splitter->restoreState(settings.value(splitterKey(splitter)).toByteArray());
    if (QHeaderView *header = graphHeader(window))
        header->restoreState(settings.value(GraphHeaderKey).toByteArray());
}

void save(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(GeometryKey, window->saveGeometry());
    settings.setValue(ToolbarsKey, window->saveState());
    for (const QSplitter *splitter : namedSplitters(window))
        settings.setValue(splitterKey(splitter), splitter->saveState());
    if (const QHeaderView *header = graphHeader(window))
        settings.setValue(GraphHeaderKey, header->saveState());
}

} // namespace retort::ui::WindowState
