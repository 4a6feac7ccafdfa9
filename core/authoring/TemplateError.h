#pragma once

#include <QString>

namespace retort {

// Why a script template cannot be rendered: the template file, the 1-based line the problem
// starts on, and what is wrong there.
struct TemplateError
{
    QString file;
    int line = 0;
    QString message;

    // "path:line: message", the form editors and compilers use.
    QString text() const
    {
        return (line > 0 ? file + u':' + QString::number(line) : file) + QStringLiteral(": ") + message;
    }
};

} // namespace retort
