#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string_view>

namespace retort {

// The value of a Python expression that a revision file assigns, read without running Python:
// None, a string (adjacent literals concatenated), or a tuple / list of strings.
struct PythonLiteral
{
    enum class Kind { None, String, Sequence, Unreadable };

    Kind kind = Kind::Unreadable;
    QStringList strings; // String: one item; Sequence: the items
    QString reason; // Unreadable: what was found instead, for the problem message

    // The string a (dotted) name stands for, when it can be known without running Python:
    // a constant of a module of the project that the file imports. nullopt: it cannot.
    using NameResolver = std::function<std::optional<QString>(const QString &dottedName)>;

    // Parses an expression (the text after "name =", up to the end of the statement). A name,
    // or a dotted one such as cli.EXPAND_BRANCH, is read through `resolve` when one is given.
    static PythonLiteral parse(std::string_view expression, const NameResolver &resolve = {});

    // Decodes the body of one string literal (between its quotes). raw: no escape processing.
    static QString decodeString(std::string_view body, bool raw);
};

} // namespace retort
