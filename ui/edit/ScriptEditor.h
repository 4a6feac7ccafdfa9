#pragma once

#include "Expected.h"

#include <QWidget>

#include <functional>

namespace retort::ui {

class ScriptView;

// A revision file in the built-in editor: the preview's highlighting, editable, Ctrl+S saves
// (atomically), and closing with unsaved changes asks whether to save them.
class ScriptEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Answer { Save, Discard, Cancel };
    // Asks what to do with unsaved changes to path; a dialog by default, replaced in tests.
    using Asker = std::function<Answer(const QString &path)>;

    explicit ScriptEditor(QWidget *parent = nullptr);

    Fallible<void> open(const QString &path);
    Fallible<void> save();
    bool isModified() const;
    // True when the editor may close: nothing unsaved, or saved or discarded as the person chose.
    bool confirmClose();
    void setAsker(Asker asker) { m_asker = std::move(asker); }

    QString path() const { return m_path; }
    ScriptView *view() const { return m_view; }

signals:
    void saved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateTitle();

    ScriptView *m_view = nullptr;
    QString m_path;
    Asker m_asker;
};

} // namespace retort::ui
