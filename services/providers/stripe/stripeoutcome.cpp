// StripeOutcome and StripeConfig: classification and configuration, apart from the calls.
#include "services/providers/stripe/stripeclient.h"

#include "services/session/connectionprofile.h"
#include "models/secretmask.h"
#include "services/credentials/credentialstore.h"
#include "services/providers/http/transportpolicy.h"

namespace okla::services::stripe {

using http::HttpOutcome;

models::Result<StripeConfig> StripeConfig::load(const ConnectionProfile &profile, const CredentialStore &credentials)
{
    StripeConfig c;
    if (profile.stripeUrl.isValid() && !profile.stripeUrl.isEmpty())
        c.baseUrl = profile.stripeUrl;
    c.simulator = profile.providersSimulator;
    if (auto ok = http::TransportPolicy{c.simulator}.checkUrl(QStringLiteral("stripe"), c.baseUrl); !ok)
        return ok.error();
    auto key = credentials.read(CredentialStore::StripeSecretKey);
    if (!key)
        return key.error();
    c.secretKey = key.value().trimmed();
    if (c.secretKey.isEmpty())
        return StripeOutcome::emptyKeyError();
    return c;
}

models::Error StripeOutcome::emptyKeyError()
{
    return models::makeError(QStringLiteral("stripe.config.secret_key"),
                             tr("The Stripe secret key (stripe-secret-key) is empty; nothing is sent to Stripe "
                                "without one."));
}

models::Result<StripeRefund> StripeOutcome::refund() const
{
    if (!ok())
        return toError();
    return StripeResponseParser::refund(response.object);
}

models::Result<StripePage> StripeOutcome::page() const
{
    if (!ok())
        return toError();
    return StripeResponseParser::page(response.object);
}

models::Error StripeOutcome::toError() const
{
    if (requestError)
        return *requestError;
    // A refused handshake (unknown CA, a pin, an alert): Stripe never processed the request.
    if (transport == HttpOutcome::Kind::NotSent
        && (failure == HttpOutcome::Failure::TlsHandshake || failure == HttpOutcome::Failure::PinMismatch))
        return models::makeError(QStringLiteral("stripe.config.tls"),
                                 tr("Stripe's secure connection was refused (CA or pin); nothing was processed and an "
                                    "administrator must fix the configuration."),
                                 HttpOutcome::failureName(failure) + QStringLiteral(": ") + models::maskSecrets(transportError));
    const QString rid = requestId.isEmpty() ? QString() : QStringLiteral(" [") + requestId + u']';
    switch (transport) {
    case HttpOutcome::Kind::NotSent:
        return models::makeError(QStringLiteral("stripe.unreachable"), tr("Stripe could not be reached; nothing was sent."),
                                 HttpOutcome::failureName(failure) + QStringLiteral(": ") + models::maskSecrets(transportError));
    case HttpOutcome::Kind::NoCompleteAnswer:
        return models::makeError(QStringLiteral("stripe.no_answer"),
                                 tr("Stripe did not answer in time; the request may have been processed."),
                                 HttpOutcome::failureName(failure) + QStringLiteral(": ") + models::maskSecrets(transportError));
    case HttpOutcome::Kind::Answered:
        break;
    }
    switch (response.kind) {
    case StripeResponse::Kind::Ok:
        return {};
    case StripeResponse::Kind::Malformed:
        return models::makeError(QStringLiteral("stripe.response.malformed"), tr("Stripe's answer could not be understood."),
                                 response.detail + rid);
    case StripeResponse::Kind::ApiError:
        break;
    }
    const StripeApiError &e = response.error;
    QString code = QStringLiteral("stripe.") + e.type;
    if (!e.code.isEmpty())
        code += u'.' + e.code;
    // Stripe answers a bad key with type invalid_request_error, like an over-refund: a 401 gets
    // its own code so that nobody mistakes a configuration error for a request bug.
    if (httpStatus == 401)
        code = QStringLiteral("stripe.authentication_error");
    QString message;
    if (e.type == QLatin1String("card_error"))
        message = tr("The card was declined.");
    else if (e.type == QLatin1String("idempotency_error"))
        message = tr("Stripe refused a repeated request with different parameters.");
    else if (httpStatus == 401)
        message = tr("Stripe rejected OKLA's API key; an administrator must fix it.");
    else if (httpStatus == 403)
        message = tr("OKLA's Stripe key is not allowed to do this.");
    else if (httpStatus == 404)
        message = tr("Stripe does not know this object.");
    else if (httpStatus == 429)
        message = tr("Stripe is limiting OKLA's request rate.");
    else if (httpStatus >= 500)
        message = tr("Stripe had an internal error.");
    else
        message = tr("Stripe refused the request.");
    // Stripe's own text (e.g. "Refund amount ($20.00) is greater than unrefunded amount…") is the detail.
    QString detail = models::maskSecrets(e.message);
    if (!e.param.isEmpty())
        detail += QStringLiteral(" (param ") + e.param + u')';
    if (!e.declineCode.isEmpty())
        detail += QStringLiteral(" (decline ") + e.declineCode + u')';
    return models::makeError(code, message, detail + rid);
}

AttemptReport StripeOutcome::toAttemptReport() const
{
    AttemptReport r;
    switch (transport) {
    case HttpOutcome::Kind::NotSent: r.transport = AttemptReport::Transport::NeverSent; break;
    case HttpOutcome::Kind::NoCompleteAnswer: r.transport = AttemptReport::Transport::SentNoAnswer; break;
    case HttpOutcome::Kind::Answered: r.transport = AttemptReport::Transport::Answered; break;
    }
    r.httpStatus = httpStatus;
    r.timedOut = failure == HttpOutcome::Failure::Timeout || failure == HttpOutcome::Failure::ConnectTimeout;
    r.tlsError = failure == HttpOutcome::Failure::TlsHandshake || failure == HttpOutcome::Failure::PinMismatch;
    r.success = ok();
    r.declined = response.kind == StripeResponse::Kind::ApiError
        && (response.error.type == QLatin1String("card_error") || httpStatus == 402);
    r.stripeShouldRetry = shouldRetry;
    r.retryAfterMs = retryAfterMs;
    r.errorType = response.error.type;
    r.errorCode = response.error.code;
    r.providerFault = transport == HttpOutcome::Kind::Answered && response.kind == StripeResponse::Kind::Malformed
        && httpStatus >= 200 && httpStatus < 300;
    if (requestError) {
        r.retryOverride = false; // refused before sending: a bug or a configuration error, never retried
        r.refusedLocally = true;
    }
    if (failure == HttpOutcome::Failure::InsecureUrl)
        r.refusedLocally = true;
    r.summary = QStringLiteral("stripe.%1 http=%2").arg(operation).arg(httpStatus);
    if (!response.error.type.isEmpty())
        r.summary += u' ' + response.error.type + u'/' + response.error.code;
    if (transport != HttpOutcome::Kind::Answered)
        r.summary += u' ' + HttpOutcome::failureName(failure);
    if (!requestId.isEmpty())
        r.summary += u' ' + requestId;
    return r;
}

} // namespace okla::services::stripe
