// The window on a long-lived project: 10,000 revisions open, and the graph scrolls from the
// newest to the oldest.
#include "MainWindow.h"
#include "TestProject.h"
#include "graph/RevisionGraphModel.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace retort;
using namespace retort::ui;

class TestMainWindowScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tenThousandRevisionsScroll();

private:
    QTemporaryDir m_home;
};

void TestMainWindowScale::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow_scale"));
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindowScale::tenThousandRevisionsScroll()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A long line with a side branch every 50 revisions, merged back 10 revisions later.
    QList<TestRevision> revisions;
    const int count = 10000;
    const auto id = [](int i) { return QStringLiteral("r%1").arg(i, 11, 10, QLatin1Char('0')); };
    for (int i = 0; i < count; ++i) {
        QString parent = i == 0 ? QString() : id(i - 1);
        if (i % 50 == 10 && i > 50)
            parent += QStringLiteral(", ") + id(i - 15);
        revisions.append({id(i), parent, QStringLiteral("SELECT 1;")});
    }
    writeProject(dir.path(), revisions);

    MainWindow window;
    QElapsedTimer timer;
    timer.start();
    window.openProject(dir.path(), sqliteUrl(dir));
    const qint64 openMs = timer.elapsed();
    QCOMPARE(window.graphModel()->rowCount(), count);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTreeView *view = window.graphView();
    timer.restart();
    int frames = 0;
    for (int value = 0; value <= view->verticalScrollBar()->maximum();
         value += qMax(1, view->verticalScrollBar()->maximum() / 200)) {
        view->verticalScrollBar()->setValue(value);
        view->viewport()->repaint();
        ++frames;
    }
    const qint64 scrollMs = timer.elapsed();
    // Reported, not asserted: speed is the benchmarks' business (tests/bench).
    qInfo("10000 revisions: open %lld ms, %d repaints while scrolling in %lld ms", openMs, frames, scrollMs);
    QVERIFY(frames > 100);
    // Scrolled to the end, the oldest revision (the base) is on screen in the last row.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    const QModelIndex last = view->model()->index(count - 1, 0);
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(last)));
    QCOMPARE(last.data(RevisionGraphModel::RevisionIdRole).toString(), id(0));
}

QTEST_MAIN(TestMainWindowScale)
#include "tst_mainwindow_scale.moc"
