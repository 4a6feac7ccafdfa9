#include "MakoTemplate.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace retort {

struct MakoTemplate::Node
{
    enum class Type { Text, Expression, If };
    Type type = Type::Text;
    int line = 0;
    QString text; // Text: the text; Expression: the source, for messages
    std::optional<MakoExpression> expression;
    QStringList filters; // Expression: as written, without "n"
    bool defaultFilters = true; // Expression: str() first
    // If: one branch per if / elif, then else (no condition).
    struct Branch
    {
        int line = 0;
        std::optional<MakoExpression> condition;
        std::vector<Node> body;
    };
    std::vector<Branch> branches;
};

namespace {

using Node = MakoTemplate::Node;

class Lexer
{
public:
    Lexer(const QString &text, const QString &fileName)
        : m_text(text)
        , m_file(fileName)
    {
    }

    Expected<std::vector<Node>, TemplateError> run()
    {
        m_stack.push_back(Frame{});
        while (m_pos < m_text.size()) {
            std::optional<TemplateError> error;
            if (atLineStart() && controlLineAhead())
                error = controlLine();
            else if (m_text.mid(m_pos, 2) == u"${"_s)
                error = expression();
            else if (m_text.mid(m_pos, 2) == u"<%"_s || m_text.mid(m_pos, 3) == u"</%"_s
                     || m_text.mid(m_pos, 2) == u"<&"_s || m_text.mid(m_pos, 3) == u"</&"_s)
                error = tag();
            else
                text();
            if (error)
                return *error;
        }
        if (m_stack.size() > 1)
            return fail(m_stack.back().openLine, u"'% if' is not closed by '% endif'"_s);
        return std::move(m_stack.front().nodes);
    }

private:
    struct Frame
    {
        Node ifNode; // the open if, for frames above the first
        int openLine = 0;
        std::vector<Node> nodes;
    };

    TemplateError fail(int line, const QString &message) const { return TemplateError{m_file, line, message}; }
    int lineAt(qsizetype pos) const { return int(QStringView(m_text).left(pos).count(u'\n')) + 1; }
    bool atLineStart() const { return m_pos == 0 || m_text[m_pos - 1] == u'\n'; }

    // [ \t]*(%|##) at the start of a line.
    bool controlLineAhead() const
    {
        qsizetype p = m_pos;
        while (p < m_text.size() && (m_text[p] == u' ' || m_text[p] == u'\t'))
            ++p;
        return m_text.mid(p, 1) == u"%"_s || m_text.mid(p, 2) == u"##"_s;
    }

    void add(Node node) { m_stack.back().nodes.push_back(std::move(node)); }

    void addText(const QString &text, int line)
    {
        if (text.isEmpty())
            return;
        auto &nodes = m_stack.back().nodes;
        if (!nodes.empty() && nodes.back().type == Node::Type::Text) {
            nodes.back().text += text;
            return;
        }
        Node node;
        node.line = line;
        node.text = text;
        add(std::move(node));
    }

    // Text up to the next expression, tag, control line or end; a backslash before a line break
    // removes both.
    void text()
    {
        const int line = lineAt(m_pos);
        QString out;
        while (m_pos < m_text.size()) {
            if (m_text.mid(m_pos, 2) == u"${"_s || m_text.mid(m_pos, 2) == u"<%"_s || m_text.mid(m_pos, 3) == u"</%"_s
                || m_text.mid(m_pos, 2) == u"<&"_s || m_text.mid(m_pos, 3) == u"</&"_s)
                break;
            if (m_text[m_pos] == u'\\'
                && (m_text.mid(m_pos + 1, 1) == u"\n"_s || m_text.mid(m_pos + 1, 2) == u"\r\n"_s)) {
                m_pos += m_text[m_pos + 1] == u'\n' ? 2 : 3;
                break;
            }
            out += m_text[m_pos];
            ++m_pos;
            if (out.endsWith(u'\n') && controlLineAhead())
                break;
        }
        addText(out, line);
    }

    std::optional<TemplateError> controlLine()
    {
        const int line = lineAt(m_pos);
        while (m_text[m_pos] == u' ' || m_text[m_pos] == u'\t')
            ++m_pos;
        const bool comment = m_text.mid(m_pos, 2) == u"##"_s;
        if (!comment && m_text.mid(m_pos, 2) == u"%"_s)
            return fail(line, u"'%%' at the start of a line (an escaped '%') is not supported"_s);
        m_pos += comment ? 2 : 1;
        // The rest of the line; a backslash before the line break continues it.
        QString body;
        while (m_pos < m_text.size() && m_text[m_pos] != u'\n') {
            if (m_text[m_pos] == u'\\' && m_text.mid(m_pos + 1, 1) == u"\n"_s) {
                body += u"\\\n"_s;
                m_pos += 2;
                continue;
            }
            body += m_text[m_pos];
            ++m_pos;
        }
        if (m_pos < m_text.size())
            ++m_pos; // the line break belongs to the control line
        if (body.endsWith(u'\r'))
            body.chop(1);
        if (comment)
            return std::nullopt;
        body.replace(u"\\\n"_s, u" "_s);
        const QString statement = body.trimmed();
        qsizetype end = 0;
        while (end < statement.size() && (statement[end].isLetterOrNumber() || statement[end] == u'_'))
            ++end;
        const QString keyword = statement.left(end);
        const QString rest = statement.mid(end).trimmed();
        if (keyword.isEmpty())
            return fail(line, u"invalid control line '%%1'"_s.arg(body));
        if (keyword == u"if"_s || keyword == u"elif"_s) {
            if (!rest.endsWith(u':'))
                return fail(line, u"'% %1' needs a ':' at the end of the line"_s.arg(keyword));
            auto condition = MakoExpression::parse(rest.chopped(1));
            if (!condition.ok())
                return fail(line, u"in '% %1 %2': %3"_s.arg(keyword, rest, condition.error()));
            if (keyword == u"if"_s) {
                Frame frame;
                frame.openLine = line;
                frame.ifNode.type = Node::Type::If;
                frame.ifNode.line = line;
                frame.ifNode.branches.push_back(Node::Branch{line, condition.value(), {}});
                m_stack.push_back(std::move(frame));
                return std::nullopt;
            }
            if (auto error = closeBranch(line, keyword))
                return error;
            m_stack.back().ifNode.branches.push_back(Node::Branch{line, condition.value(), {}});
            return std::nullopt;
        }
        if (keyword == u"else"_s) {
            if (rest != u":"_s)
                return fail(line, u"'% else' must be followed by ':' only"_s);
            if (auto error = closeBranch(line, keyword))
                return error;
            m_stack.back().ifNode.branches.push_back(Node::Branch{line, std::nullopt, {}});
            return std::nullopt;
        }
        if (keyword == u"endif"_s) {
            if (auto error = closeBranch(line, keyword))
                return error;
            Node ifNode = std::move(m_stack.back().ifNode);
            m_stack.pop_back();
            add(std::move(ifNode));
            return std::nullopt;
        }
        if (keyword.startsWith(u"end"_s))
            return fail(line, u"'%%1' has no matching start (only '% if' blocks are supported)"_s.arg(body.trimmed()));
        return fail(line,
                    u"'% %1' control lines are not supported; only % if / % elif / % else / % endif"_s.arg(keyword));
    }

    // Moves the nodes collected since the last if / elif / else into that branch.
    std::optional<TemplateError> closeBranch(int line, const QString &keyword)
    {
        if (m_stack.size() < 2)
            return fail(line, u"'% %1' without an open '% if'"_s.arg(keyword));
        Frame &frame = m_stack.back();
        auto &branches = frame.ifNode.branches;
        if (!branches.back().condition && keyword != u"endif"_s)
            return fail(line, u"'% %1' after '% else'"_s.arg(keyword));
        branches.back().body = std::move(frame.nodes);
        frame.nodes.clear();
        return std::nullopt;
    }

    // Scans Python text from m_pos to one of the stop characters outside brackets and strings;
    // returns its position, or -1 at the end of the template.
    qsizetype scanPython(const QString &stops) const
    {
        int depth = 0;
        qsizetype p = m_pos;
        while (p < m_text.size()) {
            const QChar c = m_text[p];
            if (c == u'\'' || c == u'"') {
                const bool triple = m_text.mid(p, 3) == QString(3, c);
                const QString close = triple ? QString(3, c) : QString(c);
                p += close.size();
                while (p < m_text.size() && m_text.mid(p, close.size()) != close)
                    p += m_text[p] == u'\\' ? 2 : 1;
                p += close.size();
                continue;
            }
            if (c == u'#') {
                while (p < m_text.size() && m_text[p] != u'\n')
                    ++p;
                continue;
            }
            if (depth == 0 && stops.contains(c))
                return p;
            if (c == u'(' || c == u'[' || c == u'{')
                ++depth;
            else if (c == u')' || c == u']' || c == u'}')
                --depth;
            ++p;
        }
        return -1;
    }

    std::optional<TemplateError> expression()
    {
        const int line = lineAt(m_pos);
        m_pos += 2;
        const qsizetype end = scanPython(u"|}"_s);
        if (end < 0)
            return fail(line, u"'${' is not closed by '}'"_s);
        Node node;
        node.type = Node::Type::Expression;
        node.line = line;
        node.text = m_text.mid(m_pos, end - m_pos);
        m_pos = end;
        if (m_text[m_pos] == u'|') {
            const qsizetype close = m_text.indexOf(u'}', m_pos);
            if (close < 0)
                return fail(line, u"'${' is not closed by '}'"_s);
            for (const QString &filter : m_text.mid(m_pos + 1, close - m_pos - 1).split(u','))
                node.filters << filter.trimmed();
            m_pos = close;
        }
        ++m_pos;
        node.filters.removeAll(QString());
        if (node.filters.contains(u"n"_s)) {
            node.defaultFilters = false;
            node.filters.removeAll(u"n"_s);
        }
        static const QStringList refused = {u"h"_s, u"u"_s, u"x"_s, u"entity"_s, u"unicode"_s, u"decode"_s};
        for (const QString &filter : std::as_const(node.filters)) {
            if (refused.contains(filter) || filter.contains(u'(') || filter.contains(u'.'))
                return fail(
                    line, u"the filter '%1' is not supported; only str, trim, n and template functions"_s.arg(filter));
        }
        auto parsed = MakoExpression::parse(node.text);
        if (!parsed.ok())
            return fail(line, u"in '${%1}': %2"_s.arg(node.text.trimmed(), parsed.error()));
        node.expression = parsed.value();
        add(std::move(node));
        return std::nullopt;
    }

    std::optional<TemplateError> tag()
    {
        const int line = lineAt(m_pos);
        for (const QString &block : {u"text"_s, u"doc"_s}) {
            const QString open = u"<%"_s + block + u'>';
            if (m_text.mid(m_pos, open.size()) != open)
                continue;
            const QString close = u"</%"_s + block + u'>';
            const qsizetype end = m_text.indexOf(close, m_pos + open.size());
            if (end < 0)
                return fail(line, u"'%1' is not closed by '%2'"_s.arg(open, close));
            if (block == u"text"_s)
                addText(m_text.mid(m_pos + open.size(), end - m_pos - open.size()), line);
            m_pos = end + close.size();
            return std::nullopt;
        }
        QString what = m_text.mid(m_pos, 12).section(u'\n', 0, 0);
        if (m_text.mid(m_pos, 3) == u"<%!"_s)
            what = u"module-level Python blocks ('<%!')"_s;
        else if (m_text.mid(m_pos, 2) == u"<%"_s && (m_text.mid(m_pos + 2, 1).isEmpty() || m_text[m_pos + 2].isSpace()))
            what = u"Python blocks ('<% ... %>')"_s;
        else
            what = u"the tag '%1'"_s.arg(what);
        return fail(line,
                    u"%1 are not supported by Retort's template renderer; it renders ${...}, % if / % else / "
                    "% endif, ## comments and <%text>"_s.arg(what));
    }

    const QString &m_text;
    QString m_file;
    qsizetype m_pos = 0;
    std::vector<Frame> m_stack;
};

// The filtered value, or the Python exception text.
Expected<MakoValue, QString> applyFilter(const QString &name, const MakoValue &value, const MakoScope &scope)
{
    if (name == u"str"_s || name == u"trim"_s) {
        const auto text = value.str();
        if (!text.ok())
            return text.error().message;
        return MakoValue::string(name == u"trim"_s ? text.value().trimmed() : text.value());
    }
    const auto it = scope.constFind(name);
    if (it == scope.constEnd())
        return u"name '%1' is not defined"_s.arg(name);
    return it.value().call({value});
}

Expected<QString, TemplateError> renderNodes(const std::vector<Node> &nodes, const MakoScope &scope,
                                             const QString &file)
{
    QString out;
    for (const Node &node : nodes) {
        switch (node.type) {
        case Node::Type::Text:
            out += node.text;
            break;
        case Node::Type::Expression: {
            auto value = node.expression->evaluate(scope);
            if (!value.ok())
                return TemplateError{file, node.line, u"in '${%1}': %2"_s.arg(node.text.trimmed(), value.error())};
            MakoValue current = value.value();
            QStringList filters = node.filters;
            if (node.defaultFilters)
                filters.prepend(u"str"_s);
            for (const QString &filter : std::as_const(filters)) {
                const auto next = applyFilter(filter, current, scope);
                if (!next.ok())
                    return TemplateError{file, node.line,
                                         u"in '${%1}', filter %2: %3"_s.arg(node.text.trimmed(), filter, next.error())};
                current = next.value();
            }
            if (current.kind() != MakoValue::Kind::Str)
                return TemplateError{file, node.line,
                                     u"in '${%1}': the value to write is a %2, not a str"_s.arg(node.text.trimmed(),
                                                                                                current.typeName())};
            out += current.text();
            break;
        }
        case Node::Type::If:
            for (const Node::Branch &branch : node.branches) {
                bool taken = true;
                if (branch.condition) {
                    auto value = branch.condition->evaluate(scope);
                    if (!value.ok())
                        return TemplateError{file, branch.line, value.error()};
                    taken = value->truthy();
                }
                if (taken) {
                    auto body = renderNodes(branch.body, scope, file);
                    if (!body.ok())
                        return body;
                    out += body.value();
                    break;
                }
            }
            break;
        }
    }
    return out;
}

} // namespace

Expected<MakoTemplate, TemplateError> MakoTemplate::parse(const QString &text, const QString &fileName)
{
    auto nodes = Lexer(text, fileName).run();
    if (!nodes.ok())
        return nodes.error();
    MakoTemplate parsed;
    parsed.m_fileName = fileName;
    parsed.m_nodes = std::make_shared<const std::vector<Node>>(std::move(nodes).value());
    return parsed;
}

Expected<MakoTemplate, TemplateError> MakoTemplate::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return TemplateError{path, 0, u"cannot read the template: %1"_s.arg(file.errorString())};
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return parse(QString::fromUtf8(bytes), path);
}

Expected<QString, TemplateError> MakoTemplate::render(const MakoScope &scope) const
{
    return renderNodes(*m_nodes, scope, m_fileName);
}

} // namespace retort
