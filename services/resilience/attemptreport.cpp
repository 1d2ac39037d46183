#include "services/resilience/attemptreport.h"

namespace okla::services {

QString OperationKey::name() const
{
    QString result = provider + u'.' + operation;
    if (!host.isEmpty())
        result += u'@' + host;
    return result;
}

bool AttemptReport::isBreakerFailure() const
{
    if (cancelled || declined || refusedLocally)
        return false;
    if (success)
        return false;
    if (transport != Transport::Answered || timedOut || tlsError)
        return true;
    if (httpStatus == 429 || httpStatus >= 500)
        return true;
    // 4xx validation/auth errors are the caller's fault, not the provider's health.
    return providerFault;
}

} // namespace okla::services
