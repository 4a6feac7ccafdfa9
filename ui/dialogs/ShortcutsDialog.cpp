#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

// "&Open Folder…" -> "Open Folder…"; "&&" stays one "&".
QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

} // namespace

QList<std::pair<QString, QString>> ShortcutsDialog::rows(const QList<QAction *> &actions)
{
    QList<std::pair<QString, QString>> result;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        result.append({withoutMnemonic(action->text()),
                       QKeySequence::listToString(action->shortcuts(), QKeySequence::NativeText)});
    }
    return result;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("shortcuts"));
    list->setColumnCount(2);
    list->setHeaderLabels({tr("Action"), tr("Keys")});
    list->setRootIsDecorated(false);
    for (const auto &[text, keys] : rows(actions))
        new QTreeWidgetItem(list, QStringList{text, keys});
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->setMinimumSize(460, 420);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list);
    layout->addWidget(buttons);
}

} // namespace retort::ui
