#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace okla::models::kpi {

/// A reporting period: calendar month, quarter, year or a custom range of days (inclusive),
/// in America/Santo_Domingo dates.
struct KpiPeriod
{
    enum class Kind { Month, Quarter, Year, Custom };
    Kind kind = Kind::Month;
    QDate from; ///< first day
    QDate to;   ///< last day, inclusive

    static KpiPeriod month(int year, int month);
    static KpiPeriod quarter(int year, int quarter);
    static KpiPeriod year(int year);
    static KpiPeriod custom(QDate from, QDate to);
    /// The month, quarter or year holding `day`.
    static KpiPeriod containing(Kind kind, QDate day);

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    /// The period of the same kind just before (custom: the same number of days before).
    KpiPeriod previous() const;
    /// First days of the months wholly inside the period (churn over a range = their mean).
    QList<QDate> wholeMonths() const;
    /// First days of every month the period touches.
    QList<QDate> touchedMonths() const;
    /// "octubre 2026", "T4 2026", "2026", "01/10/2026 – 15/11/2026" (translated).
    QString label() const;
    /// "2026-10", "2026-Q4", "2026", "2026-10-01..2026-11-15": stable, for files and JSON.
    QString key() const;
    bool operator==(const KpiPeriod &) const = default;
};

QDate monthStart(QDate day);
QDate monthEnd(QDate day);

} // namespace okla::models::kpi
