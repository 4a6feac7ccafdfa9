#include "MainWindow.h"

#include "ScriptView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

namespace retort::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_files(new QListWidget(this))
    , m_script(new ScriptView(this))
{
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_files);
    splitter->addWidget(m_script);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    connect(m_files, &QListWidget::currentRowChanged, this, &MainWindow::showSelectedScript);
    resize(1100, 700);
    setWindowTitle(tr("Retort"));
}

void MainWindow::openProject(const QString &directory, const QString &displayUrl)
{
    const QDir root(directory);
    m_versionsDir = root.exists(QStringLiteral("versions")) ? root.filePath(QStringLiteral("versions"))
                                                            : root.path();
    const QStringList names =
        QDir(m_versionsDir).entryList({QStringLiteral("*.py"), QStringLiteral("*.sql")}, QDir::Files,
                                      QDir::Name);
    m_files->clear();
    m_files->addItems(names);
    if (!names.isEmpty())
        m_files->setCurrentRow(names.size() - 1);

    const QString project = QFileInfo(directory).fileName();
    setWindowTitle(displayUrl.isEmpty() ? tr("%1 - Retort").arg(project)
                                        : tr("%1 (%2) - Retort").arg(project, displayUrl));
    statusBar()->showMessage(tr("%n revision file(s)", nullptr, int(names.size())));
}

void MainWindow::showSelectedScript()
{
    const QListWidgetItem *item = m_files->currentItem();
    if (!item)
        return;
    QFile file(QDir(m_versionsDir).filePath(item->text()));
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return;
    }
    m_script->showScript(QString::fromUtf8(file.readAll()), file.fileName());
}

} // namespace retort::ui
