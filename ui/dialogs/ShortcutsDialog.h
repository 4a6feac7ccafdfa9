#pragma once

#include <QDialog>
#include <QList>

#include <utility>

class QAction;

namespace retort::ui {

// Help > Keyboard Shortcuts: every action that has a shortcut, with its keys, read from the
// actions themselves so the list cannot disagree with what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    // (action text without mnemonics, key sequences in the platform's words) for each action with
    // a shortcut, in the order given.
    static QList<std::pair<QString, QString>> rows(const QList<QAction *> &actions);
};

} // namespace retort::ui
