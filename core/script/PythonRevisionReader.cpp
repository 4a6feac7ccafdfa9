#include "PythonRevisionReader.h"

#include "FileBytes.h"
#include "ProjectModules.h"
#include "PythonImports.h"

#include "PythonLiteral.h"
#include "PythonStatementScanner.h"
#include "Utf8Check.h"

#include <QFile>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The module attributes Alembic reads.
enum Name { RevisionName, DownRevisionName, BranchLabelsName, DependsOnName, NameCount };
constexpr std::array<std::string_view, NameCount> Names = {"revision", "down_revision", "branch_labels", "depends_on"};

struct Assignment
{
    bool present = false;
    int line = 0;
    PythonLiteral value;
};

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
}

size_t skipBlanks(std::string_view t, size_t i)
{
    while (i < t.size()) {
        const char c = t[i];
        if (c == ' ' || c == '\t' || c == '\f') {
            ++i;
        } else if (c == '\\' && i + 1 < t.size() && (t[i + 1] == '\n' || t[i + 1] == '\r')) {
            i += (t[i + 1] == '\r' && i + 2 < t.size() && t[i + 2] == '\n') ? 3 : 2;
        } else {
            break;
        }
    }
    return i;
}

std::string_view identifierAt(std::string_view t, size_t i)
{
    size_t j = i;
    while (j < t.size() && isIdentChar(t[j]))
        ++j;
    return t.substr(i, j - i);
}

// "+=", "//=", "**=", ">>=", ...
bool isAugmentedAssignment(std::string_view t)
{
    constexpr std::string_view single = "+-*/%@&|^";
    if (t.size() >= 2 && t[1] == '=' && single.find(t[0]) != std::string_view::npos)
        return true;
    return t.size() >= 3 && t[2] == '=' && t[0] == t[1] && (t[0] == '/' || t[0] == '*' || t[0] == '<' || t[0] == '>');
}

// After "name" and an optional annotation: the '=' that starts the value, or npos when the
// statement does not assign (a bare annotation, a comparison, ...).
size_t findAnnotatedEquals(std::string_view t, size_t i)
{
    int depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"' || c == '\'') {
            const size_t end = t.find(c, i + 1);
            if (end == std::string_view::npos)
                return std::string_view::npos;
            i = end + 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            --depth;
        else if (c == '=' && depth == 0)
            return (i + 1 < t.size() && t[i + 1] == '=') ? std::string_view::npos : i;
        ++i;
    }
    return std::string_view::npos;
}

// Splits a logical line at the ';' that separate simple statements (outside strings, brackets
// and comments). Almost always returns the line itself.
std::vector<std::string_view> splitSimpleStatements(std::string_view t)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    int depth = 0;
    size_t i = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"' || c == '\'') {
            const bool triple = i + 2 < t.size() && t[i + 1] == c && t[i + 2] == c;
            i += triple ? 3 : 1;
            while (i < t.size()) {
                if (t[i] == '\\') {
                    i += 2;
                } else if (t[i] == c && (!triple || (i + 2 < t.size() && t[i + 1] == c && t[i + 2] == c))) {
                    i += triple ? 3 : 1;
                    break;
                } else {
                    ++i;
                }
            }
            continue;
        }
        if (c == '#')
            break;
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            --depth;
        else if (c == ';' && depth == 0) {
            parts.push_back(t.substr(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    parts.push_back(t.substr(start));
    for (std::string_view &part : parts) {
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
    }
    return parts;
}

// Records "name = value" (optionally annotated) for the names Alembic reads.
void readAssignment(std::string_view text, int line, std::array<Assignment, NameCount> &assigned,
                    const PythonLiteral::NameResolver &resolve)
{
    const std::string_view word = identifierAt(text, 0);
    int which = -1;
    for (int n = 0; n < NameCount; ++n) {
        if (word == Names[size_t(n)])
            which = n;
    }
    if (which < 0)
        return;
    size_t i = skipBlanks(text, word.size());
    if (i >= text.size())
        return;
    Assignment &a = assigned[size_t(which)];
    size_t equals = std::string_view::npos;
    if (text[i] == ':') {
        equals = findAnnotatedEquals(text, i + 1);
    } else if (text[i] == '=' && (i + 1 >= text.size() || text[i + 1] != '=')) {
        equals = i;
    } else if (text[i] == ',' || isAugmentedAssignment(text.substr(i))) {
        // Tuple unpacking or an augmented assignment (+=, //=, ...): the name changes but not
        // to anything readable here.
        a.present = true;
        a.line = line;
        a.value = PythonLiteral();
        a.value.reason = u"an unpacking or augmented assignment"_s;
        return;
    }
    if (equals == std::string_view::npos)
        return;
    a.present = true;
    a.line = line;
    a.value = PythonLiteral::parse(text.substr(equals + 1), resolve);
}

// PEP 263: a "coding" comment on line 1 or 2. Only Latin-1 needs converting; everything else is
// read as UTF-8 (Python's default).
bool declaresLatin1(std::string_view src)
{
    size_t lineStart = 0;
    for (int n = 0; n < 2 && lineStart < src.size(); ++n) {
        size_t end = src.find('\n', lineStart);
        if (end == std::string_view::npos)
            end = src.size();
        const std::string_view line = src.substr(lineStart, end - lineStart);
        const size_t hash = line.find('#');
        const size_t coding = line.find("coding");
        if (hash != std::string_view::npos && coding != std::string_view::npos && coding > hash
            && coding + 6 < line.size() && (line[coding + 6] == ':' || line[coding + 6] == '=')) {
            size_t v = coding + 7;
            while (v < line.size() && (line[v] == ' ' || line[v] == '\t'))
                ++v;
            std::string name;
            while (v < line.size() && (isIdentChar(line[v]) || line[v] == '-' || line[v] == '.'))
                name += char(line[v++] | 0x20);
            for (char &c : name) {
                if (c == '_')
                    c = '-';
            }
            return name == "latin-1" || name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "l1"
                || name.starts_with("iso-latin-1");
        }
        lineStart = end + 1;
    }
    return false;
}

// Alembic's doc is the stripped docstring up to the first blank line ("\n\n").
void readDocstring(const QString &docstring, Revision &revision, QStringList &headerIds)
{
    const QString longdoc = docstring.trimmed();
    const qsizetype paragraph = longdoc.indexOf(u"\n\n"_s);
    revision.message = paragraph < 0 ? longdoc : longdoc.left(paragraph);
    revision.longDoc = longdoc;
    for (QStringView line : QStringView(longdoc).split(QLatin1Char('\n'))) {
        const QStringView l = line.trimmed();
        if (l.startsWith(u"Create Date:"))
            revision.createDate = l.mid(12).trimmed().toString();
        else if (l.startsWith(u"Revision ID:"))
            headerIds.append(l.mid(12).trimmed().toString());
    }
}

QString describe(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

// The assignments found, checked: revision and down_revision decide whether there is a revision
// at all; what cannot be read is reported with its line, never guessed.
void finishRevision(const std::array<Assignment, NameCount> &assigned, const QStringList &headerIds, Revision &revision,
                    RevisionReadResult &result)
{
    const QString &path = revision.path;
    bool usable = true;
    for (int n = 0; n < NameCount; ++n) {
        const Assignment &a = assigned[size_t(n)];
        if (!a.present || a.value.kind != PythonLiteral::Kind::Unreadable)
            continue;
        const bool essential = n == RevisionName || n == DownRevisionName;
        if (essential)
            usable = false;
        result.problems.append(
            Problem::make(Problem::Severity::Error, u"UnreadableValue"_s, path, a.line,
                          u"%1 is set to %2, which cannot be read without running Python; write it as a "
                          "string literal, a tuple of string literals or None%3"_s.arg(
                              describe(Names[size_t(n)]), a.value.reason,
                              essential ? u" (the file is skipped until then)"_s : u" (it is ignored until then)"_s)));
    }

    const Assignment &rev = assigned[RevisionName];
    if (!rev.present) {
        result.problems.append(Problem::make(Problem::Severity::Error, u"MissingRevision"_s, path, 0,
                                             u"no top-level assignment revision = \"...\"; add the "
                                             "revision id or move the file out of the versions "
                                             "folder"_s));
        return;
    }
    if (rev.value.kind != PythonLiteral::Kind::Unreadable) {
        const QString id = rev.value.kind == PythonLiteral::Kind::String ? rev.value.strings.constFirst() : QString();
        if (rev.value.kind != PythonLiteral::Kind::String || id.isEmpty()) {
            result.problems.append(Problem::make(Problem::Severity::Error, u"InvalidRevisionId"_s, path, rev.line,
                                                 u"revision must be a non-empty string; set it to "
                                                 "the file's revision id"_s));
            usable = false;
        } else if (id.contains(QLatin1Char('@')) || id.contains(QLatin1Char('-')) || id.contains(QLatin1Char('+'))) {
            Problem p = Problem::make(Problem::Severity::Error, u"InvalidRevisionId"_s, path, rev.line,
                                      u"revision id \"%1\" contains @, - or +, which Alembic does "
                                      "not allow; rename it"_s.arg(id));
            p.revision = id;
            result.problems.append(p);
            usable = false;
        } else {
            revision.id = id;
            revision.line = rev.line;
        }
    }
    const Assignment &down = assigned[DownRevisionName];
    if (!down.present) {
        Problem p = Problem::make(Problem::Severity::Error, u"MissingDownRevision"_s, path, 0,
                                  u"no top-level assignment down_revision = ...; Alembic cannot "
                                  "load the file without it (use None for a base revision)"_s);
        p.revision = revision.id;
        result.problems.append(p);
        usable = false;
    } else {
        revision.downRevisions = down.value.strings;
    }
    if (assigned[BranchLabelsName].present)
        revision.branchLabels = assigned[BranchLabelsName].value.strings;
    if (assigned[DependsOnName].present)
        revision.dependsOn = assigned[DependsOnName].value.strings;

    for (const QString &headerId : std::as_const(headerIds)) {
        if (!revision.id.isEmpty() && headerId != revision.id) {
            Problem p = Problem::make(Problem::Severity::Warning, u"DocstringMismatch"_s, path, rev.line,
                                      u"the docstring says \"Revision ID: %1\" but revision is "
                                      "\"%2\"; the assignment counts, fix the docstring"_s.arg(headerId, revision.id));
            p.revision = revision.id;
            result.problems.append(p);
        }
    }
    for (Problem &p : result.problems) {
        if (p.revision.isEmpty())
            p.revision = revision.id;
    }
    if (usable)
        result.revision = revision;
}

RevisionReadResult PythonRevisionReader::readFile(const QString &path, const ProjectModules *modules)
{
    return readFile(readFileBytes(path), path, modules);
}

RevisionReadResult PythonRevisionReader::readFile(const Fallible<QByteArray> &bytes, const QString &path,
                                                  const ProjectModules *modules)
{
    if (!bytes) {
        RevisionReadResult result;
        result.problems.append(Problem::make(Problem::Severity::Error, u"UnreadableFile"_s, path, 0,
                                             u"cannot read the revision file (%1); check its "
                                             "permissions"_s.arg(bytes.error().message)));
        return result;
    }
    return read(*bytes, path, modules);
}

namespace {

// The file as UTF-8 without a BOM; a latin-1 coding declaration converts it into `storage`.
std::string_view utf8Source(const QByteArray &content, std::string &storage)
{
    std::string_view src(content.constData(), size_t(content.size()));
    if (src.starts_with("\xEF\xBB\xBF"))
        src.remove_prefix(3);
    if (!declaresLatin1(src))
        return src;
    const QByteArray utf8 = QString::fromLatin1(src.data(), qsizetype(src.size())).toUtf8();
    storage.assign(utf8.constData(), size_t(utf8.size()));
    return storage;
}

// For "def upgrade(" / "def downgrade(": the revision's line range it starts; else null.
LineRange *functionStartedBy(std::string_view text, const PythonStatement &st, Revision &revision)
{
    size_t i = skipBlanks(text, 3);
    const std::string_view fn = identifierAt(text, i);
    i = skipBlanks(text, i + fn.size());
    if (i >= text.size() || text[i] != '(' || (fn != "upgrade" && fn != "downgrade"))
        return nullptr;
    LineRange *range = fn == "upgrade" ? &revision.upgradeLines : &revision.downgradeLines;
    *range = LineRange{st.firstLine, st.lastLine};
    return range;
}

// A leading string statement (not bytes, not an f-string) is the module docstring.
bool readModuleDocstring(std::string_view text, Revision &revision, QStringList &headerIds)
{
    const char c0 = char(text.front() | 0x20);
    if (c0 == 'b' || c0 == 'f')
        return false;
    const PythonLiteral doc = PythonLiteral::parse(text);
    if (doc.kind != PythonLiteral::Kind::String)
        return false;
    readDocstring(doc.strings.constFirst(), revision, headerIds);
    return true;
}

} // namespace

RevisionReadResult PythonRevisionReader::read(const QByteArray &content, const QString &path,
                                              const ProjectModules *modules)
{
    RevisionReadResult result;
    std::string converted;
    const std::string_view src = utf8Source(content, converted);
    // After a latin-1 declaration the text was converted and is valid by construction.
    if (auto invalid = invalidUtf8Problem(src, path))
        result.problems.append(std::move(*invalid));

    Revision revision;
    revision.path = path;
    revision.format = ScriptFormat::Python;
    std::array<Assignment, NameCount> assigned;
    QStringList headerIds;
    LineRange *openFunction = nullptr;
    bool firstStatement = true;
    // Names taken from the project's own modules resolve through its imports.
    PythonImports imports;
    PythonLiteral::NameResolver resolve;
    if (modules) {
        resolve = [&imports, modules](const QString &name) -> std::optional<QString> {
            const QString qualified = imports.qualify(name);
            return qualified.isEmpty() ? std::nullopt : modules->stringConstant(qualified);
        };
    }

    PythonStatementScanner scanner(src);
    PythonStatement st;
    while (scanner.next(st)) {
        if (st.comment) {
            // An indented comment belongs to the function body; one at column 0 does not end it.
            if (st.indent > 0 && openFunction)
                openFunction->last = st.lastLine;
            continue;
        }
        if (st.indent > 0) {
            if (openFunction)
                openFunction->last = st.lastLine;
            continue;
        }
        openFunction = nullptr;
        const std::string_view text = src.substr(st.begin, st.end - st.begin);
        if (std::exchange(firstStatement, false) && readModuleDocstring(text, revision, headerIds))
            continue;
        const std::string_view word = identifierAt(text, 0);
        if (word.empty())
            continue;
        if (word == "def") {
            openFunction = functionStartedBy(text, st, revision);
            continue;
        }
        if (word == "import" || word == "from") {
            imports.read(text);
            continue;
        }
        // "a = 1; b = 2" holds several simple statements; nearly every line is one.
        if (text.find(';') == std::string_view::npos) {
            readAssignment(text, st.firstLine, assigned, resolve);
            continue;
        }
        for (const std::string_view simple : splitSimpleStatements(text))
            readAssignment(simple, st.firstLine, assigned, resolve);
    }
    if (scanner.error()) {
        result.problems.append(Problem::make(Problem::Severity::Error, u"ParseError"_s, path, scanner.errorLine(),
                                             scanner.errorMessage()
                                                 + u"; Python cannot load this "
                                                   "file either, fix it"_s));
        return result;
    }

    finishRevision(assigned, headerIds, revision, result);
    return result;
}

} // namespace retort
