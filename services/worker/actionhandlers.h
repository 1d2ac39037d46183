#pragma once

#include <QJsonObject>
#include <QString>

#include "models/result.h"
#include "services/worker/requesthandler.h"

namespace okla::services {

/// The Subscriptions page's and support's requests (docs/domain.md §22, docs/worker.md §15):
/// retry_charge (through the charge executor with the providers of profile `profileName`, empty:
/// the active one), change_plan, resend_receipt and portal_link.
void registerActionHandlers(RequestHandlerRegistry &registry, const QString &profileName);

/// The parts of registerActionHandlers, one kind each (docs/worker.md §15).
namespace actions {

/// The positive whole number `name` of the request's params, or a worker.params error that names
/// the request's kind and the field.
models::Result<qint64> wholeIdParam(const WorkerRequest &request, const QString &name);
/// worker.not_found: subscription `subscriptionId` does not exist.
models::Error missingSubscription(qint64 subscriptionId);
/// worker.ended when `status` (subscriptions.status) says the subscription has ended.
models::Status notEnded(qint64 subscriptionId, const QString &status);

/// Charges the subscription's oldest open invoice now as the next attempt of its charge, then
/// settles the outcome as dunning does. Commits its own steps.
models::Result<QJsonObject> retryCharge(RequestContext &context, const QString &profileName);
/// Moves the subscription to the current version of a plan and/or another cycle from its next
/// period on. Runs in the request's transaction.
models::Result<QJsonObject> changePlan(RequestContext &context);
/// A `receipt` notice of a paid invoice, one per request. Runs in the request's transaction.
models::Result<QJsonObject> resendReceipt(RequestContext &context);
/// A `card_update_needed` notice asking the dealer to update the card, one per request. Runs in
/// the request's transaction.
models::Result<QJsonObject> portalLink(RequestContext &context);

} // namespace actions

} // namespace okla::services
