#include "field_expression.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <variant>
#include <vector>

namespace ndh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ndh::FieldExpression", text);
}

enum class Op : quint8 { Exists, Eq, Ne, Gt, Ge, Lt, Le, Contains };

struct PathStep
{
    std::string name; // empty for an index step
    qint64 index = -1;
};

struct Literal
{
    enum class Type : quint8 { Null, Bool, Number, Text };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString text;      // as typed (for strings and bare words)
    std::string utf8;  // text in UTF-8 for comparisons with JSON strings
};

} // namespace

struct FieldExpression::Node
{
    enum class Kind : quint8 { Or, And, Not, Test };
    Kind kind = Kind::Test;
    std::vector<std::shared_ptr<const Node>> children;
    std::vector<PathStep> path;
    Op op = Op::Exists;
    Literal value;
};

namespace {

using NodePtr = std::shared_ptr<const FieldExpression::Node>;
using Node = FieldExpression::Node;

struct Token
{
    enum class Type : quint8 { End, Word, String, Op, LParen, RParen, Dot, LBracket, RBracket, And, Or, Not };
    Type type = Type::End;
    QString text;
    Op op = Op::Exists;
    int column = 0;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$' || c == u'@' || c == u'+' || c == u':';
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
    }

    NodePtr parse(FieldExpression::Error *error)
    {
        if (!tokenize())
            return fail(error);
        if (m_tokens.size() == 1) {
            m_error = {1, tr("the expression is empty")};
            return fail(error);
        }
        NodePtr root = parseOr(0);
        if (root && peek().type != Token::Type::End) {
            m_error = {peek().column, tr("unexpected '%1'").arg(peek().text)};
            root.reset();
        }
        if (!root)
            return fail(error);
        return root;
    }

private:
    NodePtr fail(FieldExpression::Error *error)
    {
        if (error)
            *error = m_error;
        return nullptr;
    }

    bool tokenize()
    {
        int i = 0;
        const int n = int(m_text.size());
        while (i < n) {
            const QChar c = m_text.at(i);
            Token t;
            t.column = i + 1;
            if (c.isSpace()) {
                ++i;
                continue;
            }
            auto two = [&](const char *s) { return m_text.mid(i, 2) == QLatin1StringView(s); };
            if (c == u'(' || c == u')' || c == u'.' || c == u'[' || c == u']') {
                t.type = c == u'('   ? Token::Type::LParen
                         : c == u')' ? Token::Type::RParen
                         : c == u'.' ? Token::Type::Dot
                         : c == u'[' ? Token::Type::LBracket
                                     : Token::Type::RBracket;
                t.text = c;
                ++i;
            } else if (two("&&") || two("||")) {
                t.type = c == u'&' ? Token::Type::And : Token::Type::Or;
                t.text = m_text.mid(i, 2);
                i += 2;
            } else if (two("==") || two("!=") || two(">=") || two("<=")) {
                t.type = Token::Type::Op;
                t.text = m_text.mid(i, 2);
                t.op = c == u'=' ? Op::Eq : c == u'!' ? Op::Ne : c == u'>' ? Op::Ge : Op::Le;
                i += 2;
            } else if (c == u'=' || c == u'>' || c == u'<' || c == u'~') {
                t.type = Token::Type::Op;
                t.text = c;
                t.op = c == u'=' ? Op::Eq : c == u'>' ? Op::Gt : c == u'<' ? Op::Lt : Op::Contains;
                ++i;
            } else if (c == u'!') {
                t.type = Token::Type::Not;
                t.text = c;
                ++i;
            } else if (c == u'"' || c == u'\'') {
                t.type = Token::Type::String;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar d = m_text.at(i);
                    if (d == u'\\' && i + 1 < n) {
                        t.text += m_text.at(i + 1);
                        i += 2;
                        continue;
                    }
                    ++i;
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    t.text += d;
                }
                if (!closed) {
                    m_error = {t.column, tr("the text starting here has no closing %1").arg(c)};
                    return false;
                }
            } else if (isWordChar(c)) {
                // A word; a number may carry a decimal point and an exponent.
                int j = i;
                while (j < n && isWordChar(m_text.at(j)))
                    ++j;
                bool isNumber = false;
                m_text.mid(i, j - i).toDouble(&isNumber);
                if ((isNumber || m_text.at(i).isDigit() || m_text.at(i) == u'-') && j < n && m_text.at(j) == u'.'
                    && j + 1 < n && m_text.at(j + 1).isDigit()) {
                    ++j;
                    while (j < n && isWordChar(m_text.at(j)))
                        ++j;
                }
                t.text = m_text.mid(i, j - i);
                const QString lower = t.text.toLower();
                t.type = lower == u"and" ? Token::Type::And
                         : lower == u"or" ? Token::Type::Or
                         : lower == u"not" ? Token::Type::Not
                                           : Token::Type::Word;
                i = j;
            } else {
                m_error = {t.column, tr("unexpected character '%1'").arg(c)};
                return false;
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.column = n + 1;
        end.text = tr("end of text");
        m_tokens.push_back(end);
        return true;
    }

    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    NodePtr parseOr(int depth)
    {
        NodePtr left = parseAnd(depth);
        if (!left)
            return nullptr;
        if (peek().type != Token::Type::Or)
            return left;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Or;
        node->children.push_back(left);
        while (peek().type == Token::Type::Or) {
            next();
            NodePtr right = parseAnd(depth);
            if (!right)
                return nullptr;
            node->children.push_back(right);
        }
        return node;
    }

    NodePtr parseAnd(int depth)
    {
        NodePtr left = parseUnary(depth);
        if (!left)
            return nullptr;
        if (peek().type != Token::Type::And)
            return left;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::And;
        node->children.push_back(left);
        while (peek().type == Token::Type::And) {
            next();
            NodePtr right = parseUnary(depth);
            if (!right)
                return nullptr;
            node->children.push_back(right);
        }
        return node;
    }

    NodePtr parseUnary(int depth)
    {
        if (depth > FieldExpression::kMaxDepth) {
            m_error = {peek().column, tr("nested deeper than %1 levels").arg(FieldExpression::kMaxDepth)};
            return nullptr;
        }
        const Token &t = peek();
        if (t.type == Token::Type::Not) {
            next();
            NodePtr inner = parseUnary(depth + 1);
            if (!inner)
                return nullptr;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children.push_back(inner);
            return node;
        }
        if (t.type == Token::Type::LParen) {
            const int column = t.column;
            next();
            NodePtr inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            if (peek().type != Token::Type::RParen) {
                m_error = {peek().column, tr("expected ')' to close the '(' at column %1").arg(column)};
                return nullptr;
            }
            next();
            return inner;
        }
        return parseTest();
    }

    NodePtr parseTest()
    {
        if (++m_terms > FieldExpression::kMaxTerms) {
            m_error = {peek().column, tr("more than %1 tests in one expression").arg(FieldExpression::kMaxTerms)};
            return nullptr;
        }
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Test;
        // path
        if (peek().type != Token::Type::Word && peek().type != Token::Type::String) {
            m_error = {peek().column, tr("expected a field name such as event_data.new_value, found '%1'")
                                          .arg(peek().text)};
            return nullptr;
        }
        node->path.push_back({next().text.toStdString(), -1});
        for (;;) {
            if (peek().type == Token::Type::Dot) {
                next();
                if (peek().type != Token::Type::Word && peek().type != Token::Type::String) {
                    m_error = {peek().column, tr("expected a field name after '.'")};
                    return nullptr;
                }
                node->path.push_back({next().text.toStdString(), -1});
            } else if (peek().type == Token::Type::LBracket) {
                next();
                bool ok = false;
                const qint64 index = peek().type == Token::Type::Word ? peek().text.toLongLong(&ok) : -1;
                if (!ok || index < 0) {
                    m_error = {peek().column, tr("expected an array index (0, 1, ...) after '['")};
                    return nullptr;
                }
                next();
                if (peek().type != Token::Type::RBracket) {
                    m_error = {peek().column, tr("expected ']'")};
                    return nullptr;
                }
                next();
                node->path.push_back({std::string(), index});
            } else {
                break;
            }
        }
        if (peek().type != Token::Type::Op)
            return node; // exists and truthy
        const Token op = next();
        node->op = op.op;
        const Token &v = peek();
        Literal &lit = node->value;
        if (v.type == Token::Type::String) {
            lit.type = Literal::Type::Text;
            lit.text = v.text;
        } else if (v.type == Token::Type::Word) {
            const QString lower = v.text.toLower();
            bool isNumber = false;
            const double number = v.text.toDouble(&isNumber);
            if (lower == u"true" || lower == u"false") {
                lit.type = Literal::Type::Bool;
                lit.boolean = lower == u"true";
            } else if (lower == u"null") {
                lit.type = Literal::Type::Null;
            } else if (isNumber) {
                lit.type = Literal::Type::Number;
                lit.number = number;
            } else {
                lit.type = Literal::Type::Text;
            }
            lit.text = v.text;
        } else {
            m_error = {v.column, tr("expected a value after '%1'").arg(op.text)};
            return nullptr;
        }
        next();
        lit.utf8 = lit.text.toStdString();
        if ((op.op == Op::Gt || op.op == Op::Ge || op.op == Op::Lt || op.op == Op::Le)
            && (lit.type == Literal::Type::Null || lit.type == Literal::Type::Bool)) {
            m_error = {v.column, tr("'%1' compares numbers or text, not %2").arg(op.text, v.text)};
            return nullptr;
        }
        return node;
    }

    QString m_text;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_terms = 0;
    FieldExpression::Error m_error;
};

// --- evaluation ---

std::optional<double> numberOf(simdjson::dom::element e)
{
    switch (e.type()) {
    case simdjson::dom::element_type::INT64: return double(int64_t(e));
    case simdjson::dom::element_type::UINT64: return double(uint64_t(e));
    case simdjson::dom::element_type::DOUBLE: return double(e);
    case simdjson::dom::element_type::STRING: {
        bool ok = false;
        const std::string_view s = e.get_string().value_unsafe();
        const double v = QByteArrayView(s.data(), qsizetype(s.size())).toByteArray().trimmed().toDouble(&ok);
        if (ok)
            return v;
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

std::string textOf(simdjson::dom::element e)
{
    if (e.type() == simdjson::dom::element_type::STRING)
        return std::string(e.get_string().value_unsafe());
    return simdjson::minify(e);
}

bool containsCaseInsensitive(std::string_view hay, std::string_view needle)
{
    if (needle.empty())
        return true;
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        size_t j = 0;
        while (j < needle.size() && lower(hay[i + j]) == lower(needle[j]))
            ++j;
        if (j == needle.size())
            return true;
    }
    return false;
}

template <class T>
bool ordered(Op op, const T &a, const T &b)
{
    switch (op) {
    case Op::Eq: return a == b;
    case Op::Ne: return !(a == b);
    case Op::Gt: return a > b;
    case Op::Ge: return a >= b;
    case Op::Lt: return a < b;
    case Op::Le: return a <= b;
    default: return false;
    }
}

bool test(const Node &node, simdjson::dom::element root)
{
    simdjson::dom::element e = root;
    for (const PathStep &step : node.path) {
        simdjson::dom::element child;
        const bool found = step.index >= 0 ? e.at(size_t(step.index)).get(child) == simdjson::SUCCESS
                                           : e.type() == simdjson::dom::element_type::OBJECT
                                                 && e.get_object().value_unsafe().at_key(step.name).get(child)
                                                        == simdjson::SUCCESS;
        if (!found)
            return node.op == Op::Ne;
        e = child;
    }
    const Literal &lit = node.value;
    using T = simdjson::dom::element_type;
    switch (node.op) {
    case Op::Exists:
        switch (e.type()) {
        case T::NULL_VALUE: return false;
        case T::BOOL: return bool(e);
        case T::STRING: return !e.get_string().value_unsafe().empty();
        case T::INT64:
        case T::UINT64:
        case T::DOUBLE: return *numberOf(e) != 0;
        default: return true;
        }
    case Op::Contains: return containsCaseInsensitive(textOf(e), lit.utf8);
    default: break;
    }
    switch (lit.type) {
    case Literal::Type::Null: {
        const bool isNull = e.type() == T::NULL_VALUE;
        return node.op == Op::Eq ? isNull : node.op == Op::Ne ? !isNull : false;
    }
    case Literal::Type::Bool: {
        bool value = false;
        if (e.type() == T::BOOL)
            value = bool(e);
        else if (e.type() == T::STRING && (textOf(e) == "true" || textOf(e) == "false"))
            value = textOf(e) == "true";
        else
            return node.op == Op::Ne;
        return ordered(node.op, value, lit.boolean);
    }
    case Literal::Type::Number: {
        const std::optional<double> v = numberOf(e);
        if (!v)
            return node.op == Op::Ne;
        return ordered(node.op, *v, lit.number);
    }
    case Literal::Type::Text: {
        // A number field against a numeric-looking bare word was typed as a number
        // already; here text compares as text.
        if (e.type() != T::STRING && (e.type() == T::OBJECT || e.type() == T::ARRAY))
            return node.op == Op::Ne;
        return ordered(node.op, textOf(e), lit.utf8);
    }
    }
    return false;
}

bool evaluate(const Node &node, simdjson::dom::element root)
{
    switch (node.kind) {
    case Node::Kind::Or:
        for (const auto &c : node.children) {
            if (evaluate(*c, root))
                return true;
        }
        return false;
    case Node::Kind::And:
        for (const auto &c : node.children) {
            if (!evaluate(*c, root))
                return false;
        }
        return true;
    case Node::Kind::Not: return !evaluate(*node.children.front(), root);
    case Node::Kind::Test: return test(node, root);
    }
    return false;
}

} // namespace

QString FieldExpression::Error::toString() const
{
    return tr("column %1: %2").arg(column).arg(message);
}

FieldExpression::FieldExpression() = default;
FieldExpression::FieldExpression(const FieldExpression &other) = default;
FieldExpression &FieldExpression::operator=(const FieldExpression &other) = default;
FieldExpression::FieldExpression(FieldExpression &&) noexcept = default;
FieldExpression &FieldExpression::operator=(FieldExpression &&) noexcept = default;
FieldExpression::~FieldExpression() = default;

std::optional<FieldExpression> FieldExpression::parse(const QString &text, Error *error)
{
    Parser parser(text);
    NodePtr root = parser.parse(error);
    if (!root)
        return std::nullopt;
    FieldExpression e;
    e.m_root = std::move(root);
    e.m_text = text.trimmed();
    return e;
}

QString FieldExpression::text() const
{
    return m_text;
}

bool FieldExpression::matches(QByteArrayView jsonPayload) const
{
    if (!m_root || jsonPayload.isEmpty())
        return false;
    // One parser per thread: a scanner thread evaluates one record at a time.
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(jsonPayload.data(), size_t(jsonPayload.size())).get(root) != simdjson::SUCCESS)
        return false;
    return evaluate(*m_root, root);
}

} // namespace ndh
