#include "ui/planned/infrastructurepage.h"

namespace okla::ui {

InfrastructurePage::InfrastructurePage(const PageContext &, QWidget *parent) : PlannedPage(parent)
{
    describe(tr("Health of the services OKLA depends on."),
             {tr("PostgreSQL, Redis, RabbitMQ and the object store: reachable or not, and latency"),
              tr("AZUL, Stripe, e-mail and push: circuit breaker state and error rates"),
              tr("Provider costs against the budget of each quarter")},
             tr("It comes with the provider health and infrastructure work in a later issue."));
}

} // namespace okla::ui
