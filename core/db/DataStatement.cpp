#include "DataStatement.h"

#include "SqlLexer.h"

namespace retort {

bool isDataStatement(QStringView statement, SqlDialect dialect)
{
    SqlLexer lexer(statement, dialect);
    SqlToken token;
    while (lexer.next(token)) {
        if (!token.isSignificant())
            continue;
        if (token.kind != SqlTokenKind::Word)
            return false;
        const QStringView word = lexer.textOf(token);
        for (const char *keyword : {"INSERT", "UPDATE", "DELETE", "MERGE"}) {
            if (word.compare(QLatin1StringView(keyword), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    return false;
}

} // namespace retort
