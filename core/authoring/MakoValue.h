#pragma once

#include "Expected.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace retort {

// A Python value as the revision templates see it: None, a bool, an int, a str, a tuple, a
// function (Alembic's `comma`), a value that only prints (a datetime), or Mako's UNDEFINED for a
// name the renderer was not given.
class MakoValue
{
public:
    enum class Kind { Undefined, None, Bool, Int, Str, Tuple, List, Function, Printable };
    // A function's result, or the Python exception text it would raise.
    using Function = std::function<Expected<MakoValue, QString>(const QList<MakoValue> &)>;

    MakoValue() = default; // Undefined
    static MakoValue undefined(const QString &name);
    static MakoValue none();
    static MakoValue boolean(bool value);
    static MakoValue integer(qint64 value);
    static MakoValue string(const QString &value);
    static MakoValue tuple(const QList<MakoValue> &items);
    static MakoValue tuple(const QStringList &items);
    static MakoValue list(const QStringList &items);
    static MakoValue function(const QString &name, Function function);
    // A value whose str() is text and whose repr() is not available (datetime and the like).
    static MakoValue printable(const QString &typeName, const QString &text);

    Kind kind() const { return m_kind; }
    bool isUndefined() const { return m_kind == Kind::Undefined; }
    // Python's truth value; UNDEFINED is false, as in Mako.
    bool truthy() const;
    // Python's str() and repr(); an error names what has no such form.
    Fallible<QString> str() const;
    Fallible<QString> repr() const;
    // Python's ==; values of different kinds are unequal (True == 1 aside, which templates never need).
    bool equals(const MakoValue &other) const;
    bool identical(const MakoValue &other) const; // `is`, for None / True / False
    Expected<MakoValue, QString> call(const QList<MakoValue> &arguments) const;

    const QString &text() const { return m_text; } // a Str's value, a name, a type name
    const QList<MakoValue> &items() const { return m_items; }
    qint64 number() const { return m_number; }
    // The Python type name, for error messages.
    QString typeName() const;

    // repr() of a Python str: single quotes unless the text holds ' and no ".
    static QString pythonStringRepr(const QString &text);

private:
    Kind m_kind = Kind::Undefined;
    QString m_text;
    QString m_printed;
    qint64 m_number = 0;
    QList<MakoValue> m_items;
    std::shared_ptr<const Function> m_function;
};

} // namespace retort
