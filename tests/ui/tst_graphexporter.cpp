// The whole graph exports to SVG and PNG through the view's own delegate.
#include "TestProject.h"
#include "command/ProjectSnapshot.h"
#include "graph/GraphExporter.h"
#include "graph/RevisionGraphDelegate.h"
#include "graph/RevisionGraphModel.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace retort::ui;

class TestGraphExporter : public QObject
{
    Q_OBJECT

private slots:
    void exportsEveryRow();
    void unwritablePathIsAnError();
};

void TestGraphExporter::exportsEveryRow()
{
    RevisionGraphModel model;
    model.setSnapshot(ProjectSnapshot::load(demoDirectory(), QDir::currentPath()));
    QCOMPARE(model.rowCount(), 13);
    RevisionGraphDelegate delegate;
    const GraphExporter exporter(model, delegate);
    QTemporaryDir dir;

    const QString png = dir.filePath(QStringLiteral("graph.png"));
    const auto pngWritten = exporter.exportPng(png);
    QVERIFY2(pngWritten.ok(), qPrintable(pngWritten.ok() ? QString() : pngWritten.error().message));
    const QImage image(png);
    QVERIFY(!image.isNull());
    // Every row is in the picture, not only what a view would show.
    const int rowHeight =
        delegate.sizeHint(QStyleOptionViewItem(), model.index(0, RevisionGraphModel::IdColumn)).height();
    QCOMPARE(image.height(), rowHeight * 13);
    // Something was drawn: more than the background colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, "the exported image is blank");

    const QString svg = dir.filePath(QStringLiteral("graph.svg"));
    const auto svgWritten = exporter.exportSvg(svg);
    QVERIFY2(svgWritten.ok(), qPrintable(svgWritten.ok() ? QString() : svgWritten.error().message));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Merge billing and reporting")); // row text is real text in the SVG
}

void TestGraphExporter::unwritablePathIsAnError()
{
    RevisionGraphModel model;
    model.setSnapshot(ProjectSnapshot::load(demoDirectory(), QDir::currentPath()));
    RevisionGraphDelegate delegate;
    const auto written = GraphExporter(model, delegate).exportPng(QStringLiteral("/proc/no/such/graph.png"));
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(QStringLiteral("/proc/no/such/graph.png")));
}

QTEST_MAIN(TestGraphExporter)
#include "tst_graphexporter.moc"
