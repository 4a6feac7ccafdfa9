// Every command of the window has an icon: the desktop theme's where it has one, else our own
// drawing from the :/icons resource, which must render even with no icon theme at all.
#include "MainActions.h"
#include "MainWindow.h"
#include "icons/ActionIcons.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace retort::ui;

namespace {

// Pixels a 16x16 rendering actually paints.
int paintedPixels(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
    int painted = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return painted;
}

// The commands a person sees: menu entries (not submenus or separators), toolbar buttons and the
// graph's context menu.
QList<QAction *> shownActions(MainWindow &window)
{
    QList<QAction *> shown;
    const auto add = [&shown](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (!action->isSeparator() && !action->menu() && !shown.contains(action) && !action->objectName().isEmpty())
                shown.append(action);
        }
    };
    for (QAction *menu : window.menuBar()->actions())
        add(menu->menu()->actions());
    for (QToolBar *toolbar : window.findChildren<QToolBar *>())
        add(toolbar->actions());
    add(window.graphView()->actions());
    return shown;
}

} // namespace

class TestActionIcons : public QObject
{
    Q_OBJECT

private slots:
    void everyActionOfTheWindowHasAnIcon();
    void fallbacksDrawWithoutATheme();
};

void TestActionIcons::everyActionOfTheWindowHasAnIcon()
{
    MainWindow window;
    const QList<QAction *> shown = shownActions(window);
    QVERIFY(shown.size() >= int(MainActions::IdCount) + 1); // + Edit Script
    for (QAction *action : shown) {
        QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
        QVERIFY2(paintedPixels(action->icon()) > 0, qPrintable(action->objectName()));
    }
    // And each of the window's actions is in the table, so a new action cannot go without one.
    QStringList named;
    for (const ActionIcons::Entry &entry : ActionIcons::entries())
        named << QLatin1String(entry.action);
    for (QAction *action : shown)
        QVERIFY2(named.contains(action->objectName()), qPrintable(action->objectName()));
    qInfo("%lld actions shown, all with icons", qint64(shown.size()));
}

void TestActionIcons::fallbacksDrawWithoutATheme()
{
    QIcon::setThemeSearchPaths({});
    QIcon::setFallbackSearchPaths({});
    QIcon::setThemeName(QStringLiteral("retort-test-no-such-theme"));

    QSet<QString> files;
    QSet<QByteArray> drawings;
    for (const ActionIcons::Entry &entry : ActionIcons::entries()) {
        const QString name = QLatin1String(entry.action);
        QVERIFY2(QFile::exists(QLatin1String(entry.fallback)), entry.fallback);
        const QIcon icon = ActionIcons::icon(name);
        QVERIFY2(!icon.isNull(), entry.action);
        const int painted = paintedPixels(icon);
        // A line drawing: some pixels, far from a filled square.
        QVERIFY2(painted >= 8 && painted < 16 * 16, qPrintable(QStringLiteral("%1: %2 pixels").arg(name).arg(painted)));
        // Without a theme the icon is our drawing, pixel for pixel.
        const QImage ours = QIcon(QLatin1String(entry.fallback)).pixmap(QSize(16, 16)).toImage();
        QCOMPARE(icon.pixmap(QSize(16, 16)).toImage(), ours);
        if (!files.contains(QLatin1String(entry.fallback))) {
            files.insert(QLatin1String(entry.fallback));
            drawings.insert(QByteArray(reinterpret_cast<const char *>(ours.constBits()), ours.sizeInBytes()));
        }
    }
    QCOMPARE(drawings.size(), files.size()); // no two files draw the same picture
    QVERIFY(ActionIcons::icon(QStringLiteral("noSuchAction")).isNull());

    // A window made with no theme still gives every command a visible icon.
    MainWindow window;
    for (QAction *action : shownActions(window))
        QVERIFY2(paintedPixels(action->icon()) > 0, qPrintable(action->objectName()));
    qInfo("%lld fallback drawings, %lld table entries", qint64(files.size()), qint64(ActionIcons::entries().size()));
}

QTEST_MAIN(TestActionIcons)
#include "tst_actionicons.moc"
