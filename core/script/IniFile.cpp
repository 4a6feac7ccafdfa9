#include "IniFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// configparser gives up after this many nested references.
constexpr int MaxInterpolationDepth = 10;

int indentOf(const QString &line)
{
    for (int i = 0; i < line.size(); ++i) {
        if (!line.at(i).isSpace())
            return i;
    }
    return 0;
}

} // namespace

QString IniFile::Entry::joined() const
{
    QString out = lines.join(QLatin1Char('\n'));
    int end = out.size();
    while (end > 0 && out.at(end - 1).isSpace())
        --end;
    out.truncate(end);
    return out;
}

const IniFile::Entry *IniFile::Section::find(const QString &key) const
{
    for (const Entry &e : entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

IniFile IniFile::load(const QString &path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        IniFile ini;
        ini.m_path = path;
        ini.m_problems.append(Problem::make(Problem::Severity::Error, u"UnreadableFile"_s, path, 0,
                                            u"cannot read the configuration file (%1); check that "
                                            "it exists and is readable"_s.arg(file.errorString())));
        return ini;
    }
    QMap<QString, QString> defaults;
    defaults.insert(u"here"_s, QDir::cleanPath(info.absolutePath()));
    return parse(file.readAll(), path, defaults);
}

namespace {

// The file's lines without a BOM, with any line ending.
QStringList textLines(const QByteArray &text)
{
    QString content = QString::fromUtf8(text);
    if (content.startsWith(QChar(0xFEFF)))
        content.remove(0, 1);
    content.replace(u"\r\n"_s, u"\n"_s);
    content.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return content.split(QLatin1Char('\n'));
}

// The first '=' or ':' separates the key from the value; -1 when there is neither.
qsizetype separatorOf(const QString &line)
{
    for (qsizetype k = 0; k < line.size(); ++k) {
        if (line.at(k) == QLatin1Char('=') || line.at(k) == QLatin1Char(':'))
            return k;
    }
    return -1;
}

} // namespace

// Reads lines as Python's configparser does, one at a time: a section header, a key, a
// continuation of the last value, or a problem.
class IniFile::Parser
{
public:
    Parser(IniFile &ini, const QString &path)
        : m_ini(ini)
        , m_path(path)
    {
    }

    void feed(const QString &line, int lineNo)
    {
        const QString stripped = line.trimmed();
        const bool isComment = stripped.startsWith(QLatin1Char('#')) || stripped.startsWith(QLatin1Char(';'));
        if (stripped.isEmpty() || isComment) {
            // configparser keeps blank lines inside a multi-line value (trailing ones are
            // stripped when joined); comment lines are dropped without ending the value.
            if (!isComment && m_entry >= 0)
                section().entries[m_entry].lines.append(QString());
            return;
        }
        const int indent = indentOf(line);
        if (m_current != NoSection && m_entry >= 0 && indent > m_indent) {
            section().entries[m_entry].lines.append(stripped);
            return;
        }
        m_indent = indent;
        // Like configparser's "\[(.+)\]" matched at the start: text after the last ']' is ignored.
        const qsizetype closing = stripped.lastIndexOf(QLatin1Char(']'));
        if (stripped.startsWith(QLatin1Char('[')) && closing > 1)
            openSection(stripped.mid(1, closing - 1), lineNo);
        else if (m_current == NoSection)
            problem(u"IniMissingSectionHeader"_s, lineNo,
                    u"text before the first [section] header; put it under a section such as [alembic] or "
                    "remove it"_s);
        else
            addEntry(stripped, lineNo);
    }

private:
    // Indices, not pointers: the lists grow while parsing.
    static constexpr int NoSection = -1;
    static constexpr int DefaultSection = -2;

    Section &section() { return m_current == DefaultSection ? m_ini.m_defaults : m_ini.m_sections[m_current]; }

    void problem(const QString &kind, int lineNo, const QString &message)
    {
        m_ini.m_problems.append(Problem::make(Problem::Severity::Error, kind, m_path, lineNo, message));
    }

    void openSection(const QString &name, int lineNo)
    {
        m_entry = -1;
        if (name == u"DEFAULT"_s) {
            m_current = DefaultSection;
            return;
        }
        if (m_seen.contains(name)) {
            problem(u"IniDuplicateSection"_s, lineNo,
                    u"section [%1] appears more than once (Python's configparser refuses this file); merge the "
                    "two sections"_s.arg(name));
            for (int s = 0; s < m_ini.m_sections.size(); ++s) {
                if (m_ini.m_sections.at(s).name == name)
                    m_current = s;
            }
            return;
        }
        m_seen.insert(name);
        m_ini.m_sections.append(Section{name, {}, lineNo});
        m_current = int(m_ini.m_sections.size()) - 1;
    }

    void addEntry(const QString &stripped, int lineNo)
    {
        const qsizetype sep = separatorOf(stripped);
        const QString key = sep < 0 ? QString() : stripped.left(sep).trimmed().toLower();
        if (key.isEmpty()) {
            problem(u"IniParseError"_s, lineNo, u"cannot read this line as \"key = value\"; fix or remove it"_s);
            m_entry = -1;
            return;
        }
        const QString value = stripped.mid(sep + 1).trimmed();
        Section &sec = section();
        int existing = -1;
        for (int e = 0; e < sec.entries.size(); ++e) {
            if (sec.entries.at(e).key == key)
                existing = e;
        }
        if (existing >= 0 && m_current != DefaultSection)
            problem(u"IniDuplicateKey"_s, lineNo,
                    u"key \"%1\" is set twice in [%2] (Python's configparser refuses this file); keep only "
                    "one"_s.arg(key, sec.name));
        if (existing >= 0) {
            // Injected defaults are overridden silently, as ConfigParser does.
            sec.entries[existing].lines = QStringList{value};
            sec.entries[existing].line = lineNo;
            m_entry = existing;
            return;
        }
        sec.entries.append(Entry{key, {value}, lineNo});
        m_entry = int(sec.entries.size()) - 1;
    }

    IniFile &m_ini;
    const QString &m_path;
    int m_current = NoSection;
    int m_entry = -1; // the entry a continuation line belongs to
    int m_indent = 0;
    QSet<QString> m_seen;
};

IniFile IniFile::parse(const QByteArray &text, const QString &path, const QMap<QString, QString> &injectedDefaults)
{
    IniFile ini;
    ini.m_path = path;
    ini.m_defaults.name = u"DEFAULT"_s;
    for (auto it = injectedDefaults.cbegin(); it != injectedDefaults.cend(); ++it)
        ini.m_defaults.entries.append(Entry{it.key().toLower(), {it.value()}, 0});
    Parser parser(ini, path);
    const QStringList lines = textLines(text);
    for (int i = 0; i < lines.size(); ++i)
        parser.feed(lines.at(i), i + 1);
    return ini;
}

QStringList IniFile::sections() const
{
    QStringList out;
    for (const Section &s : m_sections)
        out.append(s.name);
    return out;
}

bool IniFile::hasSection(const QString &section) const
{
    for (const Section &s : m_sections) {
        if (s.name == section)
            return true;
    }
    return false;
}

QStringList IniFile::keys(const QString &section, bool ownOnly) const
{
    QStringList out;
    for (const Section &s : m_sections) {
        if (s.name != section)
            continue;
        for (const Entry &e : s.entries)
            out.append(e.key);
    }
    if (ownOnly)
        return out;
    for (const Entry &e : m_defaults.entries) {
        if (!out.contains(e.key))
            out.append(e.key);
    }
    return out;
}

const IniFile::Entry *IniFile::findEntry(const QString &section, const QString &key) const
{
    const QString k = key.toLower();
    for (const Section &s : m_sections) {
        if (s.name == section) {
            if (const Entry *e = s.find(k))
                return e;
        }
    }
    return m_defaults.find(k);
}

std::optional<QString> IniFile::rawValue(const QString &section, const QString &key) const
{
    if (const Entry *e = findEntry(section, key))
        return e->joined();
    return std::nullopt;
}

IniValue IniFile::value(const QString &section, const QString &key) const
{
    IniValue result;
    const Entry *e = findEntry(section, key);
    if (!e)
        return result;
    result.present = true;
    result.line = e->line;
    QString out;
    Problem error;
    if (interpolate(section, key.toLower(), e->joined(), 1, out, error, e->line))
        result.text = out;
    else
        result.error = error;
    return result;
}

bool IniFile::interpolate(const QString &section, const QString &key, const QString &raw, int depth, QString &out,
                          Problem &error, int line) const
{
    if (depth > MaxInterpolationDepth) {
        error = Problem::make(Problem::Severity::Error, u"IniInterpolationError"_s, m_path, line,
                              u"value of \"%1\" in [%2] refers to itself through too many levels "
                              "of %(name)s; break the loop"_s.arg(key, section));
        return false;
    }
    qsizetype pos = 0;
    while (pos < raw.size()) {
        const qsizetype pct = raw.indexOf(QLatin1Char('%'), pos);
        if (pct < 0) {
            out += QStringView(raw).mid(pos);
            break;
        }
        out += QStringView(raw).mid(pos, pct - pos);
        const QChar next = pct + 1 < raw.size() ? raw.at(pct + 1) : QChar();
        if (next == QLatin1Char('%')) {
            out += QLatin1Char('%');
            pos = pct + 2;
            continue;
        }
        if (next != QLatin1Char('(')) {
            error = Problem::make(Problem::Severity::Error, u"IniInterpolationError"_s, m_path, line,
                                  u"value of \"%1\" in [%2] has a lone '%' (at \"%3\"); write %% "
                                  "for a literal percent sign"_s.arg(key, section, raw.mid(pct)));
            return false;
        }
        const qsizetype close = raw.indexOf(QLatin1Char(')'), pct + 2);
        if (close < 0 || close == pct + 2 || close + 1 >= raw.size() || raw.at(close + 1) != QLatin1Char('s')) {
            error = Problem::make(Problem::Severity::Error, u"IniInterpolationError"_s, m_path, line,
                                  u"value of \"%1\" in [%2] has a bad reference \"%3\"; write "
                                  "%(name)s, or %% for a literal percent sign"_s.arg(key, section, raw.mid(pct)));
            return false;
        }
        const QString name = raw.mid(pct + 2, close - pct - 2).toLower();
        pos = close + 2;
        const Entry *ref = findEntry(section, name);
        if (!ref) {
            error = Problem::make(Problem::Severity::Error, u"IniInterpolationError"_s, m_path, line,
                                  u"value of \"%1\" in [%2] refers to %(%3)s, which is not set in "
                                  "[%2] or [DEFAULT]; define it or write %% for a literal percent "
                                  "sign"_s.arg(key, section, name));
            return false;
        }
        const QString refValue = ref->joined();
        if (refValue.contains(QLatin1Char('%'))) {
            if (!interpolate(section, key, refValue, depth + 1, out, error, line))
                return false;
        } else {
            out += refValue;
        }
    }
    return true;
}

} // namespace retort
