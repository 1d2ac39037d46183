#include "sandbox/sims/stripesearch.h"

#include <QJsonArray>
#include <QJsonValue>

namespace okla::sandbox {

namespace {
QJsonValue lookup(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &part : path.split(u'.')) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

QString asText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
} // namespace

std::optional<StripeSearchQuery> StripeSearchQuery::parse(const QString &query, QString *error)
{
    StripeSearchQuery q;
    qsizetype i = 0;
    const qsizetype n = query.size();
    bool sawAnd = false;
    bool sawOr = false;
    auto skipSpaces = [&] { while (i < n && query.at(i).isSpace()) ++i; };
    while (true) {
        skipSpaces();
        if (i >= n)
            break;
        // Joiners between clauses.
        if (!q.m_clauses.isEmpty()) {
            if (query.mid(i, 4) == QLatin1String("AND ")) { i += 4; sawAnd = true; skipSpaces(); }
            else if (query.mid(i, 3) == QLatin1String("OR ")) { i += 3; sawOr = true; skipSpaces(); }
            else sawAnd = true;
        }
        Clause c;
        if (i < n && query.at(i) == u'-') {
            c.negated = true;
            ++i;
        }
        // Field: letters, digits, '_', '.', or metadata['key'].
        const qsizetype fieldStart = i;
        while (i < n && (query.at(i).isLetterOrNumber() || query.at(i) == u'_' || query.at(i) == u'.'))
            ++i;
        c.field = query.mid(fieldStart, i - fieldStart);
        if (i < n && query.at(i) == u'[') {
            const qsizetype close = query.indexOf(u']', i);
            if (close < 0) {
                *error = QStringLiteral("unterminated [");
                return std::nullopt;
            }
            QString key = query.mid(i + 1, close - i - 1).trimmed();
            if (key.size() >= 2 && (key.front() == u'\'' || key.front() == u'"'))
                key = key.mid(1, key.size() - 2);
            c.field += u'.' + key;
            i = close + 1;
        }
        if (c.field.isEmpty()) {
            *error = QStringLiteral("expected a field at position %1").arg(i);
            return std::nullopt;
        }
        for (const char *op : {">=", "<=", ":", "~", ">", "<"}) {
            const QString o = QString::fromLatin1(op);
            if (query.mid(i, o.size()) == o) {
                c.op = o;
                i += o.size();
                break;
            }
        }
        if (c.op.isEmpty()) {
            *error = QStringLiteral("expected an operator after %1").arg(c.field);
            return std::nullopt;
        }
        if (c.op == QLatin1String("~")) {
            // `field~'value'` is the substring form (Stripe spells it `field~"value"`).
        }
        if (i < n && (query.at(i) == u'\'' || query.at(i) == u'"')) {
            const QChar quote = query.at(i++);
            QString value;
            while (i < n && query.at(i) != quote) {
                if (query.at(i) == u'\\' && i + 1 < n)
                    ++i;
                value += query.at(i++);
            }
            if (i >= n) {
                *error = QStringLiteral("unterminated string");
                return std::nullopt;
            }
            ++i;
            c.value = value;
        } else {
            const qsizetype start = i;
            while (i < n && !query.at(i).isSpace())
                ++i;
            c.value = query.mid(start, i - start);
            c.isNull = c.value == QLatin1String("null");
        }
        if (c.op == QLatin1String("~") && c.value.size() < 3) {
            *error = QStringLiteral("substring search needs at least 3 characters");
            return std::nullopt;
        }
        q.m_clauses.append(c);
        if (q.m_clauses.size() > 10) {
            *error = QStringLiteral("at most 10 clauses");
            return std::nullopt;
        }
    }
    if (q.m_clauses.isEmpty()) {
        *error = QStringLiteral("empty query");
        return std::nullopt;
    }
    if (sawAnd && sawOr) {
        *error = QStringLiteral("AND and OR cannot be mixed");
        return std::nullopt;
    }
    q.m_or = sawOr;
    return q;
}

bool StripeSearchQuery::matches(const QJsonObject &object) const
{
    for (const Clause &c : m_clauses) {
        const bool m = matches(c, object);
        if (m_or && m)
            return true;
        if (!m_or && !m)
            return false;
    }
    return !m_or;
}

bool StripeSearchQuery::matches(const Clause &c, const QJsonObject &object) const
{
    bool result = false;
    if (c.field == QLatin1String("refunded") && object.value(QStringLiteral("object")).toString() == QLatin1String("charge")) {
        // true = fully refunded, false = partially, null = not refunded at all.
        const qint64 refunded = object.value(QStringLiteral("amount_refunded")).toInteger();
        const qint64 amount = object.value(QStringLiteral("amount")).toInteger();
        const QString state = refunded == 0 ? QStringLiteral("null") : refunded >= amount ? QStringLiteral("true") : QStringLiteral("false");
        result = state == c.value;
    } else {
        const QJsonValue v = lookup(object, c.field);
        if (c.isNull) {
            result = v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty());
        } else if (c.op == QLatin1String(":")) {
            result = asText(v) == c.value;
        } else if (c.op == QLatin1String("~")) {
            result = asText(v).contains(c.value, Qt::CaseInsensitive);
        } else {
            bool ok = false;
            const double rhs = c.value.toDouble(&ok);
            const double lhs = v.toDouble();
            if (ok && v.isDouble()) {
                if (c.op == QLatin1String(">")) result = lhs > rhs;
                else if (c.op == QLatin1String("<")) result = lhs < rhs;
                else if (c.op == QLatin1String(">=")) result = lhs >= rhs;
                else result = lhs <= rhs;
            }
        }
    }
    return c.negated ? !result : result;
}

} // namespace okla::sandbox
