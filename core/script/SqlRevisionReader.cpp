#include "SqlRevisionReader.h"

#include "FileBytes.h"
#include "Utf8Check.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            out.append(item);
    }
    return out;
}

// "-- +upgrade postgresql" -> {"upgrade", "postgresql"}; nullopt when the line is no marker.
std::optional<QStringList> markerWords(QStringView trimmed)
{
    if (!trimmed.startsWith(u"--"))
        return std::nullopt;
    const QStringView rest = trimmed.mid(2).trimmed();
    if (!rest.startsWith(u'+'))
        return std::nullopt;
    QStringList words;
    for (QStringView w : rest.mid(1).split(u' ', Qt::SkipEmptyParts))
        words.append(w.trimmed().toString().toLower());
    return words;
}

std::optional<bool> parseYesNo(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"yes"_s || v == u"true"_s || v == u"on"_s || v == u"1"_s)
        return true;
    if (v == u"no"_s || v == u"false"_s || v == u"off"_s || v == u"0"_s)
        return false;
    return std::nullopt;
}

bool isHeaderKeyChar(QChar c)
{
    return c.isLetter() || c == u' ' || c == u'_' || c == u'-';
}

} // namespace

QStringList SqlRevisionReader::supportedDialects()
{
    return {u"sqlite"_s, u"postgresql"_s};
}

SqlReadResult SqlRevisionReader::readFile(const QString &path)
{
    return readFile(readFileBytes(path), path);
}

SqlReadResult SqlRevisionReader::readFile(const Fallible<QByteArray> &bytes, const QString &path)
{
    if (!bytes) {
        SqlReadResult result;
        result.script.path = path;
        result.problems.append(Problem::make(Problem::Severity::Error, u"UnreadableFile"_s, path, 0,
                                             u"cannot read the revision file (%1); check its "
                                             "permissions"_s.arg(bytes.error().message)));
        return result;
    }
    return read(*bytes, path);
}

namespace {

// One line of the file, its '\r' dropped (CRLF files).
QStringView lineAt(const QStringList &lines, qsizetype i)
{
    QStringView l(lines.at(i));
    return l.endsWith(u'\r') ? l.chopped(1) : l;
}

// The header: the leading run of comment lines, where "-- Key: value" lines are fields.
// Returns the index of the first line after it.
qsizetype readHeader(const QStringList &lines, const QString &path, Revision &revision, Problems &problems)
{
    qsizetype i = 0;
    for (; i < lines.size(); ++i) {
        const QStringView line = lineAt(lines, i).trimmed();
        if (!line.startsWith(u"--") || markerWords(line))
            break;
        const QStringView body = line.mid(2).trimmed();
        const qsizetype colon = body.indexOf(u':');
        if (colon <= 0)
            continue;
        const QStringView rawKey = body.left(colon).trimmed();
        if (!std::all_of(rawKey.begin(), rawKey.end(), isHeaderKeyChar))
            continue; // a free comment that happens to hold a colon
        const QString key = rawKey.toString().toLower().simplified();
        const QString value = body.mid(colon + 1).trimmed().toString();
        const int lineNo = int(i) + 1;
        if (key == u"revision id"_s) {
            revision.id = value;
            revision.line = lineNo;
        } else if (key == u"revises"_s) {
            revision.downRevisions = splitList(value);
        } else if (key == u"branch labels"_s) {
            revision.branchLabels = splitList(value);
        } else if (key == u"depends on"_s) {
            revision.dependsOn = splitList(value);
        } else if (key == u"create date"_s) {
            revision.createDate = value;
        } else if (key == u"message"_s) {
            revision.message = value;
        } else if (key == u"transactional"_s) {
            if (const std::optional<bool> flag = parseYesNo(value))
                revision.transactional = *flag;
            else
                problems.append(Problem::make(Problem::Severity::Warning, u"InvalidHeaderValue"_s, path, lineNo,
                                              u"Transactional: \"%1\" is not yes or no; the revision runs in a "
                                              "transaction"_s.arg(value)));
        } else {
            problems.append(
                Problem::make(Problem::Severity::Warning, u"UnknownHeaderKey"_s, path, lineNo,
                              u"unknown header \"%1\"; known ones are Revision ID, Revises, Branch "
                              "labels, Depends on, Create Date, Message and Transactional"_s.arg(rawKey.toString())));
        }
    }
    return i;
}

// The "-- +upgrade [dialect]" / "-- +downgrade [dialect]" sections from line index `start` on.
class SectionReader
{
public:
    SectionReader(const QStringList &lines, const QString &path, SqlScript &script, Problems &problems)
        : m_lines(lines)
        , m_path(path)
        , m_script(script)
        , m_problems(problems)
    {
    }

    void read(qsizetype start)
    {
        for (qsizetype i = start; i < m_lines.size(); ++i) {
            const int lineNo = int(i) + 1;
            const QStringView line = lineAt(m_lines, i).trimmed();
            if (const std::optional<QStringList> words = markerWords(line)) {
                close(lineNo);
                open(*words, lineNo);
            } else if (!m_open && !m_skipping && !line.isEmpty() && !line.startsWith(u"--") && !m_strayLine) {
                m_strayLine = lineNo;
            }
        }
        close(int(m_lines.size()) + 1);
        if (m_strayLine)
            m_problems.append(
                Problem::make(Problem::Severity::Warning, u"SqlOutsideSection"_s, m_path, m_strayLine,
                              u"SQL before the first -- +upgrade marker never runs; move it into a section"_s));
    }

private:
    void open(const QStringList &words, int lineNo)
    {
        m_skipping = true;
        const QString direction = words.value(0);
        if (direction != u"upgrade"_s && direction != u"downgrade"_s) {
            problem(
                Problem::Severity::Error, u"UnknownDirection"_s, lineNo,
                u"unknown section \"+%1\"; use -- +upgrade or -- +downgrade (the section is ignored)"_s.arg(direction));
            return;
        }
        const QString dialect = words.value(1);
        const QStringList dialects = SqlRevisionReader::supportedDialects();
        if (!dialect.isEmpty() && !dialects.contains(dialect)) {
            problem(Problem::Severity::Error, u"UnknownDialect"_s, lineNo,
                    u"unknown dialect \"%1\"; supported are %2 (the section is ignored)"_s.arg(dialect,
                                                                                               dialects.join(u", "_s)));
            return;
        }
        if (words.size() > 2)
            problem(Problem::Severity::Warning, u"InvalidSectionMarker"_s, lineNo,
                    u"extra words after the dialect are ignored; write -- +%1 %2"_s.arg(direction, dialect));
        SqlSection section;
        section.direction = direction == u"upgrade"_s ? SqlDirection::Upgrade : SqlDirection::Downgrade;
        section.dialect = dialect;
        section.markerLine = lineNo;
        section.firstLine = lineNo + 1;
        m_script.sections.append(section);
        m_open = &m_script.sections.last();
        m_skipping = false;
    }

    // Ends the open section before line endLine (exclusive), dropping trailing blank lines.
    void close(int endLine)
    {
        if (!m_open)
            return;
        int last = m_open->markerLine;
        for (int l = endLine - 1; l >= m_open->firstLine; --l) {
            if (!lineAt(m_lines, l - 1).trimmed().isEmpty()) {
                last = l;
                break;
            }
        }
        m_open->lastLine = last;
        QStringList body;
        for (int l = m_open->firstLine; l <= last; ++l)
            body.append(lineAt(m_lines, l - 1).toString());
        m_open->text = body.join(QLatin1Char('\n'));
        m_open = nullptr;
    }

    void problem(Problem::Severity severity, const QString &kind, int lineNo, const QString &message)
    {
        m_problems.append(Problem::make(severity, kind, m_path, lineNo, message));
    }

    const QStringList &m_lines;
    const QString &m_path;
    SqlScript &m_script;
    Problems &m_problems;
    SqlSection *m_open = nullptr;
    bool m_skipping = false; // inside a section whose marker was rejected
    int m_strayLine = 0;
};

// The revision's upgrade and downgrade line ranges from its sections; a missing upgrade is an error.
void summariseSections(const SqlScript &script, const QString &path, Revision &revision, Problems &problems)
{
    bool hasUpgrade = false;
    for (const SqlSection &s : script.sections) {
        LineRange &range = s.direction == SqlDirection::Upgrade ? revision.upgradeLines : revision.downgradeLines;
        if (range.first == 0)
            range.first = s.markerLine;
        range.last = std::max(s.lastLine, s.markerLine);
        hasUpgrade = hasUpgrade || s.direction == SqlDirection::Upgrade;
    }
    if (!hasUpgrade)
        problems.append(Problem::make(Problem::Severity::Error, u"MissingUpgrade"_s, path, 0,
                                      u"no -- +upgrade section; add one with the SQL that applies this revision"_s));
}

// Whether the revision has an id Alembic accepts; a problem says why not.
bool checkIdentity(const Revision &revision, const QString &path, Problems &problems)
{
    if (revision.id.isEmpty() && revision.line > 0) {
        problems.append(Problem::make(Problem::Severity::Error, u"MissingRevision"_s, path, revision.line,
                                      u"the \"-- Revision ID:\" line names no revision; put the file's id after "
                                      "the colon"_s));
        return false;
    }
    if (revision.id.isEmpty()) {
        problems.append(Problem::make(Problem::Severity::Error, u"MissingRevision"_s, path, 0,
                                      u"no \"-- Revision ID: ...\" line in the header at the top of the file; "
                                      "add one"_s));
        return false;
    }
    if (revision.id.contains(QLatin1Char('@')) || revision.id.contains(QLatin1Char('-'))
        || revision.id.contains(QLatin1Char('+')) || revision.id.contains(QLatin1Char(' '))) {
        problems.append(Problem::make(Problem::Severity::Error, u"InvalidRevisionId"_s, path, revision.line,
                                      u"revision id \"%1\" contains @, -, + or a space, which Alembic does not "
                                      "allow; rename it"_s.arg(revision.id)));
        return false;
    }
    return true;
}

} // namespace

SqlReadResult SqlRevisionReader::read(const QByteArray &content, const QString &path)
{
    SqlReadResult result;
    result.script.path = path;
    Revision revision;
    revision.path = path;
    revision.format = ScriptFormat::Sql;

    if (auto invalid = invalidUtf8Problem(std::string_view(content.constData(), size_t(content.size())), path))
        result.problems.append(std::move(*invalid));
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QStringList lines = text.split(QLatin1Char('\n'));

    const qsizetype body = readHeader(lines, path, revision, result.problems);
    SectionReader(lines, path, result.script, result.problems).read(body);
    summariseSections(result.script, path, revision, result.problems);
    const bool usable = checkIdentity(revision, path, result.problems);
    for (Problem &p : result.problems)
        p.revision = revision.id;
    if (usable)
        result.revision = revision;
    return result;
}

} // namespace retort
