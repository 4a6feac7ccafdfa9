#include "SyntaxLexer.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>

#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

namespace retort::ui {

namespace {

// Scintilla reserves styles 32..39 (default, line numbers, braces, control chars, ...).
constexpr int kFirstReservedStyle = 32;
constexpr int kLastReservedStyle = 39;
constexpr int kMaxStyles = 256;
constexpr int kDefaultStyle = 0;

QFont baseFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace

SyntaxLexer::SyntaxLexer(KSyntaxHighlighting::Repository &repository, QObject *parent)
    : QsciLexerCustom(parent)
    , m_repository(repository)
{
    setColorTheme(repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
}

bool SyntaxLexer::setLanguage(const QString &definitionName)
{
    const KSyntaxHighlighting::Definition definition = m_repository.definitionForName(definitionName);
    if (!definition.isValid())
        return false;
    setDefinition(definition);
    m_languageName = definition.name().toUtf8();
    m_lineEndStates.clear();
    return true;
}

QString SyntaxLexer::languageName() const
{
    return QString::fromUtf8(m_languageName);
}

const char *SyntaxLexer::language() const
{
    return m_languageName.isEmpty() ? "Text" : m_languageName.constData();
}

QString SyntaxLexer::description(int style) const
{
    // QScintilla only applies styles that have a description.
    if (style < 0 || style >= m_styles.size())
        return QString();
    return style == kDefaultStyle ? QStringLiteral("Default") : QStringLiteral("Style %1").arg(style);
}

QColor SyntaxLexer::defaultColor(int style) const
{
    const int index = style >= 0 && style < m_styles.size() ? style : kDefaultStyle;
    return m_styles.isEmpty() ? QColor(Qt::black) : QColor(m_styles.at(index).foreground);
}

QColor SyntaxLexer::defaultPaper(int style) const
{
    const int index = style >= 0 && style < m_styles.size() ? style : kDefaultStyle;
    return m_styles.isEmpty() ? QColor(Qt::white) : QColor(m_styles.at(index).background);
}

QFont SyntaxLexer::defaultFont(int style) const
{
    QFont font = baseFont();
    if (style >= 0 && style < m_styles.size()) {
        font.setBold(m_styles.at(style).bold);
        font.setItalic(m_styles.at(style).italic);
        font.setUnderline(m_styles.at(style).underline);
    }
    return font;
}

void SyntaxLexer::setColorTheme(const KSyntaxHighlighting::Theme &newTheme)
{
    setTheme(newTheme);
    resetStyles();
    applyThemeToEditor();
}

void SyntaxLexer::resetStyles()
{
    using KSyntaxHighlighting::Theme;
    const Theme current = theme();
    const QRgb background = current.editorColor(Theme::BackgroundColor);
    const StyleKey normal{current.textColor(Theme::Normal), background, current.isBold(Theme::Normal),
                          current.isItalic(Theme::Normal), current.isUnderline(Theme::Normal)};
    m_styleByKey.clear();
    m_styles.clear();
    m_styles.append(normal);
    m_styleByKey.insert(normal, kDefaultStyle);
    setDefaultColor(QColor(normal.foreground));
    setDefaultPaper(QColor(background));
    setDefaultFont(baseFont());
    setColor(QColor(normal.foreground), kDefaultStyle);
    setPaper(QColor(background), kDefaultStyle);
    setFont(baseFont(), kDefaultStyle);
    m_lineEndStates.clear();
}

int SyntaxLexer::styleFor(const KSyntaxHighlighting::Format &format)
{
    const KSyntaxHighlighting::Theme current = theme();
    const StyleKey &normal = m_styles.constFirst();
    StyleKey key{format.textColor(current).rgba(), normal.background, format.isBold(current), format.isItalic(current),
                 format.isUnderline(current)};
    if (format.hasBackgroundColor(current))
        key.background = format.backgroundColor(current).rgba();
    if (!format.hasTextColor(current))
        key.foreground = normal.foreground;

    if (const auto it = m_styleByKey.constFind(key); it != m_styleByKey.cend())
        return it.value();
    if (m_styles.size() >= kMaxStyles)
        return kDefaultStyle; // more distinct looks than Scintilla has styles: fall back quietly

    while (m_styles.size() >= kFirstReservedStyle && m_styles.size() <= kLastReservedStyle)
        m_styles.append(normal);
    const int style = int(m_styles.size());
    m_styles.append(key);
    m_styleByKey.insert(key, style);
    // Setting the properties notifies an attached editor, so late styles render too.
    setColor(QColor(key.foreground), style);
    setPaper(QColor(key.background), style);
    setFont(defaultFont(style), style);
    return style;
}

void SyntaxLexer::applyThemeToEditor()
{
    QsciScintilla *view = editor();
    if (!view)
        return;
    using KSyntaxHighlighting::Theme;
    const Theme current = theme();
    auto color = [&](Theme::EditorColorRole role) { return QColor(current.editorColor(role)); };
    // With a lexer attached the editor ignores setPaper()/setColor(): set the default style.
    view->SendScintilla(QsciScintillaBase::SCI_STYLESETBACK, QsciScintillaBase::STYLE_DEFAULT,
                        color(Theme::BackgroundColor));
    view->SendScintilla(QsciScintillaBase::SCI_STYLESETFORE, QsciScintillaBase::STYLE_DEFAULT,
                        QColor(current.textColor(Theme::Normal)));
    view->setCaretForegroundColor(QColor(current.textColor(Theme::Normal)));
    view->setCaretLineBackgroundColor(color(Theme::CurrentLine));
    view->setSelectionBackgroundColor(color(Theme::TextSelection));
    view->setMarginsBackgroundColor(color(Theme::IconBorder));
    view->setMarginsForegroundColor(color(Theme::LineNumbers));
    view->setFoldMarginColors(color(Theme::IconBorder), color(Theme::IconBorder));
    view->recolor();
}

void SyntaxLexer::styleText(int start, int end)
{
    QsciScintilla *view = editor();
    if (!view)
        return;
    using Sci = QsciScintillaBase;
    const int lineCount = int(view->SendScintilla(Sci::SCI_GETLINECOUNT));
    const int firstLine = int(view->SendScintilla(Sci::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(view->SendScintilla(Sci::SCI_LINEFROMPOSITION, end));
    const int documentLength = int(view->SendScintilla(Sci::SCI_GETLENGTH));
    const auto *document = reinterpret_cast<const char *>(view->SendScintilla(Sci::SCI_GETCHARACTERPOINTER));
    if (!document)
        return;

    const auto knownLines = int(m_lineEndStates.size());
    m_lineEndStates.resize(size_t(lineCount));
    KSyntaxHighlighting::State state =
        firstLine > 0 ? m_lineEndStates[size_t(firstLine - 1)] : KSyntaxHighlighting::State();

    for (int line = firstLine; line < lineCount; ++line) {
        const int lineStart = int(view->SendScintilla(Sci::SCI_POSITIONFROMLINE, line));
        const int lineEnd = int(view->SendScintilla(Sci::SCI_GETLINEENDPOSITION, line));
        const int nextLineStart =
            line + 1 < lineCount ? int(view->SendScintilla(Sci::SCI_POSITIONFROMLINE, line + 1)) : documentLength;
        const QByteArrayView bytes(document + lineStart, lineEnd - lineStart);
        const QString text = QString::fromUtf8(bytes);

        // Byte offset of every UTF-16 index of the line, plus one past the end.
        m_utf8OffsetOfUtf16.assign(size_t(text.size()) + 1, 0);
        int byte = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            m_utf8OffsetOfUtf16[size_t(i)] = byte;
            const char16_t unit = text.at(i).unicode();
            if (QChar::isHighSurrogate(unit) && i + 1 < text.size()
                && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                m_utf8OffsetOfUtf16[size_t(++i)] = byte;
                byte += 4;
            } else {
                byte += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
            }
        }
        m_utf8OffsetOfUtf16[size_t(text.size())] = byte;
        m_lineStyles.assign(size_t(bytes.size()), static_cast<unsigned char>(kDefaultStyle));

        const KSyntaxHighlighting::State newState = highlightLine(text, state);

        startStyling(lineStart);
        size_t runStart = 0;
        for (size_t i = 1; i <= m_lineStyles.size(); ++i) {
            if (i == m_lineStyles.size() || m_lineStyles[i] != m_lineStyles[runStart]) {
                setStyling(int(i - runStart), m_lineStyles[runStart]);
                runStart = i;
            }
        }
        if (nextLineStart > lineEnd)
            setStyling(nextLineStart - lineEnd, kDefaultStyle);

        const bool stateChanged = !(m_lineEndStates[size_t(line)] == newState);
        m_lineEndStates[size_t(line)] = newState;
        state = newState;
        // Past the requested range, keep going only while this line changed what follows it.
        if (line >= lastLine && (!stateChanged || line + 1 >= knownLines))
            break;
    }
}

void SyntaxLexer::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (length <= 0 || offset < 0)
        return;
    const auto utf16Size = qsizetype(m_utf8OffsetOfUtf16.size()) - 1;
    const auto from = size_t(std::min<qsizetype>(offset, utf16Size));
    const auto to = size_t(std::min<qsizetype>(qsizetype(offset) + length, utf16Size));
    // Clamp: text with invalid UTF-8 decodes to more bytes than the document holds.
    const size_t byteFrom = std::min<size_t>(size_t(m_utf8OffsetOfUtf16[from]), m_lineStyles.size());
    const size_t byteTo = std::min<size_t>(size_t(m_utf8OffsetOfUtf16[to]), m_lineStyles.size());
    const int style = format.isValid() ? styleFor(format) : kDefaultStyle;
    std::fill(m_lineStyles.begin() + qsizetype(byteFrom), m_lineStyles.begin() + qsizetype(byteTo),
              static_cast<unsigned char>(style));
}

} // namespace retort::ui
