#pragma once

#include <QThread>

#include "models/result.h"
#include "sandbox/sims/simoptions.h"

namespace okla::sandbox {

class AzulSimulator;
class StripeSimulator;

/// Runs the AZUL and the Stripe simulator, each on its own thread with its own PostgreSQL
/// connection. Used by okla-sim and by tests that want the simulators in-process.
class SimHost
{
public:
    explicit SimHost(SimOptions options);
    ~SimHost();
    SimHost(const SimHost &) = delete;
    SimHost &operator=(const SimHost &) = delete;

    /// Port 0 picks a free port; read the chosen ones with azulPort()/stripePort().
    models::Status start(quint16 azulPort, quint16 stripePort);
    void stop();
    quint16 azulPort() const { return m_azulPort; }
    quint16 stripePort() const { return m_stripePort; }

private:
    SimOptions m_options;
    QThread m_azulThread;
    QThread m_stripeThread;
    AzulSimulator *m_azul = nullptr;
    StripeSimulator *m_stripe = nullptr;
    quint16 m_azulPort = 0;
    quint16 m_stripePort = 0;
};

} // namespace okla::sandbox
