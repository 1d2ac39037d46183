#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace okla::sandbox {

/// Stripe's search query language, the subset of docs/providers.md §13: up to 10 `field:value`
/// clauses joined by AND (or space) or by OR, `-` negation, `field:null`, `~` substring,
/// `> < >= <=` on numbers, quoted strings with `\` escapes, `metadata['key']`.
class StripeSearchQuery
{
public:
    static std::optional<StripeSearchQuery> parse(const QString &query, QString *error);
    bool matches(const QJsonObject &object) const;

private:
    struct Clause
    {
        QString field;      ///< dotted path; metadata keys as metadata.<key>
        QString op;         ///< ":" "~" ">" "<" ">=" "<="
        QString value;
        bool isNull = false;
        bool negated = false;
    };
    bool matches(const Clause &clause, const QJsonObject &object) const;

    QList<Clause> m_clauses;
    bool m_or = false;
};

} // namespace okla::sandbox
