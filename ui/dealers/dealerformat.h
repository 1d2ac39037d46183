#pragma once

#include <optional>

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include "models/money.h"

namespace okla::ui {

/// How the Dealers page shows database values: translated labels, RNC/cédula display format,
/// es_DO money from integer minor units (never a double).
class DealerFormat
{
    Q_DECLARE_TR_FUNCTIONS(DealerFormat)
public:
    static QString taxId(const QString &digits, const QString &kind);
    static QString taxIdKind(const QString &kind);
    static QString subscriptionStatus(const QString &dbValue);
    static QString verificationStatus(const QString &dbValue);
    static QString plan(const QString &planKey);
    static QString money(const std::optional<models::Money> &amount);
    /// The calendar day in Santo Domingo (UTC−4, no DST).
    static QString date(const QDateTime &utc);
};

} // namespace okla::ui
