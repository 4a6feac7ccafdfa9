#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace retort::ui {

// What the window shows until a project is open: Open Folder, Open Demo, and the recent projects
// (those that still exist), each opened with a click or Enter.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentProjects(const QStringList &directories);
    void setDemoAvailable(bool available);

signals:
    void openFolderRequested();
    void demoRequested();
    void projectChosen(const QString &directory);

private:
    QPushButton *m_demo = nullptr;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent = nullptr;
};

} // namespace retort::ui
