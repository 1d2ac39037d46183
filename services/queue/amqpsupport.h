#pragma once

// Small helpers between Qt and rabbitmq-c types, shared by the AmqpQueue files only.

#include <amqp.h>

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace okla::services::amqp {

inline constexpr amqp_channel_t kChannel = 1;

inline QByteArray toByteArray(amqp_bytes_t bytes)
{
    return QByteArray(static_cast<const char *>(bytes.bytes), qsizetype(bytes.len));
}

/// Borrows `data` (which must outlive the call that uses the result).
inline amqp_bytes_t borrow(const QByteArray &data)
{
    amqp_bytes_t bytes;
    bytes.len = size_t(data.size());
    bytes.bytes = const_cast<char *>(data.constData());
    return bytes;
}

/// An AMQP field table built from owned byte arrays (keep the builder alive while it is used).
class TableBuilder
{
public:
    TableBuilder &text(const char *key, const QString &value)
    {
        m_texts.push_back(value.toUtf8());
        amqp_table_entry_t entry;
        entry.key = amqp_cstring_bytes(key);
        entry.value.kind = AMQP_FIELD_KIND_UTF8;
        entry.value.value.bytes = borrow(m_texts.back());
        m_entries.push_back(entry);
        return *this;
    }
    TableBuilder &integer(const char *key, qint64 value)
    {
        amqp_table_entry_t entry;
        entry.key = amqp_cstring_bytes(key);
        entry.value.kind = AMQP_FIELD_KIND_I64;
        entry.value.value.i64 = value;
        m_entries.push_back(entry);
        return *this;
    }
    amqp_table_t table()
    {
        amqp_table_t t;
        t.num_entries = int(m_entries.size());
        t.entries = m_entries.empty() ? nullptr : m_entries.data();
        return t;
    }

private:
    std::vector<QByteArray> m_texts; // reserved below so borrowed pointers stay valid
    std::vector<amqp_table_entry_t> m_entries;

public:
    TableBuilder() { m_texts.reserve(16); }
};

/// An integer header (any integer kind), e.g. x-delivery-count.
inline std::optional<qint64> integerHeader(const amqp_table_t &table, const char *key)
{
    for (int i = 0; i < table.num_entries; ++i) {
        const amqp_table_entry_t &entry = table.entries[i];
        if (toByteArray(entry.key) != key)
            continue;
        const amqp_field_value_t &v = entry.value;
        switch (v.kind) {
        case AMQP_FIELD_KIND_I8: return v.value.i8;
        case AMQP_FIELD_KIND_U8: return v.value.u8;
        case AMQP_FIELD_KIND_I16: return v.value.i16;
        case AMQP_FIELD_KIND_U16: return v.value.u16;
        case AMQP_FIELD_KIND_I32: return v.value.i32;
        case AMQP_FIELD_KIND_U32: return v.value.u32;
        case AMQP_FIELD_KIND_I64: return v.value.i64;
        case AMQP_FIELD_KIND_U64: return qint64(v.value.u64);
        default: return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace okla::services::amqp
