#include "PythonImports.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

const QString Name = u"[A-Za-z_][A-Za-z0-9_]*"_s;
const QString Dotted = Name + u"(?:\\s*\\.\\s*"_s + Name + u")*"_s;

// Plain string work where a regular expression would be compiled for every import of every
// revision file (that compiling was most of the time `heads` took on 10,000 revisions).
QString undotted(QString dotted)
{
    dotted.removeIf([](QChar c) { return c.isSpace(); });
    return dotted;
}

void removeComments(QString &text)
{
    for (qsizetype hash = text.indexOf(u'#'); hash >= 0; hash = text.indexOf(u'#', hash)) {
        const qsizetype end = text.indexOf(u'\n', hash);
        text.remove(hash, end < 0 ? text.size() - hash : end - hash);
    }
}

// "a as b, c" (with or without parentheses): the bound name and what it names, per item.
QList<std::pair<QString, QString>> items(const QString &list)
{
    static const QRegularExpression item(u"^\\s*("_s + Dotted + u")(?:\\s+as\\s+("_s + Name + u"))?\\s*$"_s);
    QString text = list.trimmed();
    if (text.startsWith(u'(') && text.endsWith(u')'))
        text = text.mid(1, text.size() - 2);
    QList<std::pair<QString, QString>> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = item.match(part);
        if (!m.hasMatch())
            continue;
        const QString target = undotted(m.captured(1));
        out.append({m.captured(2), target});
    }
    return out;
}

} // namespace

void PythonImports::read(std::string_view statement)
{
    if (statement.starts_with("import") || statement.starts_with("from"))
        m_pending.push_back(statement);
}

void PythonImports::parsePending()
{
    for (const std::string_view statement : m_pending)
        parse(statement);
    m_pending.clear();
}

bool PythonImports::isEmpty()
{
    parsePending();
    return m_bound.isEmpty();
}

void PythonImports::parse(std::string_view statement)
{
    QString text = QString::fromUtf8(statement.data(), qsizetype(statement.size()));
    // Comments and continuation lines inside the statement.
    removeComments(text);
    text.replace(u"\\\n"_s, u" "_s);
    text.replace(u'\n', u' ');
    static const QRegularExpression fromImport(u"^from\\s+("_s + Dotted + u")\\s+import\\s+(.+)$"_s,
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression plainImport(u"^import\\s+(.+)$"_s, QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = fromImport.match(text.trimmed()); m.hasMatch()) {
        const QString module = undotted(m.captured(1));
        for (const auto &[alias, name] : items(m.captured(2))) {
            if (name.contains(u'.') || name == u"*")
                continue;
            m_bound.insert(alias.isEmpty() ? name : alias, module + u'.' + name);
        }
        return;
    }
    if (const QRegularExpressionMatch m = plainImport.match(text.trimmed()); m.hasMatch()) {
        for (const auto &[alias, name] : items(m.captured(1))) {
            if (alias.isEmpty())
                m_bound.insert(name.section(u'.', 0, 0), name.section(u'.', 0, 0));
            else
                m_bound.insert(alias, name);
        }
    }
}

QString PythonImports::qualify(const QString &name)
{
    parsePending();
    const QString head = name.section(u'.', 0, 0);
    const auto bound = m_bound.constFind(head);
    if (bound == m_bound.cend())
        return {};
    const QString rest = name.section(u'.', 1);
    return rest.isEmpty() ? *bound : *bound + u'.' + rest;
}

} // namespace retort
