#include "SqlTokens.h"

#include "db/SqlLexer.h"

namespace retort {

namespace {

QString unquote(QStringView text)
{
    if (text.size() < 2)
        return text.toString();
    const QChar open = text.front();
    const QChar close = open == u'[' ? QChar(u']') : open;
    QString inner = text.mid(1, text.size() - 2).toString();
    inner.replace(QString(2, close), QString(close));
    return inner;
}

} // namespace

LintTokens lintTokens(QStringView statement, SqlDialect dialect)
{
    LintTokens tokens;
    SqlLexer lexer(statement, dialect);
    SqlToken token;
    int depth = 0;
    while (lexer.next(token)) {
        if (!token.isSignificant())
            continue;
        if (token.kind == SqlTokenKind::CloseParen && depth > 0)
            --depth;
        LintToken item;
        item.depth = depth;
        const QStringView text = lexer.textOf(token);
        switch (token.kind) {
        case SqlTokenKind::Word:
            if (lexer.isIdentifierWord(token)) {
                item.word = text.toString().toUpper();
                item.name = text.toString().toLower();
            }
            break;
        case SqlTokenKind::QuotedIdentifier:
            item.name = unquote(text);
            break;
        case SqlTokenKind::String:
        case SqlTokenKind::DollarString:
            break;
        default:
            item.symbol = text.isEmpty() ? QChar() : text.front();
            break;
        }
        tokens.append(item);
        if (token.kind == SqlTokenKind::OpenParen)
            ++depth;
    }
    return tokens;
}

QString readQualifiedName(const LintTokens &tokens, qsizetype &at)
{
    qsizetype i = at;
    QString last;
    while (i < tokens.size() && !tokens.at(i).name.isEmpty()) {
        last = tokens.at(i).name;
        ++i;
        if (i + 1 < tokens.size() && tokens.at(i).symbol == u'.' && !tokens.at(i + 1).name.isEmpty())
            ++i;
        else
            break;
    }
    if (!last.isEmpty())
        at = i;
    return last;
}

bool skipWords(const LintTokens &tokens, qsizetype &at, std::initializer_list<const char16_t *> words)
{
    qsizetype i = at;
    for (const char16_t *word : words) {
        if (i >= tokens.size() || tokens.at(i).word != QStringView(word))
            return false;
        ++i;
    }
    at = i;
    return true;
}

bool hasWordAt(const LintTokens &tokens, qsizetype from, qsizetype to, QStringView word, int depth)
{
    for (qsizetype i = from; i < to && i < tokens.size(); ++i) {
        if (tokens.at(i).depth == depth && tokens.at(i).word == word)
            return true;
    }
    return false;
}

bool hasNotNull(const LintTokens &tokens, qsizetype from, qsizetype to, int depth)
{
    for (qsizetype i = from; i + 1 < to && i + 1 < tokens.size(); ++i) {
        if (tokens.at(i).depth == depth && tokens.at(i).word == u"NOT" && tokens.at(i + 1).word == u"NULL")
            return true;
    }
    return false;
}

} // namespace retort
