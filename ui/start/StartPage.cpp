#include "StartPage.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(tr("<h2>Open a migrations folder</h2>"
                                "<p>The folder that holds alembic.ini or versions/: a Flask-Migrate "
                                "project's <i>migrations</i>, an Alembic project, or Retort's own SQL "
                                "migrations.</p>"),
                             this);
    title->setWordWrap(true);

    auto *open = new QPushButton(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open Folder…"), this);
    open->setObjectName(QStringLiteral("startOpenFolder"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &StartPage::openFolderRequested);
    m_demo = new QPushButton(tr("Open Demo"), this);
    m_demo->setObjectName(QStringLiteral("startOpenDemo"));
    m_demo->setToolTip(tr("A small project with branches and a merge, on a SQLite database of its own"));
    m_demo->setVisible(false);
    connect(m_demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);

    m_recentTitle = new QLabel(tr("<b>Recent projects</b>"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("startRecent"));
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit projectChosen(item->data(Qt::UserRole).toString()); });

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent, 1);
    auto *centred = new QHBoxLayout(this);
    centred->addStretch(1);
    centred->addLayout(column, 3);
    centred->addStretch(1);
    setRecentProjects({});
}

void StartPage::setRecentProjects(const QStringList &directories)
{
    m_recent->clear();
    for (const QString &directory : directories) {
        if (!QFileInfo(directory).isDir())
            continue;
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(directory), m_recent);
        item->setData(Qt::UserRole, directory);
        item->setToolTip(directory);
    }
    m_recentTitle->setVisible(m_recent->count() > 0);
    m_recent->setVisible(m_recent->count() > 0);
}

void StartPage::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

} // namespace retort::ui
