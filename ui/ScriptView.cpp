#include "ScriptView.h"

#include "highlight/SyntaxLexer.h"

#include <QEvent>
#include <QFileInfo>

namespace retort::ui {

ScriptView::ScriptView(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new SyntaxLexer(m_repository, this))
{
    setUtf8(true);
    setReadOnly(true);
    setMarginType(0, NumberMargin);
    setMarginWidth(0, QStringLiteral("00000"));
    setFolding(BoxedTreeFoldStyle, 2);
    setCaretLineVisible(true);
    setWrapMode(WrapNone);
    setLexer(m_lexer);
    followPalette();
}

void ScriptView::showScript(const QString &text, const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    m_lexer->setLanguage(suffix == QLatin1String("sql") ? QStringLiteral("SQL") : QStringLiteral("Python"));
    setReadOnly(false);
    setText(text);
    setReadOnly(true);
}

void ScriptView::setDarkTheme(bool dark)
{
    m_lexer->setColorTheme(m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                          : KSyntaxHighlighting::Repository::LightTheme));
    recolor();
}

void ScriptView::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void ScriptView::followPalette()
{
    setDarkTheme(palette().color(QPalette::Base).lightness() < 128);
}

} // namespace retort::ui
