#include "sandbox/sims/simhost.h"

#include "sandbox/sims/azulsimulator.h"
#include "sandbox/sims/stripesimulator.h"

namespace okla::sandbox {

namespace {
template<typename Sim>
models::Result<quint16> startOn(QThread &thread, Sim *sim, quint16 port, const char *name)
{
    thread.setObjectName(QString::fromLatin1(name));
    thread.start();
    sim->moveToThread(&thread);
    models::Result<quint16> result = models::makeError(QStringLiteral("sim.start"), QStringLiteral("not started"));
    QMetaObject::invokeMethod(sim, [&] { result = sim->start(port); }, Qt::BlockingQueuedConnection);
    return result;
}

template<typename Sim>
void stopOn(QThread &thread, Sim *&sim)
{
    if (sim) {
        QMetaObject::invokeMethod(sim, [sim] { delete sim; }, Qt::BlockingQueuedConnection);
        sim = nullptr;
    }
    thread.quit();
    thread.wait();
}
} // namespace

SimHost::SimHost(SimOptions options) : m_options(std::move(options)) {}

SimHost::~SimHost()
{
    stop();
}

models::Status SimHost::start(quint16 azulPort, quint16 stripePort)
{
    m_azul = new AzulSimulator(m_options);
    auto azul = startOn(m_azulThread, m_azul, azulPort, "okla-sim-azul");
    if (!azul)
        return azul.error();
    m_azulPort = *azul;
    m_stripe = new StripeSimulator(m_options);
    auto stripe = startOn(m_stripeThread, m_stripe, stripePort, "okla-sim-stripe");
    if (!stripe)
        return stripe.error();
    m_stripePort = *stripe;
    return {};
}

void SimHost::stop()
{
    stopOn(m_azulThread, m_azul);
    stopOn(m_stripeThread, m_stripe);
}

} // namespace okla::sandbox
