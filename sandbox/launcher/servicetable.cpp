#include "sandbox/launcher/servicespec.h"

namespace okla::sandbox {

// The extension point: start order. PostgreSQL first (it takes longest and everything needs it).
QList<ServiceSpec> sandboxServices()
{
    return {postgresService(), redisService(), s3Service(), simService(), epmdService(), rabbitMqService()};
}

} // namespace okla::sandbox
