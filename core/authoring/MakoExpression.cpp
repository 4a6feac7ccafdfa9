#include "MakoExpression.h"

using namespace Qt::StringLiterals;

namespace retort {

struct MakoExpression::Node
{
    enum class Type { Literal, Name, Call, Tuple, Not, And, Or, IfElse, Compare };
    Type type = Type::Literal;
    MakoValue literal;
    QString name; // a Name's name, a Compare's operator
    std::vector<Node> children; // Call: callee, arguments; IfElse: value, condition, otherwise
};

namespace {

using Node = MakoExpression::Node;

struct Token
{
    enum class Type { Name, String, Number, Op, End };
    Type type = Type::End;
    QString text; // a name, an operator, a string's value
    qsizetype position = 0;
};

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// One string literal starting at pos (after any prefix); advances pos past it.
Fallible<QString> readString(const QString &text, qsizetype &pos, bool raw)
{
    const QChar quote = text[pos];
    const bool triple = text.mid(pos, 3) == QString(3, quote);
    const qsizetype start = pos;
    pos += triple ? 3 : 1;
    QString value;
    while (pos < text.size()) {
        const QChar c = text[pos];
        if (c == quote && (!triple || text.mid(pos, 3) == QString(3, quote))) {
            pos += triple ? 3 : 1;
            return value;
        }
        if (!triple && c == u'\n')
            break;
        if (c == u'\\' && pos + 1 < text.size()) {
            const QChar e = text[pos + 1];
            pos += 2;
            if (raw) {
                value += u'\\' + QString(e);
                continue;
            }
            switch (e.unicode()) {
            case '\n':
                break;
            case 'n':
                value += u'\n';
                break;
            case 't':
                value += u'\t';
                break;
            case 'r':
                value += u'\r';
                break;
            case '\\':
            case '\'':
            case '"':
                value += e;
                break;
            case 'x':
            case 'u':
            case 'U': {
                const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
                bool ok = false;
                const uint code = text.mid(pos, digits).toUInt(&ok, 16);
                if (!ok || text.mid(pos, digits).size() != digits)
                    return Failure{u"a malformed \\%1 escape in a string"_s.arg(e)};
                const char32_t c32 = code;
                value += QString::fromUcs4(&c32, 1);
                pos += digits;
                break;
            }
            default:
                value += u'\\' + QString(e);
            }
            continue;
        }
        value += c;
        ++pos;
    }
    Q_UNUSED(start);
    return Failure{u"a string that is not closed"_s};
}

Expected<std::vector<Token>, QString> tokenize(const QString &text)
{
    std::vector<Token> tokens;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const QChar c = text[pos];
        if (c.isSpace() || (c == u'\\' && pos + 1 < text.size() && text[pos + 1] == u'\n')) {
            pos += c == u'\\' ? 2 : 1;
            continue;
        }
        if (c == u'#') { // a comment runs to the end of the line
            while (pos < text.size() && text[pos] != u'\n')
                ++pos;
            continue;
        }
        Token token;
        token.position = pos;
        if (isNameStart(c)) {
            qsizetype end = pos;
            while (end < text.size() && isNameChar(text[end]))
                ++end;
            const QString word = text.mid(pos, end - pos);
            const QString lower = word.toLower();
            if (end < text.size() && (text[end] == u'\'' || text[end] == u'"')
                && (lower == u"r"_s || lower == u"u"_s)) {
                pos = end;
                auto value = readString(text, pos, lower == u"r"_s);
                if (!value.ok())
                    return value.error().message;
                token.type = Token::Type::String;
                token.text = value.value();
                tokens.push_back(token);
                continue;
            }
            if (end < text.size() && (text[end] == u'\'' || text[end] == u'"'))
                return u"string prefix '%1' is not supported"_s.arg(word);
            token.type = Token::Type::Name;
            token.text = word;
            pos = end;
        } else if (c == u'\'' || c == u'"') {
            auto value = readString(text, pos, false);
            if (!value.ok())
                return value.error().message;
            token.type = Token::Type::String;
            token.text = value.value();
        } else if (c.isDigit()) {
            qsizetype end = pos;
            while (end < text.size() && text[end].isDigit())
                ++end;
            if (end < text.size() && (text[end] == u'.' || isNameChar(text[end])))
                return u"only whole decimal numbers are supported"_s;
            token.type = Token::Type::Number;
            token.text = text.mid(pos, end - pos);
            pos = end;
        } else {
            const QString two = text.mid(pos, 2);
            if (two == u"=="_s || two == u"!="_s) {
                token.type = Token::Type::Op;
                token.text = two;
                pos += 2;
            } else if (c == u'(' || c == u')' || c == u',') {
                token.type = Token::Type::Op;
                token.text = QString(c);
                ++pos;
            } else if (c == u'.') {
                return u"attribute access ('.') is not supported"_s;
            } else if (c == u'[') {
                return u"subscripts and lists ('[') are not supported"_s;
            } else if (c == u'{') {
                return u"dictionaries and sets ('{') are not supported"_s;
            } else {
                return u"the operator '%1' is not supported"_s.arg(c);
            }
        }
        tokens.push_back(token);
    }
    Token end;
    end.position = text.size();
    tokens.push_back(end);
    return tokens;
}

const QStringList &unsupportedKeywords()
{
    static const QStringList words = {u"lambda"_s, u"for"_s, u"in"_s, u"await"_s, u"yield"_s};
    return words;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    Expected<Node, QString> parseAll()
    {
        auto node = expressionList();
        if (!node.ok())
            return node;
        if (peek().type != Token::Type::End)
            return unexpected();
        return node;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    bool isOp(const QString &op) const { return peek().type == Token::Type::Op && peek().text == op; }
    bool isWord(const QString &word) const { return peek().type == Token::Type::Name && peek().text == word; }
    QString unexpected() const
    {
        if (peek().type == Token::Type::End)
            return u"the expression ends too early"_s;
        return u"unexpected '%1'"_s.arg(peek().type == Token::Type::String ? u"string"_s : peek().text);
    }

    // a, b, c: a tuple when a comma is present.
    Expected<Node, QString> expressionList()
    {
        auto first = conditional();
        if (!first.ok() || !isOp(u","_s))
            return first;
        Node tuple;
        tuple.type = Node::Type::Tuple;
        tuple.children.push_back(first.value());
        while (isOp(u","_s)) {
            ++m_pos;
            if (peek().type == Token::Type::End || isOp(u")"_s))
                break;
            auto next = conditional();
            if (!next.ok())
                return next;
            tuple.children.push_back(next.value());
        }
        return tuple;
    }

    Expected<Node, QString> conditional()
    {
        auto value = orTest();
        if (!value.ok() || !isWord(u"if"_s))
            return value;
        ++m_pos;
        auto condition = orTest();
        if (!condition.ok())
            return condition;
        if (!isWord(u"else"_s))
            return u"'x if condition' needs an 'else'"_s;
        ++m_pos;
        auto otherwise = conditional();
        if (!otherwise.ok())
            return otherwise;
        Node node;
        node.type = Node::Type::IfElse;
        node.children = {value.value(), condition.value(), otherwise.value()};
        return node;
    }

    Expected<Node, QString> binary(Node::Type type, const QString &word, Expected<Node, QString> (Parser::*next)())
    {
        auto left = (this->*next)();
        if (!left.ok() || !isWord(word))
            return left;
        Node node;
        node.type = type;
        node.children.push_back(left.value());
        while (isWord(word)) {
            ++m_pos;
            auto right = (this->*next)();
            if (!right.ok())
                return right;
            node.children.push_back(right.value());
        }
        return node;
    }

    Expected<Node, QString> orTest() { return binary(Node::Type::Or, u"or"_s, &Parser::andTest); }
    Expected<Node, QString> andTest() { return binary(Node::Type::And, u"and"_s, &Parser::notTest); }

    Expected<Node, QString> notTest()
    {
        if (!isWord(u"not"_s))
            return comparison();
        ++m_pos;
        auto operand = notTest();
        if (!operand.ok())
            return operand;
        Node node;
        node.type = Node::Type::Not;
        node.children.push_back(operand.value());
        return node;
    }

    Expected<Node, QString> comparison()
    {
        auto left = primary();
        if (!left.ok())
            return left;
        Node result = left.value();
        while (true) {
            QString op;
            if (isOp(u"=="_s) || isOp(u"!="_s)) {
                op = peek().text;
                ++m_pos;
            } else if (isWord(u"is"_s)) {
                ++m_pos;
                op = u"is"_s;
                if (isWord(u"not"_s)) {
                    ++m_pos;
                    op = u"is not"_s;
                }
            } else {
                break;
            }
            auto right = primary();
            if (!right.ok())
                return right;
            Node node;
            node.type = Node::Type::Compare;
            node.name = op;
            node.children = {result, right.value()};
            result = node;
        }
        return result;
    }

    Expected<Node, QString> primary()
    {
        auto atomNode = atom();
        if (!atomNode.ok())
            return atomNode;
        Node result = atomNode.value();
        while (isOp(u"("_s)) {
            ++m_pos;
            Node call;
            call.type = Node::Type::Call;
            call.children.push_back(result);
            while (!isOp(u")"_s)) {
                if (peek().type == Token::Type::Name && m_pos + 1 < m_tokens.size()
                    && m_tokens[m_pos + 1].type == Token::Type::Op && m_tokens[m_pos + 1].text == u"="_s)
                    return u"keyword arguments are not supported"_s;
                auto argument = conditional();
                if (!argument.ok())
                    return argument;
                call.children.push_back(argument.value());
                if (isOp(u","_s))
                    ++m_pos;
                else if (!isOp(u")"_s))
                    return unexpected();
            }
            ++m_pos;
            result = call;
        }
        return result;
    }

    Expected<Node, QString> atom()
    {
        const Token token = peek();
        Node node;
        switch (token.type) {
        case Token::Type::End:
            return u"an expression is missing"_s;
        case Token::Type::String:
            node.literal = MakoValue::string(token.text);
            ++m_pos;
            // Adjacent literals concatenate.
            while (peek().type == Token::Type::String) {
                node.literal = MakoValue::string(node.literal.text() + peek().text);
                ++m_pos;
            }
            return node;
        case Token::Type::Number:
            node.literal = MakoValue::integer(token.text.toLongLong());
            ++m_pos;
            return node;
        case Token::Type::Name:
            ++m_pos;
            if (token.text == u"None"_s)
                node.literal = MakoValue::none();
            else if (token.text == u"True"_s || token.text == u"False"_s)
                node.literal = MakoValue::boolean(token.text == u"True"_s);
            else if (unsupportedKeywords().contains(token.text))
                return u"'%1' is not supported"_s.arg(token.text);
            else if (QStringList{u"if"_s, u"else"_s, u"and"_s, u"or"_s, u"not"_s, u"is"_s}.contains(token.text))
                return u"unexpected '%1'"_s.arg(token.text);
            else {
                node.type = Node::Type::Name;
                node.name = token.text;
            }
            return node;
        case Token::Type::Op:
            if (token.text == u"("_s) {
                ++m_pos;
                if (isOp(u")"_s)) {
                    ++m_pos;
                    node.type = Node::Type::Tuple;
                    return node;
                }
                auto inner = conditional();
                if (!inner.ok())
                    return inner;
                if (isOp(u","_s)) {
                    Node tuple;
                    tuple.type = Node::Type::Tuple;
                    tuple.children.push_back(inner.value());
                    while (isOp(u","_s)) {
                        ++m_pos;
                        if (isOp(u")"_s))
                            break;
                        auto next = conditional();
                        if (!next.ok())
                            return next;
                        tuple.children.push_back(next.value());
                    }
                    inner = tuple;
                }
                if (!isOp(u")"_s))
                    return u"a '(' is not closed"_s;
                ++m_pos;
                return inner;
            }
            return unexpected();
        }
        return unexpected();
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
};

Expected<MakoValue, QString> builtin(const QString &name, const QList<MakoValue> &arguments)
{
    if (arguments.size() != 1)
        return u"%1() takes exactly one argument (%2 given)"_s.arg(name).arg(arguments.size());
    const MakoValue &argument = arguments.constFirst();
    if (name == u"len"_s) {
        if (argument.kind() == MakoValue::Kind::Str)
            return MakoValue::integer(argument.text().size());
        if (argument.kind() == MakoValue::Kind::Tuple || argument.kind() == MakoValue::Kind::List)
            return MakoValue::integer(argument.items().size());
        return u"object of type '%1' has no len()"_s.arg(argument.typeName());
    }
    const auto text = name == u"repr"_s ? argument.repr() : argument.str();
    if (!text.ok())
        return text.error().message;
    return MakoValue::string(text.value());
}

Expected<MakoValue, QString> evaluate(const Node &node, const MakoScope &scope)
{
    switch (node.type) {
    case Node::Type::Literal:
        return node.literal;
    case Node::Type::Name:
        if (const auto it = scope.constFind(node.name); it != scope.constEnd())
            return it.value();
        if (node.name == u"repr"_s || node.name == u"str"_s || node.name == u"len"_s) {
            const QString name = node.name;
            return MakoValue::function(name, [name](const QList<MakoValue> &args) { return builtin(name, args); });
        }
        return MakoValue::undefined(node.name);
    case Node::Type::Call: {
        auto callee = evaluate(node.children.front(), scope);
        if (!callee.ok())
            return callee;
        QList<MakoValue> arguments;
        for (size_t i = 1; i < node.children.size(); ++i) {
            auto argument = evaluate(node.children[i], scope);
            if (!argument.ok())
                return argument;
            if (argument->isUndefined())
                return u"name '%1' is not defined"_s.arg(argument->text());
            arguments << argument.value();
        }
        return callee->call(arguments);
    }
    case Node::Type::Tuple: {
        QList<MakoValue> items;
        for (const Node &child : node.children) {
            auto item = evaluate(child, scope);
            if (!item.ok())
                return item;
            items << item.value();
        }
        return MakoValue::tuple(items);
    }
    case Node::Type::Not: {
        auto operand = evaluate(node.children.front(), scope);
        if (!operand.ok())
            return operand;
        return MakoValue::boolean(!operand->truthy());
    }
    case Node::Type::And:
    case Node::Type::Or: {
        // Python returns the deciding operand itself.
        MakoValue last;
        for (const Node &child : node.children) {
            auto value = evaluate(child, scope);
            if (!value.ok())
                return value;
            last = value.value();
            if (last.truthy() == (node.type == Node::Type::Or))
                return last;
        }
        return last;
    }
    case Node::Type::IfElse: {
        auto condition = evaluate(node.children[1], scope);
        if (!condition.ok())
            return condition;
        return evaluate(node.children[condition->truthy() ? 0 : 2], scope);
    }
    case Node::Type::Compare: {
        auto left = evaluate(node.children[0], scope);
        if (!left.ok())
            return left;
        auto right = evaluate(node.children[1], scope);
        if (!right.ok())
            return right;
        if (node.name == u"=="_s)
            return MakoValue::boolean(left->equals(right.value()));
        if (node.name == u"!="_s)
            return MakoValue::boolean(!left->equals(right.value()));
        if (node.name == u"is"_s)
            return MakoValue::boolean(left->identical(right.value()));
        return MakoValue::boolean(!left->identical(right.value()));
    }
    }
    return MakoValue();
}

} // namespace

Expected<MakoExpression, QString> MakoExpression::parse(const QString &text)
{
    auto tokens = tokenize(text);
    if (!tokens.ok())
        return tokens.error();
    Parser parser(std::move(tokens).value());
    auto root = parser.parseAll();
    if (!root.ok())
        return root.error();
    MakoExpression expression;
    expression.m_root = std::make_shared<const Node>(std::move(root).value());
    return expression;
}

Expected<MakoValue, QString> MakoExpression::evaluate(const MakoScope &scope) const
{
    return retort::evaluate(*m_root, scope);
}

} // namespace retort
