#include "ScriptEditor.h"

#include "ScriptView.h"

#include <QCloseEvent>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QShortcut>
#include <QVBoxLayout>

namespace retort::ui {

ScriptEditor::ScriptEditor(QWidget *parent)
    : QWidget(parent)
    , m_view(new ScriptView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (const auto done = save(); !done.ok())
            QMessageBox::warning(this, tr("Not saved"), done.error().message);
    });
    connect(m_view, &QsciScintilla::modificationChanged, this, &ScriptEditor::updateTitle);
    m_asker = [this](const QString &path) {
        const auto button = QMessageBox::question(
            this, tr("Unsaved changes"), tr("%1 has changes that are not saved. Save them?").arg(path),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return button == QMessageBox::Save   ? Answer::Save
            : button == QMessageBox::Discard ? Answer::Discard
                                             : Answer::Cancel;
    };
    resize(800, 600);
}

Fallible<void> ScriptEditor::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{tr("cannot read %1: %2").arg(path, file.errorString())};
    m_path = QFileInfo(path).absoluteFilePath();
    m_view->showScript(QString::fromUtf8(file.readAll()), m_path);
    m_view->setReadOnly(false);
    m_view->setModified(false);
    updateTitle();
    return {};
}

Fallible<void> ScriptEditor::save()
{
    if (m_path.isEmpty())
        return Failure{tr("no file is open")};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{tr("cannot write %1: %2").arg(m_path, file.errorString())};
    file.write(m_view->text().toUtf8());
    if (!file.commit())
        return Failure{tr("cannot write %1: %2").arg(m_path, file.errorString())};
    m_view->setModified(false);
    emit saved(m_path);
    return {};
}

bool ScriptEditor::isModified() const
{
    return m_view->isModified();
}

bool ScriptEditor::confirmClose()
{
    if (!isModified())
        return true;
    switch (m_asker(m_path)) {
    case Answer::Save:
        if (const auto done = save(); !done.ok()) {
            QMessageBox::warning(this, tr("Not saved"), done.error().message);
            return false;
        }
        return true;
    case Answer::Discard:
        return true;
    case Answer::Cancel:
        return false;
    }
    return false;
}

void ScriptEditor::closeEvent(QCloseEvent *event)
{
    if (confirmClose())
        event->accept();
    else
        event->ignore();
}

void ScriptEditor::updateTitle()
{
    setWindowTitle(QFileInfo(m_path).fileName() + (isModified() ? QStringLiteral(" *") : QString())
                   + QStringLiteral(" - Retort"));
}

} // namespace retort::ui
