#include "models/kpi/kpiperiod.h"

#include <QCoreApplication>
#include <QLocale>

namespace okla::models::kpi {

QDate monthStart(QDate day)
{
    return QDate(day.year(), day.month(), 1);
}

QDate monthEnd(QDate day)
{
    return monthStart(day).addMonths(1).addDays(-1);
}

KpiPeriod KpiPeriod::month(int year, int month)
{
    const QDate from(year, month, 1);
    return {Kind::Month, from, monthEnd(from)};
}

KpiPeriod KpiPeriod::quarter(int year, int quarter)
{
    const QDate from(year, (quarter - 1) * 3 + 1, 1);
    return {Kind::Quarter, from, from.addMonths(3).addDays(-1)};
}

KpiPeriod KpiPeriod::year(int year)
{
    return {Kind::Year, QDate(year, 1, 1), QDate(year, 12, 31)};
}

KpiPeriod KpiPeriod::custom(QDate from, QDate to)
{
    return {Kind::Custom, from, to};
}

KpiPeriod KpiPeriod::containing(Kind kind, QDate day)
{
    switch (kind) {
    case Kind::Month:
        return month(day.year(), day.month());
    case Kind::Quarter:
        return quarter(day.year(), (day.month() - 1) / 3 + 1);
    case Kind::Year:
        return year(day.year());
    case Kind::Custom:
        break;
    }
    return custom(day, day);
}

KpiPeriod KpiPeriod::previous() const
{
    switch (kind) {
    case Kind::Month:
        return containing(kind, from.addMonths(-1));
    case Kind::Quarter:
        return containing(kind, from.addMonths(-3));
    case Kind::Year:
        return containing(kind, from.addYears(-1));
    case Kind::Custom:
        break;
    }
    const qint64 days = from.daysTo(to) + 1;
    return custom(from.addDays(-days), from.addDays(-1));
}

QList<QDate> KpiPeriod::wholeMonths() const
{
    QList<QDate> months;
    for (QDate m = monthStart(from); m <= to; m = m.addMonths(1)) {
        if (m >= from && monthEnd(m) <= to)
            months << m;
    }
    return months;
}

QList<QDate> KpiPeriod::touchedMonths() const
{
    QList<QDate> months;
    for (QDate m = monthStart(from); m <= to; m = m.addMonths(1))
        months << m;
    return months;
}

QString KpiPeriod::label() const
{
    const QLocale locale;
    switch (kind) {
    case Kind::Month:
        return locale.standaloneMonthName(from.month()) + u' ' + QString::number(from.year());
    case Kind::Quarter:
        return QCoreApplication::translate("okla", "Q%1 %2").arg((from.month() - 1) / 3 + 1).arg(from.year());
    case Kind::Year:
        return QString::number(from.year());
    case Kind::Custom:
        break;
    }
    return locale.toString(from, QLocale::ShortFormat) + QStringLiteral(" – ") + locale.toString(to, QLocale::ShortFormat);
}

QString KpiPeriod::key() const
{
    switch (kind) {
    case Kind::Month:
        return from.toString(QStringLiteral("yyyy-MM"));
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(from.year()).arg((from.month() - 1) / 3 + 1);
    case Kind::Year:
        return QString::number(from.year());
    case Kind::Custom:
        break;
    }
    return from.toString(Qt::ISODate) + QStringLiteral("..") + to.toString(Qt::ISODate);
}

} // namespace okla::models::kpi
