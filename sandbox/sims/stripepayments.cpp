// Customers, payment methods, payment intents, charges and refunds (docs/providers.md §14, §18).
#include "sandbox/sims/stripesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "sandbox/sims/azulcards.h"

namespace okla::sandbox {

namespace {
const QString kInvalid = QStringLiteral("invalid_request_error");

QString json(const QJsonValue &v)
{
    return QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

QVariant opt(const QJsonObject &p, const char *key)
{
    const QString v = p.value(QLatin1String(key)).toString();
    return v.isEmpty() ? QVariant() : QVariant(v);
}

/// Metadata rules of docs/providers.md §10; empty values unset keys. Returns an error or fills `out`.
std::optional<StripeResult> metadataFrom(const QJsonObject &params, QJsonObject base, QJsonObject *out)
{
    const QJsonValue m = params.value(QStringLiteral("metadata"));
    if (m.isString() && m.toString().isEmpty()) {
        *out = {};
        return std::nullopt;
    }
    const QJsonObject given = m.toObject();
    for (auto it = given.begin(); it != given.end(); ++it) {
        if (it.key().size() > 40 || it.key().contains(u'[') || it.key().contains(u']'))
            return stripeError(400, kInvalid, QStringLiteral("Metadata key '%1' is invalid: keys can be up to 40 characters long and cannot contain brackets.").arg(it.key()),
                               QStringLiteral("parameter_invalid_string"), QStringLiteral("metadata"), false);
        const QString value = it.value().toString();
        if (value.size() > 500)
            return stripeError(400, kInvalid, QStringLiteral("Metadata values can have up to 500 characters, but you passed in a value that is %1 characters. Invalid value: %2").arg(value.size()).arg(it.key()),
                               QStringLiteral("parameter_invalid_string"), QStringLiteral("metadata[") + it.key() + u']', false);
        if (value.isEmpty())
            base.remove(it.key());
        else
            base.insert(it.key(), value);
    }
    if (base.size() > 50)
        return stripeError(400, kInvalid, QStringLiteral("You can have at most 50 metadata keys."), {}, QStringLiteral("metadata"), false);
    *out = base;
    return std::nullopt;
}

/// A positive integer parameter; -1 when present but invalid, 0 when absent.
qint64 positive(const QJsonObject &p, const char *key)
{
    if (!p.contains(QLatin1String(key)))
        return 0;
    bool ok = false;
    const qint64 v = p.value(QLatin1String(key)).toString().toLongLong(&ok);
    return ok && v > 0 ? v : -1;
}

QString money(qint64 minor, const QString &currency)
{
    const QString digits = QString::number(minor / 100) + u'.' + QString::number(minor % 100).rightJustified(2, u'0');
    if (currency == QLatin1String("usd"))
        return u'$' + digits;
    if (currency == QLatin1String("eur"))
        return QStringLiteral("€") + digits;
    return currency.toUpper() + u' ' + digits;
}

struct TestCard { const char *token; const char *number; const char *brand; const char *rule; };
constexpr TestCard kTestCards[] = {
    {"pm_card_visa", "4242424242424242", "visa", "approve"},
    {"pm_card_mastercard", "5555555555554444", "mastercard", "approve"},
    {"pm_card_chargeDeclined", "4000000000000002", "visa", "decline:generic_decline"},
    {"pm_card_chargeDeclinedInsufficientFunds", "4000000000009995", "visa", "decline:insufficient_funds"},
    {"pm_card_chargeCustomerFail", "4000000000000341", "visa", "attach_fail"},
    {"pm_card_createDispute", "4000000000000259", "visa", "dispute"},
};

QString declineMessage(const QString &code)
{
    if (code == QLatin1String("insufficient_funds"))
        return QStringLiteral("Your card has insufficient funds.");
    if (code == QLatin1String("expired_card"))
        return QStringLiteral("Your card has expired.");
    return QStringLiteral("Your card was declined.");
}
} // namespace

// ---------------------------------------------------------------------------------- customers

StripeResult StripeSimulator::createCustomer(const StripeCall &c)
{
    QJsonObject metadata;
    if (auto e = metadataFrom(c.params, {}, &metadata))
        return *e;
    const QString id = newId(QStringLiteral("cus_"));
    const auto r = m_db.exec(QStringLiteral("INSERT INTO stripe.customers (id, created, email, name, description, phone, metadata, default_payment_method) "
                                            "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)"),
                             {id, now(), opt(c.params, "email"), opt(c.params, "name"), opt(c.params, "description"),
                              opt(c.params, "phone"), json(metadata),
                              opt(c.params.value(QStringLiteral("invoice_settings")).toObject(), "default_payment_method")});
    if (!r)
        return stripeError(500, QStringLiteral("api_error"), r.error().toString());
    const QJsonObject o = *object(QStringLiteral("customers"), id);
    emitEvent(QStringLiteral("customer.created"), o, c);
    return {200, o};
}

StripeResult StripeSimulator::retrieveCustomer(const StripeCall &c)
{
    const auto o = object(QStringLiteral("customers"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("customer"), c.args.value(0));
}

StripeResult StripeSimulator::updateCustomer(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto current = row(QStringLiteral("customers"), id);
    if (!current)
        return missingResource(QStringLiteral("customer"), id);
    QJsonObject metadata;
    if (auto e = metadataFrom(c.params, current->value(QStringLiteral("metadata")).toObject(), &metadata))
        return *e;
    const QJsonObject invoiceSettings = c.params.value(QStringLiteral("invoice_settings")).toObject();
    write(QStringLiteral("UPDATE stripe.customers SET email = coalesce($2, email), name = coalesce($3, name), "
                             "description = coalesce($4, description), phone = coalesce($5, phone), metadata = $6::jsonb, "
                             "default_payment_method = coalesce($7, default_payment_method) WHERE id = $1"),
              {id, opt(c.params, "email"), opt(c.params, "name"), opt(c.params, "description"), opt(c.params, "phone"),
               json(metadata), opt(invoiceSettings, "default_payment_method")});
    const QJsonObject o = *object(QStringLiteral("customers"), id);
    emitEvent(QStringLiteral("customer.updated"), o, c);
    return {200, o};
}

StripeResult StripeSimulator::listCustomers(const StripeCall &c)
{
    QStringList filters{QStringLiteral("NOT deleted")};
    QVariantList values;
    if (c.params.contains(QStringLiteral("email"))) {
        values.append(c.params.value(QStringLiteral("email")).toString());
        filters.append(QStringLiteral("email = $1"));
    }
    return list(c, QStringLiteral("customers"), QStringLiteral("/v1/customers"), filters, values);
}

// ---------------------------------------------------------------------------- payment methods

StripeResult StripeSimulator::createPaymentMethod(const StripeCall &c)
{
    const QJsonObject card = c.params.value(QStringLiteral("card")).toObject();
    QString number = card.value(QStringLiteral("number")).toString().remove(u' ');
    const QString token = card.value(QStringLiteral("token")).toString();
    QString brand;
    QString rule = QStringLiteral("approve");
    for (const TestCard &t : kTestCards) {
        if ((!token.isEmpty() && QString::fromLatin1(t.token).endsWith(token.mid(4), Qt::CaseInsensitive))
            || number == QLatin1String(t.number)) {
            number = QString::fromLatin1(t.number);
            brand = QString::fromLatin1(t.brand);
            rule = QString::fromLatin1(t.rule);
        }
    }
    if (number.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: card[number]."), QStringLiteral("parameter_missing"),
                           QStringLiteral("card[number]"), false);
    if (!azulcards::luhnValid(number))
        return stripeError(402, QStringLiteral("card_error"), QStringLiteral("Your card number is incorrect."),
                           QStringLiteral("incorrect_number"), QStringLiteral("number"));
    if (brand.isEmpty())
        brand = azulcards::brand(number).toLower();
    const QString id = newId(QStringLiteral("pm_"));
    write(QStringLiteral("INSERT INTO stripe.payment_methods (id, created, brand, last4, exp_month, exp_year, card_rule) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7)"),
              {id, now(), brand, number.right(4), card.value(QStringLiteral("exp_month")).toString(QStringLiteral("12")).toInt(),
               card.value(QStringLiteral("exp_year")).toString(QStringLiteral("2030")).toInt(), rule});
    return {200, *object(QStringLiteral("payment_methods"), id)};
}

StripeResult StripeSimulator::attachPaymentMethod(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const QString customer = c.params.value(QStringLiteral("customer")).toString();
    const auto pm = row(QStringLiteral("payment_methods"), id);
    if (!pm)
        return missingResource(QStringLiteral("payment_method"), id);
    if (!row(QStringLiteral("customers"), customer))
        return missingResource(QStringLiteral("customer"), customer, QStringLiteral("customer"));
    if (pm->value(QStringLiteral("card_rule")).toString() == QLatin1String("attach_fail")) {
        // 4000000000000341 attaches fine; its charges fail later (dunning).
    }
    write(QStringLiteral("UPDATE stripe.payment_methods SET customer = $2 WHERE id = $1"), {id, customer});
    return {200, *object(QStringLiteral("payment_methods"), id)};
}

// ---------------------------------------------------------------------------- payment intents

QString StripeSimulator::charge(qint64 amount, const QString &currency, const QString &customer, const QString &paymentMethod,
                                const QJsonObject &metadata, const QString &description, const StripeCall &c, QJsonObject *error)
{
    // A test token (pm_card_visa...) becomes a real payment method, as Stripe does.
    QString pmId = paymentMethod;
    for (const TestCard &t : kTestCards) {
        if (paymentMethod == QLatin1String(t.token)) {
            pmId = newId(QStringLiteral("pm_"));
            write(QStringLiteral("INSERT INTO stripe.payment_methods (id, created, customer, brand, last4, card_rule) VALUES ($1, $2, $3, $4, $5, $6)"),
                      {pmId, now(), customer.isEmpty() ? QVariant() : QVariant(customer), QString::fromLatin1(t.brand),
                       QString::fromLatin1(t.number).right(4), QString::fromLatin1(t.rule)});
        }
    }
    const auto pm = row(QStringLiteral("payment_methods"), pmId);
    const QString piId = newId(QStringLiteral("pi_"));
    const QString chId = newId(QStringLiteral("ch_"));
    QString rule = pm ? pm->value(QStringLiteral("card_rule")).toString() : QStringLiteral("approve");
    if (c.plan.decline)
        rule = QStringLiteral("decline:") + (c.plan.decline->isEmpty() ? QStringLiteral("generic_decline") : *c.plan.decline);
    const bool disputes = rule == QLatin1String("dispute"); // approved, then disputed by the cardholder
    const bool declined = rule != QLatin1String("approve") && !disputes;
    const QString declineCode = rule == QLatin1String("attach_fail") ? QStringLiteral("generic_decline") : rule.section(u':', 1);
    const QString message = declineMessage(declineCode);
    QJsonObject lastError;
    if (declined) {
        lastError = {{QStringLiteral("type"), QStringLiteral("card_error")}, {QStringLiteral("code"), QStringLiteral("card_declined")},
                     {QStringLiteral("decline_code"), declineCode}, {QStringLiteral("message"), message},
                     {QStringLiteral("charge"), chId},
                     {QStringLiteral("doc_url"), QStringLiteral("https://stripe.com/docs/error-codes/card-declined")}};
    }
    writeScript(QStringLiteral("BEGIN"));
    write(QStringLiteral("INSERT INTO stripe.payment_intents (id, created, amount, amount_received, currency, customer, payment_method, "
                             "status, latest_charge, description, last_payment_error, metadata) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)"),
              {piId, now(), amount, declined ? 0 : amount, currency, customer.isEmpty() ? QVariant() : QVariant(customer),
               pmId.isEmpty() ? QVariant() : QVariant(pmId),
               declined ? QStringLiteral("requires_payment_method") : QStringLiteral("succeeded"), chId,
               description.isEmpty() ? QVariant() : QVariant(description),
               declined ? QVariant(json(lastError)) : QVariant(), json(metadata)});
    write(QStringLiteral("INSERT INTO stripe.charges (id, created, amount, amount_captured, currency, customer, payment_intent, "
                             "payment_method, status, captured, failure_code, failure_message, decline_code, card_brand, card_last4, "
                             "card_exp_month, card_exp_year, description, metadata) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)"),
              {chId, now(), amount, declined ? 0 : amount, currency, customer.isEmpty() ? QVariant() : QVariant(customer), piId,
               pmId.isEmpty() ? QVariant() : QVariant(pmId), declined ? QStringLiteral("failed") : QStringLiteral("succeeded"), !declined,
               declined ? QVariant(QStringLiteral("card_declined")) : QVariant(), declined ? QVariant(message) : QVariant(),
               declined ? QVariant(declineCode) : QVariant(),
               pm ? pm->value(QStringLiteral("brand")).toString() : QStringLiteral("visa"),
               pm ? pm->value(QStringLiteral("last4")).toString() : QStringLiteral("4242"),
               pm ? pm->value(QStringLiteral("exp_month")).toInt() : 12, pm ? pm->value(QStringLiteral("exp_year")).toInt() : 2030,
               description.isEmpty() ? QVariant() : QVariant(description), json(metadata)});
    writeScript(QStringLiteral("COMMIT"));
    const QJsonObject pi = *object(QStringLiteral("payment_intents"), piId);
    const QJsonObject ch = *object(QStringLiteral("charges"), chId);
    emitEvent(QStringLiteral("payment_intent.created"), pi, c);
    emitEvent(declined ? QStringLiteral("charge.failed") : QStringLiteral("charge.succeeded"), ch, c);
    emitEvent(declined ? QStringLiteral("payment_intent.payment_failed") : QStringLiteral("payment_intent.succeeded"), pi, c);
    if (disputes)
        openDispute(chId, c);
    if (declined && error) {
        *error = lastError;
        (*error)[QStringLiteral("payment_intent")] = pi;
    }
    return piId;
}

StripeResult StripeSimulator::createPaymentIntent(const StripeCall &c)
{
    const qint64 amount = positive(c.params, "amount");
    if (amount == 0)
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: amount."), QStringLiteral("parameter_missing"), QStringLiteral("amount"), false);
    if (amount < 0)
        return stripeError(400, kInvalid, QStringLiteral("Invalid positive integer"), QStringLiteral("parameter_invalid_integer"), QStringLiteral("amount"), false);
    const QString currency = c.params.value(QStringLiteral("currency")).toString().toLower();
    if (currency.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("Missing required param: currency."), QStringLiteral("parameter_missing"), QStringLiteral("currency"), false);
    const QString customer = c.params.value(QStringLiteral("customer")).toString();
    if (!customer.isEmpty() && !row(QStringLiteral("customers"), customer))
        return missingResource(QStringLiteral("customer"), customer, QStringLiteral("customer"));
    QJsonObject metadata;
    if (auto e = metadataFrom(c.params, {}, &metadata))
        return *e;
    const QString pm = c.params.value(QStringLiteral("payment_method")).toString();
    const QString description = c.params.value(QStringLiteral("description")).toString();
    if (c.params.value(QStringLiteral("confirm")).toString() == QLatin1String("true")) {
        if (pm.isEmpty())
            return stripeError(400, kInvalid, QStringLiteral("You cannot confirm this PaymentIntent because it's missing a payment method."),
                               QStringLiteral("payment_intent_unexpected_state"), QStringLiteral("payment_method"), false);
        QJsonObject error;
        const QString piId = charge(amount, currency, customer, pm, metadata, description, c, &error);
        if (!error.isEmpty())
            return {402, QJsonObject{{QStringLiteral("error"), error}}};
        return {200, *object(QStringLiteral("payment_intents"), piId, c.params)};
    }
    const QString id = newId(QStringLiteral("pi_"));
    write(QStringLiteral("INSERT INTO stripe.payment_intents (id, created, amount, currency, customer, payment_method, status, description, metadata) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)"),
              {id, now(), amount, currency, customer.isEmpty() ? QVariant() : QVariant(customer), pm.isEmpty() ? QVariant() : QVariant(pm),
               pm.isEmpty() ? QStringLiteral("requires_payment_method") : QStringLiteral("requires_confirmation"),
               description.isEmpty() ? QVariant() : QVariant(description), json(metadata)});
    const QJsonObject o = *object(QStringLiteral("payment_intents"), id, c.params);
    emitEvent(QStringLiteral("payment_intent.created"), o, c);
    return {200, o};
}

StripeResult StripeSimulator::confirmPaymentIntent(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto pi = row(QStringLiteral("payment_intents"), id);
    if (!pi)
        return missingResource(QStringLiteral("payment_intent"), id);
    const QString status = pi->value(QStringLiteral("status")).toString();
    if (status != QLatin1String("requires_payment_method") && status != QLatin1String("requires_confirmation"))
        return stripeError(400, kInvalid, QStringLiteral("This PaymentIntent's status is %1 and cannot be confirmed.").arg(status),
                           QStringLiteral("payment_intent_unexpected_state"));
    const QString pm = c.params.value(QStringLiteral("payment_method")).toString(pi->value(QStringLiteral("payment_method")).toString());
    if (pm.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("You cannot confirm this PaymentIntent because it's missing a payment method."),
                           QStringLiteral("payment_intent_unexpected_state"), QStringLiteral("payment_method"), false);
    // Confirming makes the attempt; the simulator records it as a fresh intent+charge and folds the
    // result back into this intent so the id the client holds stays the one that succeeded.
    QJsonObject error;
    const QString attempt = charge(pi->value(QStringLiteral("amount")).toInteger(), pi->value(QStringLiteral("currency")).toString(),
                                   pi->value(QStringLiteral("customer")).toString(), pm, pi->value(QStringLiteral("metadata")).toObject(),
                                   pi->value(QStringLiteral("description")).toString(), c, &error);
    writeScript(QStringLiteral("BEGIN"));
    write(QStringLiteral("UPDATE stripe.payment_intents p SET status = a.status, amount_received = a.amount_received, latest_charge = a.latest_charge, "
                             "payment_method = a.payment_method, last_payment_error = a.last_payment_error FROM stripe.payment_intents a "
                             "WHERE p.id = $1 AND a.id = $2"), {id, attempt});
    write(QStringLiteral("UPDATE stripe.charges SET payment_intent = $1 WHERE payment_intent = $2"), {id, attempt});
    write(QStringLiteral("DELETE FROM stripe.payment_intents WHERE id = $1"), {attempt});
    writeScript(QStringLiteral("COMMIT"));
    if (!error.isEmpty()) {
        error[QStringLiteral("payment_intent")] = *object(QStringLiteral("payment_intents"), id);
        return {402, QJsonObject{{QStringLiteral("error"), error}}};
    }
    return {200, *object(QStringLiteral("payment_intents"), id, c.params)};
}

StripeResult StripeSimulator::retrievePaymentIntent(const StripeCall &c)
{
    const auto o = object(QStringLiteral("payment_intents"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("payment_intent"), c.args.value(0));
}

StripeResult StripeSimulator::listPaymentIntents(const StripeCall &c)
{
    if (c.params.contains(QStringLiteral("customer")))
        return list(c, QStringLiteral("payment_intents"), QStringLiteral("/v1/payment_intents"), {QStringLiteral("customer = $1")},
                    {c.params.value(QStringLiteral("customer")).toString()});
    return list(c, QStringLiteral("payment_intents"), QStringLiteral("/v1/payment_intents"), {}, {});
}

// ------------------------------------------------------------------------------------ charges

StripeResult StripeSimulator::retrieveCharge(const StripeCall &c)
{
    const auto o = object(QStringLiteral("charges"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("charge"), c.args.value(0));
}

StripeResult StripeSimulator::listCharges(const StripeCall &c)
{
    QStringList filters;
    QVariantList values;
    for (const char *key : {"customer", "payment_intent"}) {
        if (c.params.contains(QLatin1String(key))) {
            values.append(c.params.value(QLatin1String(key)).toString());
            filters.append(QLatin1String(key) + QStringLiteral(" = $") + QString::number(values.size()));
        }
    }
    return list(c, QStringLiteral("charges"), QStringLiteral("/v1/charges"), filters, values);
}

StripeResult StripeSimulator::searchCharges(const StripeCall &c)
{
    return search(c, QStringLiteral("charges"), QStringLiteral("/v1/charges/search"));
}

// ------------------------------------------------------------------------------------ refunds

StripeResult StripeSimulator::createRefund(const StripeCall &c)
{
    QString chargeId = c.params.value(QStringLiteral("charge")).toString();
    const QString piId = c.params.value(QStringLiteral("payment_intent")).toString();
    if (chargeId.isEmpty() && piId.isEmpty())
        return stripeError(400, kInvalid, QStringLiteral("One of the following params should be provided for this request: payment_intent or charge."),
                           QStringLiteral("parameter_missing"), {}, false);
    const qint64 requested = positive(c.params, "amount");
    if (requested < 0)
        return stripeError(400, kInvalid, QStringLiteral("Invalid positive integer"), QStringLiteral("parameter_invalid_integer"),
                           QStringLiteral("amount"), false);
    const QString reason = c.params.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty() && reason != QLatin1String("duplicate") && reason != QLatin1String("fraudulent")
        && reason != QLatin1String("requested_by_customer"))
        return stripeError(400, kInvalid, QStringLiteral("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer"),
                           QStringLiteral("parameter_invalid_string"), QStringLiteral("reason"), false);
    QJsonObject metadata;
    if (auto e = metadataFrom(c.params, {}, &metadata))
        return *e;
    if (chargeId.isEmpty()) {
        const auto pi = row(QStringLiteral("payment_intents"), piId);
        if (!pi)
            return missingResource(QStringLiteral("payment_intent"), piId, QStringLiteral("payment_intent"));
        chargeId = pi->value(QStringLiteral("latest_charge")).toString();
        if (pi->value(QStringLiteral("status")).toString() != QLatin1String("succeeded"))
            return stripeError(400, kInvalid, QStringLiteral("This PaymentIntent (%1) does not have a successful charge to refund.").arg(piId),
                               QStringLiteral("charge_not_refundable"), QStringLiteral("payment_intent"));
    }

    // Lock the charge so that concurrent refunds cannot both pass the remaining check.
    writeScript(QStringLiteral("BEGIN"));
    const auto locked = m_db.exec(QStringLiteral("SELECT amount, amount_refunded, currency, status, disputed, payment_intent "
                                                 "FROM stripe.charges WHERE id = $1 FOR UPDATE"), {chargeId});
    auto fail = [this](const StripeResult &r) {
        m_db.rollbackAfterError();
        return r;
    };
    if (!locked || locked->rows() == 0)
        return fail(missingResource(QStringLiteral("charge"), chargeId, QStringLiteral("charge")));
    const qint64 amount = locked->toInt64(0, 0);
    const qint64 refunded = locked->toInt64(0, 1);
    const QString currency = locked->text(0, 2);
    if (locked->text(0, 3) != QLatin1String("succeeded"))
        return fail(stripeError(400, kInvalid, QStringLiteral("Charge %1 has not succeeded and cannot be refunded.").arg(chargeId),
                                QStringLiteral("charge_not_refundable"), QStringLiteral("charge")));
    if (locked->text(0, 4) == QLatin1String("t"))
        return fail(stripeError(400, kInvalid, QStringLiteral("Charge %1 has been charged back; cannot issue a refund.").arg(chargeId),
                                QStringLiteral("charge_disputed")));
    if (refunded >= amount)
        return fail(stripeError(400, kInvalid, QStringLiteral("Charge %1 has already been refunded.").arg(chargeId),
                                QStringLiteral("charge_already_refunded")));
    const qint64 refundAmount = requested > 0 ? requested : amount - refunded;
    if (refundAmount > amount - refunded)
        return fail(stripeError(400, kInvalid, QStringLiteral("Refund amount (%1) is greater than unrefunded amount on charge (%2)")
                                                   .arg(money(refundAmount, currency), money(amount - refunded, currency)),
                                {}, QStringLiteral("amount")));
    const QString id = newId(QStringLiteral("re_"));
    const auto inserted = m_db.exec(QStringLiteral("INSERT INTO stripe.refunds (id, created, amount, currency, charge, payment_intent, status, reason, metadata) "
                                                   "VALUES ($1, $2, $3, $4, $5, $6, 'succeeded', $7, $8::jsonb)"),
                                    {id, now(), refundAmount, currency, chargeId, locked->isNull(0, 5) ? QVariant() : QVariant(locked->text(0, 5)),
                                     reason.isEmpty() ? QVariant() : QVariant(reason), json(metadata)});
    const auto updated = m_db.exec(QStringLiteral("UPDATE stripe.charges SET amount_refunded = amount_refunded + $2 WHERE id = $1"),
                                   {chargeId, refundAmount});
    if (!inserted || !updated)
        return fail(stripeError(500, QStringLiteral("api_error"), QStringLiteral("An unknown error occurred.")));
    writeScript(QStringLiteral("COMMIT"));
    const QJsonObject refund = *object(QStringLiteral("refunds"), id, c.params);
    emitEvent(QStringLiteral("refund.created"), *object(QStringLiteral("refunds"), id), c);
    emitEvent(QStringLiteral("charge.refunded"), *object(QStringLiteral("charges"), chargeId), c,
              QJsonObject{{QStringLiteral("amount_refunded"), refunded}, {QStringLiteral("refunded"), false}});
    return {200, refund};
}

StripeResult StripeSimulator::retrieveRefund(const StripeCall &c)
{
    const auto o = object(QStringLiteral("refunds"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("refund"), c.args.value(0));
}

StripeResult StripeSimulator::listRefunds(const StripeCall &c)
{
    QStringList filters;
    QVariantList values;
    for (const char *key : {"charge", "payment_intent"}) {
        if (c.params.contains(QLatin1String(key))) {
            values.append(c.params.value(QLatin1String(key)).toString());
            filters.append(QLatin1String(key) + QStringLiteral(" = $") + QString::number(values.size()));
        }
    }
    return list(c, QStringLiteral("refunds"), QStringLiteral("/v1/refunds"), filters, values);
}

} // namespace okla::sandbox
