// Disputes as Stripe's test mode makes them (docs/providers.md §18): a charge on the test card
// pm_card_createDispute is approved and then disputed by the cardholder (charge.dispute.created);
// submitting evidence closes it, won with "winning_evidence" and lost with "losing_evidence" in
// evidence[uncategorized_text] (charge.dispute.closed). Other evidence leaves it under review.
#include "sandbox/sims/stripesimulator.h"

#include <QJsonDocument>

namespace okla::sandbox {

void StripeSimulator::openDispute(const QString &chargeId, const StripeCall &c)
{
    const auto charge = row(QStringLiteral("charges"), chargeId);
    if (!charge)
        return;
    const QString id = newId(QStringLiteral("dp_"));
    writeScript(QStringLiteral("BEGIN"));
    write(QStringLiteral("INSERT INTO stripe.disputes (id, created, charge, payment_intent, amount, currency) "
                         "VALUES ($1, $2, $3, $4, $5, $6)"),
          {id, now(), chargeId, charge->value(QStringLiteral("payment_intent")).toString(),
           charge->value(QStringLiteral("amount")).toInteger(), charge->value(QStringLiteral("currency")).toString()});
    write(QStringLiteral("UPDATE stripe.charges SET disputed = true WHERE id = $1"), {chargeId});
    writeScript(QStringLiteral("COMMIT"));
    emitEvent(QStringLiteral("charge.dispute.created"), *object(QStringLiteral("disputes"), id), c);
}

StripeResult StripeSimulator::retrieveDispute(const StripeCall &c)
{
    const auto o = object(QStringLiteral("disputes"), c.args.value(0), c.params);
    return o ? StripeResult{200, *o} : missingResource(QStringLiteral("dispute"), c.args.value(0));
}

StripeResult StripeSimulator::updateDispute(const StripeCall &c)
{
    const QString id = c.args.value(0);
    const auto dispute = row(QStringLiteral("disputes"), id);
    if (!dispute)
        return missingResource(QStringLiteral("dispute"), id);
    const QString status = dispute->value(QStringLiteral("status")).toString();
    if (status == QLatin1String("won") || status == QLatin1String("lost"))
        return stripeError(400, QStringLiteral("invalid_request_error"),
                           QStringLiteral("This dispute is already closed."), QStringLiteral("dispute_already_closed"));
    const QJsonObject evidence = c.params.value(QStringLiteral("evidence")).toObject();
    const QString text = evidence.value(QStringLiteral("uncategorized_text")).toString();
    const QString next = text == QLatin1String("winning_evidence")  ? QStringLiteral("won")
                         : text == QLatin1String("losing_evidence") ? QStringLiteral("lost")
                                                                    : QStringLiteral("under_review");
    write(QStringLiteral("UPDATE stripe.disputes SET status = $2, evidence = evidence || $3::jsonb WHERE id = $1"),
          {id, next, QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact))});
    const QJsonObject o = *object(QStringLiteral("disputes"), id, c.params);
    emitEvent(next == QLatin1String("under_review") ? QStringLiteral("charge.dispute.updated")
                                                    : QStringLiteral("charge.dispute.closed"),
              o, c, QJsonObject{{QStringLiteral("status"), status}});
    return {200, o};
}

} // namespace okla::sandbox
