// Prices, subscriptions, invoices (with dunning attempts), invoice payments, billing portal
// sessions and events (docs/providers.md §15, §16, §18). Billing periods roll on the simulator's clock.
#include "sandbox/sims/stripesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "sandbox/sims/stripeform.h"

namespace okla::sandbox {

namespace {
const QString kInvalid = QStringLiteral("invalid_request_error");
constexpr qint64 kDay = 24 * 3600;
/// Smart-retry style schedule after the n-th failed attempt (days); none after the 4th.
constexpr qint64 kRetryDays[] = {3, 5, 7};

qint64 addInterval(qint64 start, const QString &interval, int count)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
    if (interval == QLatin1String("day"))
        return t.addDays(count).toSecsSinceEpoch();
    if (interval == QLatin1String("week"))
        return t.addDays(7 * count).toSecsSinceEpoch();
    if (interval == QLatin1String("year"))
        return t.addYears(count).toSecsSinceEpoch();
    return t.addMonths(count).toSecsSinceEpoch();
}

QVariant opt(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }
QString json(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
} // namespace

// ------------------------------------------------------------------------------------- prices

StripeResult StripeSimulator::createPrice(const StripeCall &c)
{
    bool ok = false;
    const qint64 unitAmount = c.params.value(QStringLiteral("unit_amount")).toString().toLongLong(&ok);
    if (!ok || unitAmount < 0)
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: unit_amount."), QStringLiteral("parameter_missing"), QStringLiteral("unit_amount"), false);
    const QString currency = c.params.value(QStringLiteral("currency")).toString().toLower();
    if (currency.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: currency."), QStringLiteral("parameter_missing"), QStringLiteral("currency"), false);
    const QJsonObject recurring = c.params.value(QStringLiteral("recurring")).toObject();
    const QString id = newId(QStringLiteral("price_"));
    write(QStringLiteral("INSERT INTO stripe.prices (id, created, product, nickname, unit_amount, currency, interval, interval_count, metadata) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)"),
              {id, now(), c.params.value(QStringLiteral("product")).toString(QStringLiteral("prod_sim")),
               opt(c.params.value(QStringLiteral("nickname")).toString()), unitAmount, currency,
               recurring.value(QStringLiteral("interval")).toString(QStringLiteral("month")),
               recurring.value(QStringLiteral("interval_count")).toString(QStringLiteral("1")).toInt(),
               json(c.params.value(QStringLiteral("metadata")).toObject())});
    return {200, *object(QStringLiteral("prices"), id)};
}

StripeResult StripeSimulator::retrievePrice(const StripeCall &c)
{
    const auto o = object(QStringLiteral("prices"), c.args.value(0));
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("price"), c.args.value(0));
}

// ------------------------------------------------------------------------------ subscriptions

namespace {
/// The invoice attempt shared by creation, renewal, retries and /pay.
struct Attempt { bool paid = false; QJsonObject error; };
}

static Attempt attemptInvoice(StripeSimulator &sim, const QString &invoiceId, const StripeCall &c)
{
    Attempt result;
    auto inv = sim.row(QStringLiteral("invoices"), invoiceId);
    if (!inv)
        return result;
    const QString subId = inv->value(QStringLiteral("subscription")).toString();
    const auto sub = subId.isEmpty() ? std::nullopt : sim.row(QStringLiteral("subscriptions"), subId);
    const QString customer = inv->value(QStringLiteral("customer")).toString();
    QString pm = sub ? sub->value(QStringLiteral("default_payment_method")).toString() : QString();
    if (pm.isEmpty()) {
        if (const auto cus = sim.row(QStringLiteral("customers"), customer))
            pm = cus->value(QStringLiteral("default_payment_method")).toString();
    }
    if (pm.isEmpty()) {
        const auto r = sim.db().exec(QStringLiteral("SELECT id FROM stripe.payment_methods WHERE customer = $1 ORDER BY created DESC LIMIT 1"), {customer});
        if (r && r->rows() > 0)
            pm = r->text(0, 0);
    }
    const qint64 amount = inv->value(QStringLiteral("amount_due")).toInteger();
    const int attempts = inv->value(QStringLiteral("attempt_count")).toInt() + 1;
    QString piId;
    if (pm.isEmpty()) {
        result.error = {{QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                        {QStringLiteral("message"), QStringLiteral("This customer has no attached payment source or default payment method.")}};
    } else {
        piId = sim.charge(amount, inv->value(QStringLiteral("currency")).toString(), customer, pm, {},
                          QStringLiteral("Subscription invoice ") + invoiceId, c, &result.error);
    }
    result.paid = result.error.isEmpty();
    const qint64 now = sim.now();
    if (result.paid) {
        sim.write(QStringLiteral("UPDATE stripe.invoices SET status = 'paid', amount_paid = amount_due, amount_remaining = 0, "
                                     "attempt_count = $2, attempted = true, next_payment_attempt = NULL, payment_intent = $3 WHERE id = $1"),
                      {invoiceId, attempts, piId});
        if (sub)
            sim.write(QStringLiteral("UPDATE stripe.subscriptions SET status = 'active' WHERE id = $1"), {subId});
        const QJsonObject o = *sim.object(QStringLiteral("invoices"), invoiceId);
        sim.emitEvent(QStringLiteral("invoice.paid"), o, c);
        sim.emitEvent(QStringLiteral("invoice.payment_succeeded"), o, c);
    } else {
        const QVariant next = attempts <= 3 ? QVariant(now + kRetryDays[attempts - 1] * kDay) : QVariant();
        sim.write(QStringLiteral("UPDATE stripe.invoices SET attempt_count = $2, attempted = true, next_payment_attempt = $3, "
                                     "payment_intent = coalesce($4, payment_intent) WHERE id = $1"),
                      {invoiceId, attempts, next, opt(piId)});
        if (sub) {
            const QString before = sub->value(QStringLiteral("status")).toString();
            QString after = before == QLatin1String("incomplete") ? before : QStringLiteral("past_due");
            if (next.isNull() && before != QLatin1String("incomplete"))
                after = QStringLiteral("canceled"); // retries exhausted: Stripe's default is to cancel
            sim.write(QStringLiteral("UPDATE stripe.subscriptions SET status = $2, canceled_at = CASE WHEN $2 = 'canceled' THEN $3::bigint END, "
                                         "ended_at = CASE WHEN $2 = 'canceled' THEN $3::bigint END WHERE id = $1"),
                          {subId, after, now});
            if (after != before)
                sim.emitEvent(after == QLatin1String("canceled") ? QStringLiteral("customer.subscription.deleted")
                                                                 : QStringLiteral("customer.subscription.updated"),
                              *sim.object(QStringLiteral("subscriptions"), subId), c, QJsonObject{{QStringLiteral("status"), before}});
        }
        sim.emitEvent(QStringLiteral("invoice.payment_failed"), *sim.object(QStringLiteral("invoices"), invoiceId), c);
    }
    return result;
}

static QString createInvoice(StripeSimulator &sim, const QJsonObject &sub, const QString &reason, const StripeCall &c)
{
    const QString subId = sub.value(QStringLiteral("id")).toString();
    const auto total = sim.db().exec(QStringLiteral("SELECT coalesce(sum(p.unit_amount * i.quantity), 0), min(p.currency) FROM stripe.subscription_items i "
                                                    "JOIN stripe.prices p ON p.id = i.price WHERE i.subscription = $1"), {subId});
    const qint64 amount = total ? total->toInt64(0, 0) : 0;
    const QString id = sim.newId(QStringLiteral("in_"));
    const auto count = sim.db().exec(QStringLiteral("SELECT count(*) FROM stripe.invoices WHERE customer = $1"), {sub.value(QStringLiteral("customer")).toString()});
    sim.write(QStringLiteral("INSERT INTO stripe.invoices (id, created, customer, subscription, status, currency, amount_due, amount_remaining, "
                                 "period_start, period_end, billing_reason, number) VALUES ($1, $2, $3, $4, 'open', $5, $6, $6, $7, $8, $9, $10)"),
                  {id, sim.now(), sub.value(QStringLiteral("customer")).toString(), subId, sub.value(QStringLiteral("currency")).toString(), amount,
                   sub.value(QStringLiteral("current_period_start")).toVariant(), sub.value(QStringLiteral("current_period_end")).toVariant(),
                   reason, QString(id.right(8).toUpper() + u'-' + QString::number((count ? count->toInt64(0, 0) : 0) + 1).rightJustified(4, u'0'))});
    sim.write(QStringLiteral("UPDATE stripe.subscriptions SET latest_invoice = $2 WHERE id = $1"), {subId, id});
    sim.emitEvent(QStringLiteral("invoice.created"), *sim.object(QStringLiteral("invoices"), id), c);
    return id;
}

StripeResult StripeSimulator::createSubscription(const StripeCall &c)
{
    const QString customer = c.params.value(QStringLiteral("customer")).toString();
    if (customer.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: customer."), QStringLiteral("parameter_missing"), QStringLiteral("customer"), false);
    if (!row(QStringLiteral("customers"), customer))
        return missingResource(QStringLiteral("customer"), customer, QStringLiteral("customer"));
    const QJsonArray items = c.params.value(QStringLiteral("items")).toArray();
    if (items.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: items."), QStringLiteral("parameter_missing"), QStringLiteral("items"), false);
    QList<QJsonObject> prices;
    for (const QJsonValue &item : items) {
        const QString priceId = item.toObject().value(QStringLiteral("price")).toString();
        const auto price = row(QStringLiteral("prices"), priceId);
        if (!price)
            return missingResource(QStringLiteral("price"), priceId, QStringLiteral("items[0][price]"));
        prices.append(*price);
    }
    const qint64 start = now();
    const qint64 end = addInterval(start, prices.first().value(QStringLiteral("interval")).toString(), prices.first().value(QStringLiteral("interval_count")).toInt());
    const QString id = newId(QStringLiteral("sub_"));
    write(QStringLiteral("INSERT INTO stripe.subscriptions (id, created, customer, status, currency, current_period_start, current_period_end, "
                             "billing_cycle_anchor, default_payment_method, metadata) VALUES ($1, $2, $3, 'incomplete', $4, $2, $5, $2, $6, $7::jsonb)"),
              {id, start, customer, prices.first().value(QStringLiteral("currency")).toString(), end,
               opt(c.params.value(QStringLiteral("default_payment_method")).toString()), json(c.params.value(QStringLiteral("metadata")).toObject())});
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString quantity = items.at(i).toObject().value(QStringLiteral("quantity")).toString(QStringLiteral("1"));
        write(QStringLiteral("INSERT INTO stripe.subscription_items (id, created, subscription, price, quantity) VALUES ($1, $2, $3, $4, $5)"),
                  {newId(QStringLiteral("si_")), start, id, prices.at(i).value(QStringLiteral("id")).toString(), quantity.toInt()});
    }
    emitEvent(QStringLiteral("customer.subscription.created"), *object(QStringLiteral("subscriptions"), id), c);
    const QString invoice = createInvoice(*this, *row(QStringLiteral("subscriptions"), id), QStringLiteral("subscription_create"), c);
    attemptInvoice(*this, invoice, c);
    return {200, *object(QStringLiteral("subscriptions"), id, c.params)};
}

StripeResult StripeSimulator::retrieveSubscription(const StripeCall &c)
{
    const auto o = object(QStringLiteral("subscriptions"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("subscription"), c.args.value(0));
}

StripeResult StripeSimulator::updateSubscription(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto sub = row(QStringLiteral("subscriptions"), id);
    if (!sub)
        return missingResource(QStringLiteral("subscription"), id);
    const QJsonObject before = *object(QStringLiteral("subscriptions"), id);
    const bool canceled = sub->value(QStringLiteral("status")).toString() == QLatin1String("canceled");
    const QStringList allowedWhenCanceled{QStringLiteral("metadata"), QStringLiteral("cancellation_details"), QStringLiteral("expand")};
    if (canceled) {
        for (const QString &k : c.params.keys()) {
            if (!allowedWhenCanceled.contains(k))
                return stripeError(400, kInvalid, QStringLiteral("A canceled subscription can only update its cancellation_details and metadata."),
                                   {}, k, false);
        }
    }
    const QString behaviour = c.params.value(QStringLiteral("proration_behavior")).toString();
    if (!behaviour.isEmpty() && behaviour != QLatin1String("create_prorations") && behaviour != QLatin1String("none")
        && behaviour != QLatin1String("always_invoice"))
        return stripeError(400, kInvalid, QStringLiteral("Invalid proration_behavior"), {}, QStringLiteral("proration_behavior"), false);
    QJsonObject previous;
    writeScript(QStringLiteral("BEGIN"));
    if (c.params.contains(QStringLiteral("cancel_at_period_end"))) {
        const bool atEnd = c.params.value(QStringLiteral("cancel_at_period_end")).toString() == QLatin1String("true");
        previous[QStringLiteral("cancel_at_period_end")] = sub->value(QStringLiteral("cancel_at_period_end"));
        write(QStringLiteral("UPDATE stripe.subscriptions SET cancel_at_period_end = $2, cancel_at = CASE WHEN $2 THEN current_period_end END, "
                                 "canceled_at = CASE WHEN $2 THEN $3::bigint END WHERE id = $1"),
                  {id, atEnd, now()});
    }
    for (const QJsonValue &v : c.params.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString itemId = item.value(QStringLiteral("id")).toString();
        const QString price = item.value(QStringLiteral("price")).toString();
        if (!price.isEmpty() && !row(QStringLiteral("prices"), price)) {
            m_db.rollbackAfterError();
            return missingResource(QStringLiteral("price"), price, QStringLiteral("items[0][price]"));
        }
        const auto updated = m_db.exec(QStringLiteral("UPDATE stripe.subscription_items SET price = coalesce($3, price), quantity = coalesce($4::int, quantity) "
                                                      "WHERE id = $1 AND subscription = $2"),
                                       {itemId, id, opt(price), opt(item.value(QStringLiteral("quantity")).toString())});
        if (!updated || updated->affectedRows() == 0) {
            m_db.rollbackAfterError();
            return missingResource(QStringLiteral("subscription_item"), itemId, QStringLiteral("items[0][id]"));
        }
        previous[QStringLiteral("items")] = before.value(QStringLiteral("items"));
    }
    if (c.params.contains(QStringLiteral("metadata"))) {
        QJsonObject metadata = sub->value(QStringLiteral("metadata")).toObject();
        const QJsonObject given = c.params.value(QStringLiteral("metadata")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (it.value().toString().isEmpty())
                metadata.remove(it.key());
            else
                metadata.insert(it.key(), it.value());
        }
        previous[QStringLiteral("metadata")] = sub->value(QStringLiteral("metadata"));
        write(QStringLiteral("UPDATE stripe.subscriptions SET metadata = $2::jsonb WHERE id = $1"), {id, json(metadata)});
    }
    const QString comment = c.params.value(QStringLiteral("cancellation_details")).toObject().value(QStringLiteral("comment")).toString();
    if (!comment.isEmpty())
        write(QStringLiteral("UPDATE stripe.subscriptions SET cancellation_comment = $2 WHERE id = $1"), {id, comment});
    if (c.params.contains(QStringLiteral("default_payment_method")))
        write(QStringLiteral("UPDATE stripe.subscriptions SET default_payment_method = $2 WHERE id = $1"),
                  {id, opt(c.params.value(QStringLiteral("default_payment_method")).toString())});
    writeScript(QStringLiteral("COMMIT"));
    emitEvent(QStringLiteral("customer.subscription.updated"), *object(QStringLiteral("subscriptions"), id), c, previous);
    return {200, *object(QStringLiteral("subscriptions"), id, c.params)};
}

StripeResult StripeSimulator::cancelSubscription(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto sub = row(QStringLiteral("subscriptions"), id);
    if (!sub)
        return missingResource(QStringLiteral("subscription"), id);
    if (sub->value(QStringLiteral("status")).toString() == QLatin1String("canceled"))
        return stripeError(400, kInvalid, QStringLiteral("This subscription has already been canceled."), {}, {}, false);
    const QString comment = c.params.value(QStringLiteral("cancellation_details")).toObject().value(QStringLiteral("comment")).toString();
    write(QStringLiteral("UPDATE stripe.subscriptions SET status = 'canceled', canceled_at = $2, ended_at = $2, "
                             "cancellation_comment = coalesce($3, cancellation_comment) WHERE id = $1"),
              {id, now(), opt(comment)});
    const QJsonObject o = *object(QStringLiteral("subscriptions"), id, c.params);
    emitEvent(QStringLiteral("customer.subscription.deleted"), o, c, QJsonObject{{QStringLiteral("status"), sub->value(QStringLiteral("status"))}});
    return {200, o};
}

StripeResult StripeSimulator::listSubscriptions(const StripeCall &c)
{
    QStringList filters;
    QVariantList values;
    auto add = [&](const QString &clause, const QString &value) {
        values.append(value);
        filters.append(clause.arg(values.size()));
    };
    if (c.params.contains(QStringLiteral("customer")))
        add(QStringLiteral("customer = $%1"), c.params.value(QStringLiteral("customer")).toString());
    const QString status = c.params.value(QStringLiteral("status")).toString();
    if (status.isEmpty())
        filters.append(QStringLiteral("status <> 'canceled'")); // Stripe's default list leaves canceled ones out
    else if (status != QLatin1String("all"))
        add(QStringLiteral("status = $%1"), status);
    if (c.params.contains(QStringLiteral("price")))
        add(QStringLiteral("id IN (SELECT subscription FROM stripe.subscription_items WHERE price = $%1)"), c.params.value(QStringLiteral("price")).toString());
    return list(c, QStringLiteral("subscriptions"), QStringLiteral("/v1/subscriptions"), filters, values);
}

StripeResult StripeSimulator::searchSubscriptions(const StripeCall &c)
{
    return search(c, QStringLiteral("subscriptions"), QStringLiteral("/v1/subscriptions/search"));
}

// ----------------------------------------------------------------------------------- invoices

StripeResult StripeSimulator::retrieveInvoice(const StripeCall &c)
{
    const auto o = object(QStringLiteral("invoices"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("invoice"), c.args.value(0));
}

StripeResult StripeSimulator::listInvoices(const StripeCall &c)
{
    QStringList filters;
    QVariantList values;
    for (const char *key : {"customer", "subscription", "status"}) {
        if (c.params.contains(QLatin1String(key))) {
            values.append(c.params.value(QLatin1String(key)).toString());
            filters.append(QLatin1String(key) + QStringLiteral(" = $") + QString::number(values.size()));
        }
    }
    return list(c, QStringLiteral("invoices"), QStringLiteral("/v1/invoices"), filters, values);
}

StripeResult StripeSimulator::payInvoice(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto inv = row(QStringLiteral("invoices"), id);
    if (!inv)
        return missingResource(QStringLiteral("invoice"), id);
    const QString status = inv->value(QStringLiteral("status")).toString();
    if (status == QLatin1String("paid"))
        return stripeError(400, kInvalid, QStringLiteral("Invoice is already paid"), QStringLiteral("invoice_already_paid"));
    if (status != QLatin1String("open"))
        return stripeError(400, kInvalid, QStringLiteral("You can only pay an invoice that is open (this one is %1).").arg(status),
                           QStringLiteral("invoice_not_open"));
    const Attempt attempt = attemptInvoice(*this, id, c);
    if (!attempt.paid)
        return {402, QJsonObject{{QStringLiteral("error"), attempt.error}}};
    return {200, *object(QStringLiteral("invoices"), id, c.params)};
}

StripeResult StripeSimulator::voidInvoice(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto inv = row(QStringLiteral("invoices"), id);
    if (!inv)
        return missingResource(QStringLiteral("invoice"), id);
    if (inv->value(QStringLiteral("status")).toString() != QLatin1String("open"))
        return stripeError(400, kInvalid, QStringLiteral("You can only void an open invoice."), QStringLiteral("invoice_not_open"));
    write(QStringLiteral("UPDATE stripe.invoices SET status = 'void', next_payment_attempt = NULL WHERE id = $1"), {id});
    const QJsonObject o = *object(QStringLiteral("invoices"), id, c.params);
    emitEvent(QStringLiteral("invoice.voided"), o, c);
    return {200, o};
}

StripeResult StripeSimulator::listInvoicePayments(const StripeCall &c)
{
    const QString invoiceId = c.params.value(QStringLiteral("invoice")).toString();
    QJsonArray data;
    const auto inv = invoiceId.isEmpty() ? std::nullopt : row(QStringLiteral("invoices"), invoiceId);
    if (inv && !inv->value(QStringLiteral("payment_intent")).toString().isEmpty()) {
        const QString pi = inv->value(QStringLiteral("payment_intent")).toString();
        const bool expand = stripeform::expands(c.params).contains(QStringLiteral("data.payment.payment_intent"));
        const bool paid = inv->value(QStringLiteral("status")).toString() == QLatin1String("paid");
        QJsonValue piValue = pi;
        if (expand) {
            if (const auto o = object(QStringLiteral("payment_intents"), pi))
                piValue = *o;
        }
        data.append(QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("inpay_") + invoiceId.mid(3))}, {QStringLiteral("object"), QStringLiteral("invoice_payment")},
                                {QStringLiteral("amount_paid"), paid ? inv->value(QStringLiteral("amount_paid")) : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("amount_requested"), inv->value(QStringLiteral("amount_due"))},
                                {QStringLiteral("created"), inv->value(QStringLiteral("created"))}, {QStringLiteral("currency"), inv->value(QStringLiteral("currency"))},
                                {QStringLiteral("invoice"), invoiceId}, {QStringLiteral("is_default"), true}, {QStringLiteral("livemode"), false},
                                {QStringLiteral("payment"), QJsonObject{{QStringLiteral("type"), QStringLiteral("payment_intent")},
                                                                        {QStringLiteral("payment_intent"), piValue}}},
                                {QStringLiteral("status"), paid ? QStringLiteral("paid") : QStringLiteral("open")}});
    }
    return {200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data},
                             {QStringLiteral("has_more"), false}, {QStringLiteral("url"), QStringLiteral("/v1/invoice_payments")}}};
}

void StripeSimulator::advanceBilling()
{
    StripeCall c; // automatic: no request id or key
    for (int guard = 0; guard < 500; ++guard) {
        const qint64 t = now();
        const auto due = m_db.exec(QStringLiteral("SELECT id FROM stripe.subscriptions WHERE status IN ('active', 'past_due', 'trialing') "
                                                  "AND current_period_end <= $1 ORDER BY current_period_end LIMIT 1"), {t});
        if (due && due->rows() > 0) {
            const QString id = due->text(0, 0);
            const auto sub = row(QStringLiteral("subscriptions"), id);
            const qint64 end = sub->value(QStringLiteral("current_period_end")).toInteger();
            if (sub->value(QStringLiteral("cancel_at_period_end")).toBool()) {
                write(QStringLiteral("UPDATE stripe.subscriptions SET status = 'canceled', ended_at = $2 WHERE id = $1"), {id, end});
                emitEvent(QStringLiteral("customer.subscription.deleted"), *object(QStringLiteral("subscriptions"), id), c);
                continue;
            }
            const auto price = m_db.exec(QStringLiteral("SELECT p.interval, p.interval_count FROM stripe.subscription_items i JOIN stripe.prices p "
                                                        "ON p.id = i.price WHERE i.subscription = $1 ORDER BY i.created LIMIT 1"), {id});
            const qint64 next = price && price->rows() > 0 ? addInterval(end, price->text(0, 0), int(price->toInt64(0, 1)))
                                                           : addInterval(end, QStringLiteral("month"), 1);
            write(QStringLiteral("UPDATE stripe.subscriptions SET current_period_start = $2, current_period_end = $3 WHERE id = $1"), {id, end, next});
            const QString invoice = createInvoice(*this, *row(QStringLiteral("subscriptions"), id), QStringLiteral("subscription_cycle"), c);
            attemptInvoice(*this, invoice, c);
            continue;
        }
        const auto retry = m_db.exec(QStringLiteral("SELECT id FROM stripe.invoices WHERE status = 'open' AND next_payment_attempt <= $1 "
                                                    "ORDER BY next_payment_attempt LIMIT 1"), {t});
        if (retry && retry->rows() > 0) {
            attemptInvoice(*this, retry->text(0, 0), c);
            continue;
        }
        break;
    }
}

// ------------------------------------------------------------------------ portal and events

StripeResult StripeSimulator::createPortalSession(const StripeCall &c)
{
    const QString customer = c.params.value(QStringLiteral("customer")).toString();
    if (customer.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: customer."), QStringLiteral("parameter_missing"), QStringLiteral("customer"), false);
    if (!row(QStringLiteral("customers"), customer))
        return missingResource(QStringLiteral("customer"), customer, QStringLiteral("customer"));
    const QString id = newId(QStringLiteral("bps_"));
    const QString url = QStringLiteral("http://127.0.0.1:%1/_sim/portal/%2").arg(m_server ? m_server->port() : 0).arg(id);
    write(QStringLiteral("INSERT INTO stripe.portal_sessions (id, created, customer, return_url, url) VALUES ($1, $2, $3, $4, $5)"),
              {id, now(), customer, opt(c.params.value(QStringLiteral("return_url")).toString()), url});
    return {200, *object(QStringLiteral("portal_sessions"), id)};
}

StripeResult StripeSimulator::retrieveEvent(const StripeCall &c)
{
    const auto o = object(QStringLiteral("events"), c.args.value(0));
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("event"), c.args.value(0));
}

StripeResult StripeSimulator::listEvents(const StripeCall &c)
{
    const QString type = c.params.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        return list(c, QStringLiteral("events"), QStringLiteral("/v1/events"), {}, {});
    QString pattern = type;
    pattern.replace(u'*', u'%');
    return list(c, QStringLiteral("events"), QStringLiteral("/v1/events"), {QStringLiteral("type LIKE $1")}, {pattern});
}

} // namespace okla::sandbox
