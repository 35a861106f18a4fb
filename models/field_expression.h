#pragma once
// A test on the fields of a JSON payload, as an integration engineer types it in the
// topic browser's filter: `event_data.new_value > 100`,
// `asset_type == "pump" and event_data.attribute ~ temp`, `not data.battery`,
// `items[0].id != 7`. Parsed once (with an error naming the column when the text is
// not an expression), then evaluated against each record while a topic is scanned.
//
// Grammar (case-insensitive keywords):
//   expr  := and ( ("or" | "||") and )*
//   and   := unary ( ("and" | "&&") unary )*
//   unary := ("not" | "!") unary | "(" expr ")" | test
//   test  := path [ op value ]      -- a bare path: the field exists and is not
//                                      false, null, 0 or ""
//   op    := == | = | != | > | >= | < | <= | ~ (contains, case-insensitive)
//   value := number | "text" | 'text' | true | false | null | bare-word
//   path  := name ( "." name | "[" index "]" )*
// Numbers compare numerically, also against numeric strings ("100" > 99). A missing
// field fails every test except `!=`. Bounded: at most kMaxTerms tests and
// kMaxDepth nested parentheses.

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace ndh {

class FieldExpression
{
public:
    static constexpr int kMaxTerms = 64;
    static constexpr int kMaxDepth = 16;

    struct Error
    {
        int column = 0; // 1-based character position in the text
        QString message;
        QString toString() const; // "column 12: expected a value after '>'"
    };

    // nullopt with `error` set when `text` is not an expression; an empty text is
    // an error too (the caller skips the test instead).
    static std::optional<FieldExpression> parse(const QString &text, Error *error = nullptr);

    FieldExpression(const FieldExpression &other);
    FieldExpression &operator=(const FieldExpression &other);
    FieldExpression(FieldExpression &&) noexcept;
    FieldExpression &operator=(FieldExpression &&) noexcept;
    ~FieldExpression();

    // False for a payload that is not JSON (or deeper than the decoder allows).
    // Not thread-safe on one instance (it reuses a parser); use one per thread.
    bool matches(QByteArrayView jsonPayload) const;

    QString text() const;

    struct Node;

private:
    FieldExpression();
    std::shared_ptr<const Node> m_root;
    QString m_text;
};

} // namespace ndh
