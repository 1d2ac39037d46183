#include "services/billing/crashpoint.h"

#include <cstring>

#include <unistd.h>

#include <QByteArray>
#include <QtGlobal>

namespace okla::services {

namespace {
/// Exit code of a crash point, so a test can tell it from any other exit.
constexpr int kCrashExitCode = 86;
}

void crashPoint(const char *name)
{
    static const QByteArray armed = qgetenv("OKLA_CRASH_AT");
    if (!armed.isEmpty() && std::strcmp(armed.constData(), name) == 0)
        ::_exit(kCrashExitCode);
}

} // namespace okla::services
