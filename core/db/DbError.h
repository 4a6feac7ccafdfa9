#pragma once

#include "ElidedText.h"
#include "ErrorKind.h"
#include "Expected.h"

#include <QString>

#include <utility>
#include <variant>

namespace retort {

// Why a database-related operation failed, as a value a person can act on: a stable kind, one
// sentence saying what is wrong and what to do, and where known the position in the input, the
// database (password masked), the statement, the revision and the database's own message.
struct DbError
{
    ErrorKind kind = ErrorKind::QueryFailed;
    QString message; // for a person
    int line = 0; // 1-based position in the text parsed, 0 when not applicable
    int column = 0;
    QString target; // the database, e.g. postgresql://user:***@host:5432/db
    QString statement; // SQL that failed, when there is one
    QString databaseMessage; // the driver's / server's text, verbatim
    QString nativeCode; // SQLSTATE (PostgreSQL) or SQLite result code, when known
    QString revision; // revision concerned, when known

    static DbError make(ErrorKind kind, QString message, int line = 0, int column = 0)
    {
        DbError e;
        e.kind = kind;
        e.message = std::move(message);
        e.line = line;
        e.column = column;
        return e;
    }

    QString kindName() const { return errorKindName(kind); }

    // "message: databaseMessage [target]" and the statement on a second line, when known.
    QString toString() const
    {
        QString text = message;
        if (!databaseMessage.isEmpty())
            text += QStringLiteral(": ") + elided(databaseMessage);
        if (!target.isEmpty())
            text += QStringLiteral(" [") + target + u']';
        if (!statement.isEmpty())
            text += QStringLiteral("\n  statement: ") + elided(statement);
        return text;
    }
};

// A value or the DbError explaining why there is none.
template <typename T>
using DbResult = Expected<T, DbError>;

} // namespace retort
