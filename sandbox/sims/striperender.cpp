// Rows of the stripe schema rendered in Stripe's object shapes (basil API version), and the
// generic helpers every Stripe handler uses: lookup, expand, lists with cursors, search, events.
#include "sandbox/sims/stripesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "sandbox/sims/stripeform.h"
#include "sandbox/sims/stripesearch.h"

namespace okla::sandbox {

namespace {
const QJsonValue kNull = QJsonValue(QJsonValue::Null);

QJsonValue orNull(const QJsonValue &v) { return v.isUndefined() ? kNull : v; }

QJsonObject emptyAddress()
{
    return QJsonObject{{QStringLiteral("city"), kNull}, {QStringLiteral("country"), kNull}, {QStringLiteral("line1"), kNull},
                       {QStringLiteral("line2"), kNull}, {QStringLiteral("postal_code"), kNull}, {QStringLiteral("state"), kNull}};
}

QJsonObject listObject(const QJsonArray &data, bool hasMore, const QString &url)
{
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data},
                       {QStringLiteral("has_more"), hasMore}, {QStringLiteral("url"), url}};
}

QString tableForId(const QString &id)
{
    static const QList<std::pair<QString, QString>> prefixes = {
        {QStringLiteral("cus_"), QStringLiteral("customers")}, {QStringLiteral("ch_"), QStringLiteral("charges")},
        {QStringLiteral("pi_"), QStringLiteral("payment_intents")}, {QStringLiteral("re_"), QStringLiteral("refunds")},
        {QStringLiteral("in_"), QStringLiteral("invoices")}, {QStringLiteral("sub_"), QStringLiteral("subscriptions")},
        {QStringLiteral("pm_"), QStringLiteral("payment_methods")}, {QStringLiteral("price_"), QStringLiteral("prices")},
        {QStringLiteral("evt_"), QStringLiteral("events")}, {QStringLiteral("dp_"), QStringLiteral("disputes")}};
    for (const auto &[prefix, table] : prefixes) {
        if (id.startsWith(prefix))
            return table;
    }
    return {};
}
} // namespace

std::optional<QJsonObject> StripeSimulator::row(const QString &table, const QString &id)
{
    const auto r = m_db.exec(QStringLiteral("SELECT row_to_json(t)::text FROM stripe.%1 t WHERE id = $1").arg(table), {id});
    m_dbFailed = m_dbFailed || !r;
    if (!r || r->rows() == 0)
        return std::nullopt;
    return QJsonDocument::fromJson(r->bytes(0, 0)).object();
}

QJsonObject StripeSimulator::render(const QString &table, const QJsonObject &r, const QJsonObject &params)
{
    auto v = [&r](const char *column) { return orNull(r.value(QLatin1String(column))); };
    const QString id = r.value(QStringLiteral("id")).toString();
    QJsonObject o;
    if (table == QLatin1String("customers")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("customer")},
             {QStringLiteral("address"), kNull}, {QStringLiteral("balance"), 0}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("currency"), v("currency")}, {QStringLiteral("default_source"), kNull},
             {QStringLiteral("delinquent"), false}, {QStringLiteral("description"), v("description")},
             {QStringLiteral("email"), v("email")}, {QStringLiteral("invoice_prefix"), id.right(8).toUpper()},
             {QStringLiteral("invoice_settings"), QJsonObject{{QStringLiteral("custom_fields"), kNull},
                                                              {QStringLiteral("default_payment_method"), v("default_payment_method")},
                                                              {QStringLiteral("footer"), kNull},
                                                              {QStringLiteral("rendering_options"), kNull}}},
             {QStringLiteral("livemode"), false}, {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("name"), v("name")},
             {QStringLiteral("next_invoice_sequence"), 1}, {QStringLiteral("phone"), v("phone")},
             {QStringLiteral("preferred_locales"), QJsonArray()}, {QStringLiteral("shipping"), kNull},
             {QStringLiteral("tax_exempt"), QStringLiteral("none")}, {QStringLiteral("test_clock"), kNull}};
        if (r.value(QStringLiteral("deleted")).toBool())
            o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("customer")}, {QStringLiteral("deleted"), true}};
    } else if (table == QLatin1String("payment_methods")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("payment_method")},
             {QStringLiteral("billing_details"), QJsonObject{{QStringLiteral("address"), emptyAddress()}, {QStringLiteral("email"), kNull},
                                                              {QStringLiteral("name"), kNull}, {QStringLiteral("phone"), kNull}}},
             {QStringLiteral("card"), QJsonObject{{QStringLiteral("brand"), v("brand")}, {QStringLiteral("last4"), v("last4")},
                                                  {QStringLiteral("exp_month"), v("exp_month")}, {QStringLiteral("exp_year"), v("exp_year")},
                                                  {QStringLiteral("funding"), QStringLiteral("credit")}, {QStringLiteral("country"), QStringLiteral("US")}}},
             {QStringLiteral("created"), v("created")}, {QStringLiteral("customer"), v("customer")},
             {QStringLiteral("livemode"), false}, {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("type"), QStringLiteral("card")}};
    } else if (table == QLatin1String("payment_intents")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("payment_intent")},
             {QStringLiteral("amount"), v("amount")}, {QStringLiteral("amount_capturable"), 0},
             {QStringLiteral("amount_received"), v("amount_received")}, {QStringLiteral("canceled_at"), kNull},
             {QStringLiteral("cancellation_reason"), kNull}, {QStringLiteral("capture_method"), QStringLiteral("automatic")},
             {QStringLiteral("client_secret"), QString(id + QStringLiteral("_secret_sim"))},
             {QStringLiteral("confirmation_method"), QStringLiteral("automatic")}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("currency"), v("currency")}, {QStringLiteral("customer"), v("customer")},
             {QStringLiteral("description"), v("description")}, {QStringLiteral("last_payment_error"), v("last_payment_error")},
             {QStringLiteral("latest_charge"), v("latest_charge")}, {QStringLiteral("livemode"), false},
             {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("next_action"), kNull},
             {QStringLiteral("payment_method"), v("payment_method")},
             {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}}, {QStringLiteral("status"), v("status")}};
    } else if (table == QLatin1String("charges")) {
        const qint64 amount = r.value(QStringLiteral("amount")).toInteger();
        const qint64 refunded = r.value(QStringLiteral("amount_refunded")).toInteger();
        const bool succeeded = r.value(QStringLiteral("status")).toString() == QLatin1String("succeeded");
        const QString brand = r.value(QStringLiteral("card_brand")).toString();
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("charge")}, {QStringLiteral("amount"), amount},
             {QStringLiteral("amount_captured"), v("amount_captured")}, {QStringLiteral("amount_refunded"), refunded},
             {QStringLiteral("balance_transaction"), succeeded ? QJsonValue(QStringLiteral("txn_") + id.mid(3)) : kNull},
             {QStringLiteral("billing_details"), QJsonObject{{QStringLiteral("address"), emptyAddress()}, {QStringLiteral("email"), kNull},
                                                              {QStringLiteral("name"), kNull}, {QStringLiteral("phone"), kNull}}},
             {QStringLiteral("calculated_statement_descriptor"), QStringLiteral("OKLA")}, {QStringLiteral("captured"), v("captured")},
             {QStringLiteral("created"), v("created")}, {QStringLiteral("currency"), v("currency")}, {QStringLiteral("customer"), v("customer")},
             {QStringLiteral("description"), v("description")}, {QStringLiteral("disputed"), v("disputed")},
             {QStringLiteral("failure_code"), v("failure_code")}, {QStringLiteral("failure_message"), v("failure_message")},
             {QStringLiteral("fraud_details"), QJsonObject()}, {QStringLiteral("livemode"), false}, {QStringLiteral("metadata"), v("metadata")},
             {QStringLiteral("outcome"), QJsonObject{{QStringLiteral("network_status"), succeeded ? QStringLiteral("approved_by_network") : QStringLiteral("declined_by_network")},
                                                     {QStringLiteral("reason"), succeeded ? kNull : v("decline_code")},
                                                     {QStringLiteral("risk_level"), QStringLiteral("normal")},
                                                     {QStringLiteral("seller_message"), succeeded ? QStringLiteral("Payment complete.") : QStringLiteral("The bank did not return any further details with this decline.")},
                                                     {QStringLiteral("type"), succeeded ? QStringLiteral("authorized") : QStringLiteral("issuer_declined")}}},
             {QStringLiteral("paid"), succeeded}, {QStringLiteral("payment_intent"), v("payment_intent")},
             {QStringLiteral("payment_method"), v("payment_method")},
             {QStringLiteral("payment_method_details"), QJsonObject{{QStringLiteral("card"), QJsonObject{
                  {QStringLiteral("brand"), brand}, {QStringLiteral("last4"), v("card_last4")}, {QStringLiteral("exp_month"), v("card_exp_month")},
                  {QStringLiteral("exp_year"), v("card_exp_year")}, {QStringLiteral("funding"), QStringLiteral("credit")},
                  {QStringLiteral("country"), QStringLiteral("US")}, {QStringLiteral("network"), brand}}},
                  {QStringLiteral("type"), QStringLiteral("card")}}},
             {QStringLiteral("receipt_url"), kNull}, {QStringLiteral("refunded"), amount > 0 && refunded >= amount},
             {QStringLiteral("status"), v("status")}};
        if (stripeform::expands(params).contains(QStringLiteral("refunds"))) {
            QJsonArray refunds;
            const auto rows = m_db.exec(QStringLiteral("SELECT row_to_json(t)::text FROM stripe.refunds t WHERE charge = $1 ORDER BY created DESC, id DESC"), {id});
            if (rows) {
                for (int i = 0; i < rows->rows(); ++i)
                    refunds.append(render(QStringLiteral("refunds"), QJsonDocument::fromJson(rows->bytes(i, 0)).object()));
            }
            o[QStringLiteral("refunds")] = listObject(refunds, false, QStringLiteral("/v1/charges/") + id + QStringLiteral("/refunds"));
        }
    } else if (table == QLatin1String("refunds")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("refund")}, {QStringLiteral("amount"), v("amount")},
             {QStringLiteral("balance_transaction"), QString(QStringLiteral("txn_") + id.mid(3))}, {QStringLiteral("charge"), v("charge")},
             {QStringLiteral("created"), v("created")}, {QStringLiteral("currency"), v("currency")},
             {QStringLiteral("destination_details"), QJsonObject{{QStringLiteral("card"), QJsonObject{{QStringLiteral("type"), QStringLiteral("refund")}}},
                                                                 {QStringLiteral("type"), QStringLiteral("card")}}},
             {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("payment_intent"), v("payment_intent")},
             {QStringLiteral("reason"), v("reason")}, {QStringLiteral("receipt_number"), kNull}, {QStringLiteral("status"), v("status")}};
        if (!r.value(QStringLiteral("failure_reason")).isNull())
            o[QStringLiteral("failure_reason")] = v("failure_reason");
    } else if (table == QLatin1String("disputes")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("dispute")}, {QStringLiteral("amount"), v("amount")},
             {QStringLiteral("charge"), v("charge")}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("currency"), v("currency")}, {QStringLiteral("evidence"), v("evidence")},
             {QStringLiteral("is_charge_refundable"), false}, {QStringLiteral("livemode"), false},
             {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("payment_intent"), v("payment_intent")},
             {QStringLiteral("reason"), v("reason")}, {QStringLiteral("status"), v("status")}};
    } else if (table == QLatin1String("prices")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("price")}, {QStringLiteral("active"), v("active")},
             {QStringLiteral("billing_scheme"), QStringLiteral("per_unit")}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("currency"), v("currency")}, {QStringLiteral("livemode"), false}, {QStringLiteral("lookup_key"), kNull},
             {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("nickname"), v("nickname")}, {QStringLiteral("product"), v("product")},
             {QStringLiteral("recurring"), QJsonObject{{QStringLiteral("interval"), v("interval")}, {QStringLiteral("interval_count"), v("interval_count")},
                                                       {QStringLiteral("meter"), kNull}, {QStringLiteral("trial_period_days"), kNull},
                                                       {QStringLiteral("usage_type"), QStringLiteral("licensed")}}},
             {QStringLiteral("tax_behavior"), QStringLiteral("unspecified")}, {QStringLiteral("tiers_mode"), kNull},
             {QStringLiteral("type"), QStringLiteral("recurring")}, {QStringLiteral("unit_amount"), v("unit_amount")},
             {QStringLiteral("unit_amount_decimal"), QString::number(r.value(QStringLiteral("unit_amount")).toInteger())}};
    } else if (table == QLatin1String("subscriptions")) {
        QJsonArray items;
        const auto rows = m_db.exec(QStringLiteral("SELECT row_to_json(t)::text FROM stripe.subscription_items t WHERE subscription = $1 ORDER BY created, id"), {id});
        if (rows) {
            for (int i = 0; i < rows->rows(); ++i) {
                const QJsonObject item = QJsonDocument::fromJson(rows->bytes(i, 0)).object();
                const auto price = row(QStringLiteral("prices"), item.value(QStringLiteral("price")).toString());
                items.append(QJsonObject{{QStringLiteral("id"), item.value(QStringLiteral("id"))}, {QStringLiteral("object"), QStringLiteral("subscription_item")},
                                         {QStringLiteral("created"), item.value(QStringLiteral("created"))},
                                         {QStringLiteral("current_period_start"), v("current_period_start")},
                                         {QStringLiteral("current_period_end"), v("current_period_end")},
                                         {QStringLiteral("discounts"), QJsonArray()}, {QStringLiteral("metadata"), QJsonObject()},
                                         {QStringLiteral("price"), price ? QJsonValue(render(QStringLiteral("prices"), *price)) : kNull},
                                         {QStringLiteral("quantity"), item.value(QStringLiteral("quantity"))},
                                         {QStringLiteral("subscription"), id}});
            }
        }
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("subscription")},
             {QStringLiteral("billing_cycle_anchor"), orNull(r.value(QStringLiteral("billing_cycle_anchor")))},
             {QStringLiteral("cancel_at"), v("cancel_at")}, {QStringLiteral("cancel_at_period_end"), v("cancel_at_period_end")},
             {QStringLiteral("canceled_at"), v("canceled_at")},
             {QStringLiteral("cancellation_details"), QJsonObject{{QStringLiteral("comment"), v("cancellation_comment")}, {QStringLiteral("feedback"), kNull},
                                                                  {QStringLiteral("reason"), r.value(QStringLiteral("canceled_at")).isNull() ? kNull : QJsonValue(QStringLiteral("cancellation_requested"))}}},
             {QStringLiteral("collection_method"), v("collection_method")}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("currency"), v("currency")}, {QStringLiteral("customer"), v("customer")},
             {QStringLiteral("default_payment_method"), v("default_payment_method")}, {QStringLiteral("discounts"), QJsonArray()},
             {QStringLiteral("ended_at"), v("ended_at")},
             {QStringLiteral("items"), listObject(items, false, QStringLiteral("/v1/subscription_items?subscription=") + id)},
             {QStringLiteral("latest_invoice"), v("latest_invoice")}, {QStringLiteral("livemode"), false},
             {QStringLiteral("metadata"), v("metadata")}, {QStringLiteral("pause_collection"), kNull},
             {QStringLiteral("start_date"), v("created")}, {QStringLiteral("status"), v("status")},
             {QStringLiteral("test_clock"), kNull}, {QStringLiteral("trial_end"), v("trial_end")}, {QStringLiteral("trial_start"), kNull}};
    } else if (table == QLatin1String("invoices")) {
        const QString status = r.value(QStringLiteral("status")).toString();
        const QJsonValue sub = v("subscription");
        QJsonArray lines;
        lines.append(QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("il_") + id.mid(3))}, {QStringLiteral("object"), QStringLiteral("line_item")},
                                 {QStringLiteral("amount"), v("amount_due")}, {QStringLiteral("currency"), v("currency")},
                                 {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), v("period_start")}, {QStringLiteral("end"), v("period_end")}}}});
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("invoice")}, {QStringLiteral("account_country"), QStringLiteral("US")},
             {QStringLiteral("amount_due"), v("amount_due")}, {QStringLiteral("amount_paid"), v("amount_paid")},
             {QStringLiteral("amount_remaining"), v("amount_remaining")}, {QStringLiteral("attempt_count"), v("attempt_count")},
             {QStringLiteral("attempted"), v("attempted")}, {QStringLiteral("auto_advance"), status == QLatin1String("open")},
             {QStringLiteral("billing_reason"), v("billing_reason")}, {QStringLiteral("collection_method"), v("collection_method")},
             {QStringLiteral("created"), v("created")}, {QStringLiteral("currency"), v("currency")}, {QStringLiteral("customer"), v("customer")},
             {QStringLiteral("description"), kNull}, {QStringLiteral("due_date"), v("due_date")},
             {QStringLiteral("hosted_invoice_url"), QString(QStringLiteral("https://invoice.stripe.sim/i/") + id)},
             {QStringLiteral("last_finalization_error"), kNull},
             {QStringLiteral("lines"), listObject(lines, false, QStringLiteral("/v1/invoices/") + id + QStringLiteral("/lines"))},
             {QStringLiteral("livemode"), false}, {QStringLiteral("metadata"), v("metadata")},
             {QStringLiteral("next_payment_attempt"), v("next_payment_attempt")}, {QStringLiteral("number"), v("number")},
             {QStringLiteral("parent"), sub.isNull() ? kNull : QJsonValue(QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("subscription_details")}, {QStringLiteral("quote_details"), kNull},
                  {QStringLiteral("subscription_details"), QJsonObject{{QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("subscription"), sub}}}})},
             {QStringLiteral("period_end"), v("period_end")}, {QStringLiteral("period_start"), v("period_start")},
             {QStringLiteral("status"), status}, {QStringLiteral("subtotal"), v("amount_due")}, {QStringLiteral("total"), v("amount_due")}};
    } else if (table == QLatin1String("events")) {
        QJsonObject data{{QStringLiteral("object"), v("object")}};
        if (!r.value(QStringLiteral("previous")).isNull())
            data[QStringLiteral("previous_attributes")] = v("previous");
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("event")}, {QStringLiteral("api_version"), QStringLiteral("2025-03-31.basil")},
             {QStringLiteral("created"), v("created")}, {QStringLiteral("data"), data}, {QStringLiteral("livemode"), false},
             {QStringLiteral("pending_webhooks"), r.value(QStringLiteral("delivered_at")).isNull() && !r.value(QStringLiteral("next_attempt_at")).isNull() ? 1 : 0},
             {QStringLiteral("request"), QJsonObject{{QStringLiteral("id"), v("request_id")}, {QStringLiteral("idempotency_key"), v("idempotency_key")}}},
             {QStringLiteral("type"), v("type")}};
    } else if (table == QLatin1String("portal_sessions")) {
        o = {{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("billing_portal.session")},
             {QStringLiteral("configuration"), QStringLiteral("bpc_sim_default")}, {QStringLiteral("created"), v("created")},
             {QStringLiteral("customer"), v("customer")}, {QStringLiteral("flow"), kNull}, {QStringLiteral("livemode"), false},
             {QStringLiteral("locale"), kNull}, {QStringLiteral("on_behalf_of"), kNull}, {QStringLiteral("return_url"), v("return_url")},
             {QStringLiteral("url"), v("url")}};
    }
    // expand[]: replace an id by its object (one level; `data.x` for list items is handled by list()).
    for (const QString &path : stripeform::expands(params)) {
        if (path.contains(u'.') || path == QLatin1String("refunds"))
            continue;
        const QString ref = o.value(path).toString();
        const QString refTable = tableForId(ref);
        if (!refTable.isEmpty()) {
            if (const auto refRow = row(refTable, ref))
                o[path] = render(refTable, *refRow);
        }
    }
    return o;
}

std::optional<QJsonObject> StripeSimulator::object(const QString &table, const QString &id, const QJsonObject &params)
{
    const auto r = row(table, id);
    if (!r)
        return std::nullopt;
    return render(table, *r, params);
}

StripeResult StripeSimulator::list(const StripeCall &c, const QString &table, const QString &url, const QStringList &filters,
                                   const QVariantList &filterValues)
{
    bool ok = true;
    int limit = 10;
    if (c.params.contains(QStringLiteral("limit"))) {
        limit = c.params.value(QStringLiteral("limit")).toString().toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            return stripeError(400, QStringLiteral("invalid_request_error"),
                               QStringLiteral("Invalid limit: must be between 1 and 100"), {}, QStringLiteral("limit"), false);
    }
    const QString after = c.params.value(QStringLiteral("starting_after")).toString();
    const QString before = c.params.value(QStringLiteral("ending_before")).toString();
    if (!after.isEmpty() && !before.isEmpty())
        return stripeError(400, QStringLiteral("invalid_request_error"),
                           QStringLiteral("You may only specify one of these parameters: ending_before, starting_after."), {}, {}, false);
    QStringList where = filters;
    QVariantList values = filterValues;
    auto param = [&values](const QVariant &v) {
        values.append(v);
        return QString(QStringLiteral("$") + QString::number(values.size()));
    };
    // created[gte|gt|lte|lt] or created=<unix>
    const QJsonValue created = c.params.value(QStringLiteral("created"));
    if (created.isObject()) {
        const QJsonObject co = created.toObject();
        const std::pair<const char *, const char *> ops[] = {{"gt", ">"}, {"gte", ">="}, {"lt", "<"}, {"lte", "<="}};
        for (const auto &[name, op] : ops) {
            if (co.contains(QLatin1String(name)))
                where.append(QStringLiteral("created %1 %2::bigint").arg(QLatin1String(op), param(co.value(QLatin1String(name)).toString())));
        }
    } else if (created.isString()) {
        where.append(QStringLiteral("created = %1::bigint").arg(param(created.toString())));
    }
    const QString cursor = after.isEmpty() ? before : after;
    if (!cursor.isEmpty()) {
        if (!row(table, cursor))
            return missingResource(table.chopped(1), cursor, after.isEmpty() ? QStringLiteral("ending_before") : QStringLiteral("starting_after"));
        where.append(QStringLiteral("(created, id) %1 (SELECT created, id FROM stripe.%2 WHERE id = %3)")
                         .arg(after.isEmpty() ? QStringLiteral(">") : QStringLiteral("<"), table, param(cursor)));
    }
    const QString order = before.isEmpty() ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString sql = QStringLiteral("SELECT row_to_json(t)::text FROM stripe.%1 t %2 ORDER BY created %3, id %3 LIMIT %4")
                            .arg(table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")),
                                 order, QString::number(limit + 1));
    const auto rows = m_db.exec(sql, values);
    if (!rows)
        return stripeError(500, QStringLiteral("api_error"), rows.error().toString());
    // expand[]=data.<field> expands <field> on each item.
    QJsonArray itemExpands;
    for (const QString &path : stripeform::expands(c.params)) {
        if (path.startsWith(QLatin1String("data.")))
            itemExpands.append(path.mid(5));
    }
    const QJsonObject itemParams{{QStringLiteral("expand"), itemExpands}};
    QList<QJsonObject> data;
    for (int i = 0; i < rows->rows() && i < limit; ++i)
        data.append(render(table, QJsonDocument::fromJson(rows->bytes(i, 0)).object(), itemParams));
    if (!before.isEmpty())
        std::reverse(data.begin(), data.end());
    QJsonArray array;
    for (const QJsonObject &o : data)
        array.append(o);
    return StripeResult{200, listObject(array, rows->rows() > limit, url)};
}

StripeResult StripeSimulator::search(const StripeCall &c, const QString &table, const QString &url)
{
    QString error;
    const auto query = StripeSearchQuery::parse(c.params.value(QStringLiteral("query")).toString(), &error);
    if (!query)
        return stripeError(400, QStringLiteral("invalid_request_error"), QStringLiteral("Invalid search query: ") + error,
                           QStringLiteral("parameter_invalid_string"), QStringLiteral("query"), false);
    bool ok = true;
    int limit = 10;
    if (c.params.contains(QStringLiteral("limit"))) {
        limit = c.params.value(QStringLiteral("limit")).toString().toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            return stripeError(400, QStringLiteral("invalid_request_error"), QStringLiteral("Invalid limit: must be between 1 and 100"),
                               {}, QStringLiteral("limit"), false);
    }
    const QString page = c.params.value(QStringLiteral("page")).toString();
    const int offset = page.startsWith(QLatin1String("page_")) ? page.mid(5).toInt() : 0;
    const auto rows = m_db.exec(QStringLiteral("SELECT row_to_json(t)::text FROM stripe.%1 t ORDER BY created DESC, id DESC").arg(table));
    if (!rows)
        return stripeError(500, QStringLiteral("api_error"), rows.error().toString());
    QJsonArray data;
    int matched = 0;
    bool hasMore = false;
    for (int i = 0; i < rows->rows(); ++i) {
        const QJsonObject o = render(table, QJsonDocument::fromJson(rows->bytes(i, 0)).object());
        if (!query->matches(o))
            continue;
        if (matched >= offset && data.size() < limit)
            data.append(render(table, QJsonDocument::fromJson(rows->bytes(i, 0)).object(), c.params));
        else if (data.size() >= limit) {
            hasMore = true;
            break;
        }
        ++matched;
    }
    return StripeResult{200, QJsonObject{{QStringLiteral("object"), QStringLiteral("search_result")}, {QStringLiteral("data"), data},
                                         {QStringLiteral("has_more"), hasMore},
                                         {QStringLiteral("next_page"), hasMore ? QJsonValue(QStringLiteral("page_") + QString::number(offset + limit)) : kNull},
                                         {QStringLiteral("url"), url}}};
}

void StripeSimulator::emitEvent(const QString &type, const QJsonObject &object, const StripeCall &c, const QJsonObject &previous)
{
    const bool deliver = !m_webhookUrl.isEmpty();
    write(QStringLiteral("INSERT INTO stripe.events (id, created, type, object, previous, request_id, idempotency_key, next_attempt_at) "
                             "VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)"),
              {newId(QStringLiteral("evt_")), now(), type, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)),
               previous.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(QJsonDocument(previous).toJson(QJsonDocument::Compact))),
               c.requestId.isEmpty() ? QVariant() : QVariant(c.requestId),
               c.idempotencyKey.isEmpty() ? QVariant() : QVariant(c.idempotencyKey),
               deliver ? QVariant(QDateTime::currentSecsSinceEpoch()) : QVariant()});
}

} // namespace okla::sandbox
