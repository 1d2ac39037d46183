#pragma once

#include <cstdint>

namespace okla::sandbox {

/// Calendar arithmetic on plain integers (days since 1970-01-01), fast enough for millions of
/// rows and free of QDate/locale formatting in the hot loop (H. Hinnant's civil algorithms).
struct CivilDate
{
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

constexpr int daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr CivilDate civilFromDays(int z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{y + (m <= 2), m, d};
}

/// The same day-of-month `months` later; the seed only uses days 1..28, so no clamping is needed
/// for anchors, but a longer day is clamped to the month's last day anyway.
constexpr int addMonths(int days, int months)
{
    const CivilDate c = civilFromDays(days);
    int total = c.year * 12 + (c.month - 1) + months;
    const int y = total / 12;
    const int m = total % 12 + 1;
    int d = c.day;
    const int nextFirst = daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
    const int last = nextFirst - daysFromCivil(y, m, 1);
    if (d > last)
        d = last;
    return daysFromCivil(y, m, d);
}

/// Santo Domingo is UTC-4 all year (no DST): local wall time -> UTC milliseconds since the epoch.
constexpr std::int64_t localMs(int days, int hour, int minute, int second = 0, int ms = 0)
{
    return (std::int64_t(days) * 86400 + (hour + 4) * 3600 + minute * 60 + second) * 1000 + ms;
}

constexpr std::int64_t kMsPerDay = 86400000;

/// Local (UTC-4) calendar day of a UTC instant in milliseconds.
constexpr int localDay(std::int64_t utcMs)
{
    const std::int64_t local = utcMs - 4 * 3600 * 1000;
    return int(local >= 0 ? local / kMsPerDay : (local - kMsPerDay + 1) / kMsPerDay);
}

} // namespace okla::sandbox
