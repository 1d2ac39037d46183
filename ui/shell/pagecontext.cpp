#include "ui/shell/pagecontext.h"

#include "services/session/consoleservices.h"

namespace okla::ui {

PageContext PageContext::of(services::Session *session, const services::ConsoleServices &services)
{
    return PageContext{session, services.dealers.get(), services.kpi.get(), services.files.get(), services.staff.get(),
                       services.subscriptions.get()};
}

} // namespace okla::ui
