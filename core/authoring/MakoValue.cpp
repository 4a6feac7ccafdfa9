#include "MakoValue.h"

#include <QChar>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// str.isprintable(): everything but the "Other" and "Separator" categories, space excepted.
bool isPrintable(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

QString hex(char32_t c, int width)
{
    return QString::number(uint(c), 16).rightJustified(width, u'0');
}

} // namespace

MakoValue MakoValue::undefined(const QString &name)
{
    MakoValue v;
    v.m_text = name;
    return v;
}

MakoValue MakoValue::none()
{
    MakoValue v;
    v.m_kind = Kind::None;
    return v;
}

MakoValue MakoValue::boolean(bool value)
{
    MakoValue v;
    v.m_kind = Kind::Bool;
    v.m_number = value ? 1 : 0;
    return v;
}

MakoValue MakoValue::integer(qint64 value)
{
    MakoValue v;
    v.m_kind = Kind::Int;
    v.m_number = value;
    return v;
}

MakoValue MakoValue::string(const QString &value)
{
    MakoValue v;
    v.m_kind = Kind::Str;
    v.m_text = value;
    return v;
}

MakoValue MakoValue::tuple(const QList<MakoValue> &items)
{
    MakoValue v;
    v.m_kind = Kind::Tuple;
    v.m_items = items;
    return v;
}

MakoValue MakoValue::tuple(const QStringList &items)
{
    QList<MakoValue> values;
    for (const QString &item : items)
        values << string(item);
    return tuple(values);
}

MakoValue MakoValue::list(const QStringList &items)
{
    MakoValue v = tuple(items);
    v.m_kind = Kind::List;
    return v;
}

MakoValue MakoValue::function(const QString &name, Function function)
{
    MakoValue v;
    v.m_kind = Kind::Function;
    v.m_text = name;
    v.m_function = std::make_shared<const Function>(std::move(function));
    return v;
}

MakoValue MakoValue::printable(const QString &typeName, const QString &text)
{
    MakoValue v;
    v.m_kind = Kind::Printable;
    v.m_text = typeName;
    v.m_printed = text;
    return v;
}

bool MakoValue::truthy() const
{
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::None:
        return false;
    case Kind::Bool:
    case Kind::Int:
        return m_number != 0;
    case Kind::Str:
        return !m_text.isEmpty();
    case Kind::Tuple:
    case Kind::List:
        return !m_items.isEmpty();
    case Kind::Function:
    case Kind::Printable:
        return true;
    }
    return false;
}

QString MakoValue::typeName() const
{
    switch (m_kind) {
    case Kind::Undefined:
        return u"Undefined"_s;
    case Kind::None:
        return u"NoneType"_s;
    case Kind::Bool:
        return u"bool"_s;
    case Kind::Int:
        return u"int"_s;
    case Kind::Str:
        return u"str"_s;
    case Kind::Tuple:
        return u"tuple"_s;
    case Kind::List:
        return u"list"_s;
    case Kind::Function:
        return u"function"_s;
    case Kind::Printable:
        return m_text;
    }
    return {};
}

QString MakoValue::pythonStringRepr(const QString &text)
{
    const QChar quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    QString out(quote);
    for (char32_t c : QStringView(text).toUcs4()) {
        if (c == U'\\')
            out += u"\\\\"_s;
        else if (c == quote.unicode())
            out += u'\\' + quote;
        else if (c == U'\n')
            out += u"\\n"_s;
        else if (c == U'\r')
            out += u"\\r"_s;
        else if (c == U'\t')
            out += u"\\t"_s;
        else if (!isPrintable(c))
            out += c <= 0xff ? u"\\x"_s + hex(c, 2) : c <= 0xffff ? u"\\u"_s + hex(c, 4) : u"\\U"_s + hex(c, 8);
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out + quote;
}

Fallible<QString> MakoValue::str() const
{
    switch (m_kind) {
    case Kind::Str:
        return m_text;
    case Kind::Printable:
        return m_printed;
    case Kind::Undefined:
        return Failure{u"name '%1' is not defined"_s.arg(m_text)};
    default:
        return repr();
    }
}

Fallible<QString> MakoValue::repr() const
{
    switch (m_kind) {
    case Kind::Undefined:
        return Failure{u"name '%1' is not defined"_s.arg(m_text)};
    case Kind::None:
        return u"None"_s;
    case Kind::Bool:
        return m_number ? u"True"_s : u"False"_s;
    case Kind::Int:
        return QString::number(m_number);
    case Kind::Str:
        return pythonStringRepr(m_text);
    case Kind::Tuple:
    case Kind::List: {
        QStringList parts;
        for (const MakoValue &item : m_items) {
            const auto part = item.repr();
            if (!part.ok())
                return part;
            parts << part.value();
        }
        if (m_kind == Kind::List)
            return QString(u'[' + parts.join(u", "_s) + u']');
        return QString(u'(' + parts.join(u", "_s) + (parts.size() == 1 ? u",)"_s : u")"_s));
    }
    case Kind::Function:
        return Failure{u"repr() of the function %1 is not supported"_s.arg(m_text)};
    case Kind::Printable:
        return Failure{u"repr() of a %1 value is not supported"_s.arg(m_text)};
    }
    return QString();
}

bool MakoValue::equals(const MakoValue &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::None:
        return true;
    case Kind::Bool:
    case Kind::Int:
        return m_number == other.m_number;
    case Kind::Str:
        return m_text == other.m_text;
    case Kind::Tuple:
    case Kind::List:
        if (m_items.size() != other.m_items.size())
            return false;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (!m_items[i].equals(other.m_items[i]))
                return false;
        }
        return true;
    case Kind::Function:
        return m_function == other.m_function;
    case Kind::Printable:
        return m_printed == other.m_printed;
    }
    return false;
}

bool MakoValue::identical(const MakoValue &other) const
{
    if (m_kind != other.m_kind)
        return false;
    if (m_kind == Kind::None || m_kind == Kind::Undefined)
        return true;
    if (m_kind == Kind::Bool)
        return m_number == other.m_number;
    return false;
}

Expected<MakoValue, QString> MakoValue::call(const QList<MakoValue> &arguments) const
{
    if (m_kind == Kind::Undefined)
        return u"name '%1' is not defined"_s.arg(m_text);
    if (m_kind != Kind::Function)
        return u"'%1' object is not callable"_s.arg(typeName());
    return (*m_function)(arguments);
}

} // namespace retort
