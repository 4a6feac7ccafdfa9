#pragma once

#include "MakoValue.h"

#include "Expected.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace retort {

// The names a template is rendered with.
using MakoScope = QHash<QString, MakoValue>;

// The part of Python expressions that revision templates use: names, str / int literals, None,
// True, False, tuples, calls (repr, str, len and the functions in the scope), `not`, `and`,
// `or`, `==`, `!=`, `is`, `is not` and `x if c else y`. Anything else (attributes, subscripts,
// lambdas, arithmetic) is refused when parsing, with what was found.
class MakoExpression
{
public:
    struct Node;

    // The expression's text as written between ${ and } (or after `% if`); an error says what
    // is not understood.
    static Expected<MakoExpression, QString> parse(const QString &text);
    // The value; an error is the Python exception text Mako would show (a name that is not
    // defined, a function that failed).
    Expected<MakoValue, QString> evaluate(const MakoScope &scope) const;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace retort
