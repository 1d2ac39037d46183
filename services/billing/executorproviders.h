#pragma once

#include "services/providers/azul/azulpaymentflow.h"

namespace okla::services {

namespace stripe {
class StripeClient;
}

/// The provider clients the executors call (owned by the worker; either may be absent when that
/// provider is not configured) and the AZUL flow's waits.
struct ExecutorProviders
{
    azul::AzulClient *azul = nullptr;
    stripe::StripeClient *stripe = nullptr;
    azul::AzulPaymentFlow::Options azulFlow;
};

} // namespace okla::services
