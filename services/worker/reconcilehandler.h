#pragma once

#include <QString>

namespace okla::services {

class RequestHandlerRegistry;

/// The `reconcile` request (docs/domain.md §22, docs/worker.md §14) for the worker started on
/// `profileName` (empty: the active profile): both providers' clients are built per request from
/// the credentials folder, and the request commits its own steps (findings are written as found).
void registerReconcileHandler(RequestHandlerRegistry &registry, const QString &profileName);

} // namespace okla::services
