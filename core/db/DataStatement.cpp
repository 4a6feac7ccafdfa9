#include "DataStatement.h"

#include "SqlLexer.h"

namespace retort {

bool startsWithKeyword(QStringView statement, SqlDialect dialect, std::initializer_list<const char *> keywords)
{
    SqlLexer lexer(statement, dialect);
    SqlToken token;
    while (lexer.next(token)) {
        if (!token.isSignificant())
            continue;
        if (token.kind != SqlTokenKind::Word)
            return false;
        const QStringView word = lexer.textOf(token);
        for (const char *keyword : keywords) {
            if (word.compare(QLatin1StringView(keyword), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    return false;
}

bool isDataStatement(QStringView statement, SqlDialect dialect)
{
    return startsWithKeyword(statement, dialect, {"INSERT", "UPDATE", "DELETE", "MERGE"});
}

} // namespace retort
