#pragma once

#include <Qsci/qsciscintilla.h>

#include <KSyntaxHighlighting/Repository>

namespace retort::ui {

class SyntaxLexer;

// Read-only script preview: line numbers, folding, highlighting that follows the palette.
class ScriptView : public QsciScintilla
{
    Q_OBJECT

public:
    explicit ScriptView(QWidget *parent = nullptr);

    // Shows a file's text, highlighted by the language its suffix names (.py, .sql).
    void showScript(const QString &text, const QString &fileName);
    void setDarkTheme(bool dark);
    SyntaxLexer *syntaxLexer() const { return m_lexer; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void followPalette();

    KSyntaxHighlighting::Repository m_repository;
    SyntaxLexer *m_lexer = nullptr;
};

} // namespace retort::ui
