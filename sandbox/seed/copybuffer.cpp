#include "sandbox/seed/copybuffer.h"

#include "sandbox/seed/seedcalendar.h"

namespace okla::sandbox {

namespace {

char *writeDigits(char *out, std::uint64_t value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

QByteArray CopyBuffer::take()
{
    QByteArray out = std::move(m_data);
    m_data = QByteArray();
    m_rows = 0;
    m_fieldOpen = false;
    return out;
}

CopyBuffer &CopyBuffer::null()
{
    separator();
    m_data.append("\\N", 2);
    return *this;
}

CopyBuffer &CopyBuffer::integer(std::int64_t value)
{
    separator();
    char buf[24];
    char *end = buf + sizeof buf;
    char *p = end;
    const bool negative = value < 0;
    std::uint64_t v = negative ? 0 - std::uint64_t(value) : std::uint64_t(value);
    do {
        *--p = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--p = '-';
    m_data.append(p, end - p);
    return *this;
}

CopyBuffer &CopyBuffer::boolean(bool value)
{
    separator();
    m_data.append(value ? 't' : 'f');
    return *this;
}

CopyBuffer &CopyBuffer::text(std::string_view utf8)
{
    separator();
    size_t start = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        const char *escaped = nullptr;
        switch (c) {
        case '\\': escaped = "\\\\"; break;
        case '\t': escaped = "\\t"; break;
        case '\n': escaped = "\\n"; break;
        case '\r': escaped = "\\r"; break;
        default: continue;
        }
        m_data.append(utf8.data() + start, qsizetype(i - start));
        m_data.append(escaped, 2);
        start = i + 1;
    }
    m_data.append(utf8.data() + start, qsizetype(utf8.size() - start));
    return *this;
}

CopyBuffer &CopyBuffer::raw(std::string_view ascii)
{
    separator();
    m_data.append(ascii.data(), qsizetype(ascii.size()));
    return *this;
}

CopyBuffer &CopyBuffer::date(int days)
{
    separator();
    const CivilDate c = civilFromDays(days);
    char buf[10];
    char *p = writeDigits(buf, std::uint64_t(c.year), 4);
    *p++ = '-';
    p = writeDigits(p, std::uint64_t(c.month), 2);
    *p++ = '-';
    writeDigits(p, std::uint64_t(c.day), 2);
    m_data.append(buf, 10);
    return *this;
}

CopyBuffer &CopyBuffer::timestamp(std::int64_t utcMs)
{
    separator();
    const std::int64_t days = utcMs >= 0 ? utcMs / kMsPerDay : (utcMs - kMsPerDay + 1) / kMsPerDay;
    std::int64_t rest = utcMs - days * kMsPerDay;
    const CivilDate c = civilFromDays(int(days));
    char buf[26];
    char *p = writeDigits(buf, std::uint64_t(c.year), 4);
    *p++ = '-';
    p = writeDigits(p, std::uint64_t(c.month), 2);
    *p++ = '-';
    p = writeDigits(p, std::uint64_t(c.day), 2);
    *p++ = ' ';
    p = writeDigits(p, std::uint64_t(rest / 3600000), 2);
    rest %= 3600000;
    *p++ = ':';
    p = writeDigits(p, std::uint64_t(rest / 60000), 2);
    rest %= 60000;
    *p++ = ':';
    p = writeDigits(p, std::uint64_t(rest / 1000), 2);
    *p++ = '.';
    p = writeDigits(p, std::uint64_t(rest % 1000), 3);
    *p++ = '+';
    *p++ = '0';
    *p++ = '0';
    m_data.append(buf, p - buf);
    return *this;
}

CopyBuffer &CopyBuffer::decimal(std::int64_t value, int scale)
{
    separator();
    std::int64_t pow = 1;
    for (int i = 0; i < scale; ++i)
        pow *= 10;
    char buf[32];
    char *p = buf;
    if (value < 0) {
        *p++ = '-';
        value = -value;
    }
    const std::int64_t whole = value / pow;
    char tmp[24];
    int n = 0;
    std::int64_t w = whole;
    do {
        tmp[n++] = char('0' + w % 10);
        w /= 10;
    } while (w);
    while (n)
        *p++ = tmp[--n];
    if (scale > 0) {
        *p++ = '.';
        p = writeDigits(p, std::uint64_t(value % pow), scale);
    }
    m_data.append(buf, p - buf);
    return *this;
}

void CopyBuffer::formatUuid(std::uint64_t hi, std::uint64_t lo, char *out)
{
    // Version 4 / variant 1 bits, so the values look like what gen_random_uuid() makes.
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    static const char hex[] = "0123456789abcdef";
    int pos = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out[pos++] = '-';
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        out[pos++] = hex[(word >> shift) & 0xF];
    }
}

CopyBuffer &CopyBuffer::uuid(std::uint64_t hi, std::uint64_t lo)
{
    separator();
    char buf[36];
    formatUuid(hi, lo, buf);
    m_data.append(buf, 36);
    return *this;
}

void CopyBuffer::endRow()
{
    m_data.append('\n');
    m_fieldOpen = false;
    ++m_rows;
}

} // namespace okla::sandbox
