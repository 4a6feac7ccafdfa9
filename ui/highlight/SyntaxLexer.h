#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <Qsci/qscilexercustom.h>

#include <QHash>
#include <QList>
#include <vector>

namespace retort::ui {

// Adapter between KSyntaxHighlighting (tokenizes, knows 300+ languages and the themes) and
// QScintilla (renders). KSyntaxHighlighting reports UTF-16 ranges per line; QScintilla styles
// UTF-8 bytes, so every range is converted through the line's byte offsets.
class SyntaxLexer : public QsciLexerCustom, private KSyntaxHighlighting::AbstractHighlighter
{
    Q_OBJECT

public:
    explicit SyntaxLexer(KSyntaxHighlighting::Repository &repository, QObject *parent = nullptr);

    // Definition by name ("Python", "SQL", "SQL (PostgreSQL)", ...); false when unknown.
    bool setLanguage(const QString &definitionName);
    QString languageName() const;

    // Applies a theme to text styles, margins, caret line and selection of the editor.
    void setColorTheme(const KSyntaxHighlighting::Theme &theme);
    KSyntaxHighlighting::Theme colorTheme() const { return theme(); }

    const char *language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;

    using QsciLexer::defaultColor;
    using QsciLexer::defaultFont;
    using QsciLexer::defaultPaper;
    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;
    QFont defaultFont(int style) const override;

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    struct StyleKey
    {
        QRgb foreground;
        QRgb background;
        bool bold, italic, underline;
        friend bool operator==(const StyleKey &, const StyleKey &) = default;
    };
    friend size_t qHash(const StyleKey &key, size_t seed) noexcept
    {
        return qHashMulti(seed, key.foreground, key.background, key.bold, key.italic, key.underline);
    }

    int styleFor(const KSyntaxHighlighting::Format &format);
    void resetStyles();
    void applyThemeToEditor();

    KSyntaxHighlighting::Repository &m_repository;
    QByteArray m_languageName;
    QHash<StyleKey, int> m_styleByKey;
    QList<StyleKey> m_styles; // index: QScintilla style number (reserved numbers hold a copy)
    std::vector<KSyntaxHighlighting::State> m_lineEndStates;

    // Per-line scratch used while highlightLine() calls applyFormat().
    std::vector<int> m_utf8OffsetOfUtf16; // UTF-16 index -> byte offset, one past the end too
    std::vector<unsigned char> m_lineStyles;
};

} // namespace retort::ui
