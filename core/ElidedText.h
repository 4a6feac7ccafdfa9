#pragma once

#include <QString>

namespace retort {

// At most `limit` characters of `text` for a message, saying how much was left out: a 50 MB
// statement, or a database message quoting it, must not flood a terminal or a dialog.
inline QString elided(const QString &text, qsizetype limit = 500)
{
    if (text.size() <= limit)
        return text;
    return text.left(limit) + QStringLiteral("... (%1 more characters)").arg(text.size() - limit);
}

} // namespace retort
