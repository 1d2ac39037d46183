#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace okla::sandbox::stripeform {

/// Decodes `application/x-www-form-urlencoded` (or a query string) with Stripe's nested keys
/// (`metadata[k]=v`, `items[0][price]=p`, `expand[]=x`) into nested JSON; values stay strings.
QJsonObject decode(const QByteArray &encoded);

/// SHA-256 over the sorted decoded pairs: equal for the same parameters in any order.
QString parametersHash(const QByteArray &encoded);

/// `expand[]` values of a call.
QStringList expands(const QJsonObject &params);

} // namespace okla::sandbox::stripeform
