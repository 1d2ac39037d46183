#pragma once

#include <cstdint>
#include <string_view>

#include <QByteArray>

namespace okla::sandbox {

/// Builds rows in PostgreSQL's COPY text format (tab separated, \N for NULL, backslash escapes)
/// without going through QString: the seed writes tens of millions of fields.
class CopyBuffer
{
public:
    CopyBuffer() = default;

    void reserve(qsizetype bytes) { m_data.reserve(bytes); }
    qsizetype size() const { return m_data.size(); }
    qint64 rows() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }
    const QByteArray &data() const { return m_data; }
    /// Hands the bytes over and starts again (the row count restarts too).
    QByteArray take();

    CopyBuffer &null();
    CopyBuffer &integer(std::int64_t value);
    CopyBuffer &boolean(bool value);
    /// UTF-8 text, escaped for COPY.
    CopyBuffer &text(std::string_view utf8);
    CopyBuffer &text(const char *utf8) { return text(std::string_view(utf8)); }
    CopyBuffer &text(const std::string &utf8) { return text(std::string_view(utf8)); }
    CopyBuffer &text(const QByteArray &utf8) { return text(std::string_view(utf8.constData(), size_t(utf8.size()))); }
    /// Text known to need no escaping (ids, codes, digits): appended as is.
    CopyBuffer &raw(std::string_view ascii);
    CopyBuffer &raw(const char *ascii) { return raw(std::string_view(ascii)); }
    CopyBuffer &raw(const std::string &ascii) { return raw(std::string_view(ascii)); }
    CopyBuffer &textOrNull(std::string_view utf8) { return utf8.empty() ? null() : text(utf8); }
    /// A date column from days since 1970-01-01 (YYYY-MM-DD).
    CopyBuffer &date(int days);
    CopyBuffer &dateOrNull(int days) { return days == kNoDate ? null() : date(days); }
    /// A timestamptz column from UTC milliseconds since the epoch (YYYY-MM-DD HH:MM:SS.mmm+00).
    CopyBuffer &timestamp(std::int64_t utcMs);
    CopyBuffer &timestampOrNull(std::int64_t utcMs) { return utcMs == kNoTime ? null() : timestamp(utcMs); }
    /// A fixed-point decimal: value / 10^scale (e.g. 585123, 4 -> 58.5123).
    CopyBuffer &decimal(std::int64_t value, int scale);
    /// A UUID column from 128 bits.
    CopyBuffer &uuid(std::uint64_t hi, std::uint64_t lo);
    void endRow();

    static constexpr int kNoDate = INT32_MIN;
    static constexpr std::int64_t kNoTime = INT64_MIN;

    /// Writes the canonical 36-char text of a version-4-shaped UUID into out (no terminator).
    static void formatUuid(std::uint64_t hi, std::uint64_t lo, char *out);

private:
    void separator()
    {
        if (m_fieldOpen)
            m_data.append('\t');
        m_fieldOpen = true;
    }

    QByteArray m_data;
    qint64 m_rows = 0;
    bool m_fieldOpen = false;
};

} // namespace okla::sandbox
