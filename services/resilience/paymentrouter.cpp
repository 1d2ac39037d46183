#include "services/resilience/paymentrouter.h"

#include <QCoreApplication>

#include "services/resilience/breakerregistry.h"

namespace okla::services {

using models::makeError;

QString PaymentRouter::providerName(Provider provider)
{
    return provider == Provider::Azul ? QStringLiteral("azul") : QStringLiteral("stripe");
}

bool PaymentRouter::azulSaleBreakerOpen(const BreakerRegistry &breakers, const QString &primaryHost)
{
    const auto breaker = breakers.find(OperationKey{QStringLiteral("azul"), QStringLiteral("sale"), primaryHost}.name());
    return breaker && breaker->state() == CircuitBreaker::State::Open;
}

models::Result<PaymentRouter::Decision> PaymentRouter::route(const Request &request)
{
    const QString currency = request.currency.trimmed().toUpper();

    // A refund goes back through the provider that captured the money, whatever its health:
    // refunds(payment_id, provider) references payments(id, provider).
    if (request.kind == Request::Kind::Refund) {
        if (!request.capturingProvider)
            return makeError(QStringLiteral("routing.refund_without_provider"),
                             QCoreApplication::translate("okla", "The payment to refund has no capturing provider."));
        return Decision{*request.capturingProvider, currency, false, QStringLiteral("refund goes to the capturing provider")};
    }

    if (currency == QLatin1String("USD"))
        return Decision{Provider::Stripe, currency, false, QStringLiteral("USD charges go to Stripe")};
    if (currency != QLatin1String("DOP"))
        return makeError(QStringLiteral("routing.currency_unsupported"),
                         QCoreApplication::translate("okla", "No payment provider handles this currency."), currency);

    switch (request.azulAttempt) {
    case AzulAttempt::Succeeded:
        return makeError(QStringLiteral("routing.already_charged"),
                         QCoreApplication::translate("okla", "This charge already succeeded with AZUL."));
    case AzulAttempt::Unknown:
        // AZUL may have charged: charging Stripe too could take the money twice.
        return makeError(QStringLiteral("routing.unknown_pending"),
                         QCoreApplication::translate("okla", "The AZUL attempt has an unknown outcome; it must be "
                                                             "resolved before the charge can go anywhere else."));
    case AzulAttempt::None:
    case AzulAttempt::Failed:
        break;
    }

    const bool azulUnavailable = request.azulSaleBreakerOpen || request.azulAttempt == AzulAttempt::Failed;
    if (!azulUnavailable)
        return Decision{Provider::Azul, currency, false, QStringLiteral("DOP charges go to AZUL")};
    if (request.dealerHasStripePaymentMethod) {
        const QString why = request.azulSaleBreakerOpen ? QStringLiteral("AZUL sale breaker open: fallback to Stripe")
                                                        : QStringLiteral("AZUL attempt failed (never sent): fallback to Stripe");
        // Stripe accepts DOP: the invoice's currency and ITBIS stay as they are.
        return Decision{Provider::Stripe, currency, true, why};
    }
    if (request.azulSaleBreakerOpen)
        return makeError(QStringLiteral("routing.azul_unavailable"),
                         QCoreApplication::translate("okla", "AZUL is unavailable and the dealer has no Stripe payment "
                                                             "method; the charge will be retried later."));
    // A failed (never sent) attempt with AZUL healthy again: a new AZUL attempt is safe.
    return Decision{Provider::Azul, currency, false, QStringLiteral("previous AZUL attempt failed; no Stripe method")};
}

} // namespace okla::services
