#pragma once

#include <QMainWindow>

class QListWidget;

namespace retort::ui {

class ScriptView;

// Assembles the window. The revision graph and actions arrive with their own classes;
// for now it lists a project's revision files and previews the selected one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Shows the project in `directory`; `displayUrl` is already masked.
    void openProject(const QString &directory, const QString &displayUrl);

private:
    void showSelectedScript();

    QListWidget *m_files = nullptr;
    ScriptView *m_script = nullptr;
    QString m_versionsDir;
};

} // namespace retort::ui
