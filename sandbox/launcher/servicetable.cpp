#include "sandbox/launcher/servicespec.h"

namespace okla::sandbox {

// The extension point: start order. PostgreSQL first (it takes longest and everything needs it);
// the worker last, after the profile it reads is written.
QList<ServiceSpec> sandboxServices()
{
    return {postgresService(), redisService(), s3Service(), simService(), epmdService(), rabbitMqService(), workerService()};
}

} // namespace okla::sandbox
