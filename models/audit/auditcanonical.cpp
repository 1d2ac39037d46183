#include "models/audit/auditcanonical.h"
#include "models/oklatr.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QCryptographicHash>
#include <QDateTime>

namespace okla::models::AuditCanonical {

namespace {

// PostgreSQL's escape_json over UTF-8 bytes: the two-letter escapes, \u00xx (lower-case hex) for
// the other control characters, everything else (non-ASCII included) as it is.
QByteArray escapeUtf8(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

/// A recursive-descent reader of JSON text that writes the canonical form as it goes.
class CanonicalWriter
{
public:
    explicit CanonicalWriter(const QByteArray &text) : m_text(text) {}

    bool run(QByteArray &out)
    {
        if (!value(out, 0))
            return false;
        skipSpace();
        return m_pos == m_text.size();
    }

private:
    static constexpr int kMaxDepth = 200;

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                                         || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool eat(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool hex4(char32_t &cp)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        bool ok = false;
        cp = char32_t(m_text.mid(m_pos, 4).toUInt(&ok, 16));
        m_pos += 4;
        return ok;
    }
    // The string's decoded UTF-8 bytes.
    bool string(QByteArray &decoded)
    {
        if (!eat('"'))
            return false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\') {
                decoded += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case 'b': decoded += '\b'; break;
            case 'f': decoded += '\f'; break;
            case 'n': decoded += '\n'; break;
            case 'r': decoded += '\r'; break;
            case 't': decoded += '\t'; break;
            case '"': case '\\': case '/': decoded += e; break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xd800 && cp < 0xdc00) { // a surrogate pair
                    char32_t low = 0;
                    if (m_pos + 2 > m_text.size() || m_text[m_pos] != '\\' || m_text[m_pos + 1] != 'u')
                        return false;
                    m_pos += 2;
                    if (!hex4(low) || low < 0xdc00 || low >= 0xe000)
                        return false;
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(decoded, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }
    bool value(QByteArray &out, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        skipSpace();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{')
            return object(out, depth);
        if (c == '[')
            return array(out, depth);
        if (c == '"') {
            QByteArray decoded;
            if (!string(decoded))
                return false;
            out += escapeUtf8(decoded);
            return true;
        }
        for (const char *literal : {"true", "false", "null"}) {
            if (m_text.mid(m_pos).startsWith(literal)) {
                out += literal;
                m_pos += qsizetype(qstrlen(literal));
                return true;
            }
        }
        // A number token, kept as PostgreSQL printed it (numeric's own output).
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && QByteArrayView("+-0123456789.eE").contains(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start)
            return false;
        out += m_text.mid(start, m_pos - start);
        return true;
    }
    bool object(QByteArray &out, int depth)
    {
        ++m_pos;
        std::vector<std::pair<QByteArray, QByteArray>> members;
        if (!eat('}')) {
            do {
                QByteArray key;
                QByteArray member;
                if (!string(key) || !eat(':') || !value(member, depth + 1))
                    return false;
                members.emplace_back(std::move(key), std::move(member));
            } while (eat(','));
            if (!eat('}'))
                return false;
        }
        // Bytewise on UTF-8, like PostgreSQL's COLLATE "C".
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
            return std::lexicographical_compare(a.first.begin(), a.first.end(), b.first.begin(), b.first.end(),
                                                [](char x, char y) { return uchar(x) < uchar(y); });
        });
        out += '{';
        for (size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                out += ',';
            out += escapeUtf8(members[i].first);
            out += ':';
            out += members[i].second;
        }
        out += '}';
        return true;
    }
    bool array(QByteArray &out, int depth)
    {
        ++m_pos;
        out += '[';
        if (!eat(']')) {
            bool first = true;
            do {
                if (!first)
                    out += ',';
                first = false;
                if (!value(out, depth + 1))
                    return false;
            } while (eat(','));
            if (!eat(']'))
                return false;
        }
        out += ']';
        return true;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QByteArray orNull(const std::optional<QString> &text)
{
    return text ? jsonString(*text) : QByteArrayLiteral("null");
}

QByteArray orNull(const std::optional<qint64> &number)
{
    return number ? QByteArray::number(*number) : QByteArrayLiteral("null");
}

// Version 0 (migration 5): the jsonb values exactly as PostgreSQL prints them.
QByteArray rowV0(const AuditRow &row)
{
    auto json = [](const std::optional<QByteArray> &v) { return v ? *v : QByteArrayLiteral("null"); };
    return QByteArrayLiteral("{\"action\":") + jsonString(row.action) + ",\"actor\":" + jsonString(row.actor)
           + ",\"actor_staff_id\":" + orNull(row.actorStaffId) + ",\"after\":" + json(row.after)
           + ",\"before\":" + json(row.before) + ",\"entity\":" + jsonString(row.entity)
           + ",\"entity_id\":" + orNull(row.entityId) + ",\"occurred_at\":\"" + utcTimestamp(row.occurredAtMicros)
           + "\",\"reason\":" + orNull(row.reason) + ",\"result\":" + jsonString(row.result)
           + ",\"seq\":" + QByteArray::number(row.seq) + '}';
}

} // namespace

Result<QByteArray> canonicalJson(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    if (!CanonicalWriter(json).run(out))
        return makeError(QStringLiteral("audit.canonical.json"),
                         Tr::tr("An audit row holds a value that is not valid JSON, so its canonical form cannot be computed."));
    return out;
}

QByteArray jsonString(const QString &text)
{
    return escapeUtf8(text.toUtf8());
}

QByteArray utcTimestamp(qint64 microsSinceEpoch)
{
    qint64 seconds = microsSinceEpoch / 1000000;
    qint64 micros = microsSinceEpoch % 1000000;
    if (micros < 0) {
        micros += 1000000;
        --seconds;
    }
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + '.'
           + QByteArray::number(micros).rightJustified(6, '0') + 'Z';
}

Result<QByteArray> canonicalRow(const AuditRow &row)
{
    if (row.canonicalVersion == 0)
        return rowV0(row);
    if (row.canonicalVersion != 1)
        return makeError(QStringLiteral("audit.canonical.version"),
                         Tr::tr("Audit row %1 uses canonical form version %2, unknown to this program; install the "
                            "newer OKLA Admin.").arg(row.seq).arg(row.canonicalVersion));
    QByteArray before = "null";
    QByteArray after = "null";
    if (row.before) {
        auto json = canonicalJson(*row.before);
        if (!json)
            return json.error();
        before = json.value();
    }
    if (row.after) {
        auto json = canonicalJson(*row.after);
        if (!json)
            return json.error();
        after = json.value();
    }
    return QByteArray(QByteArrayLiteral("{\"action\":") + jsonString(row.action) + ",\"actor\":" + jsonString(row.actor)
           + ",\"actor_staff_id\":" + orNull(row.actorStaffId) + ",\"after\":" + after + ",\"before\":" + before
           + ",\"canonical_version\":1,\"entity\":" + jsonString(row.entity) + ",\"entity_id\":" + orNull(row.entityId)
           + ",\"occurred_at\":\"" + utcTimestamp(row.occurredAtMicros) + "\",\"reason\":" + orNull(row.reason)
           + ",\"result\":" + jsonString(row.result) + ",\"seq\":" + QByteArray::number(row.seq) + '}');
}

Result<QByteArray> chainHash(const QByteArray &prevHash, const AuditRow &row)
{
    auto canonical = canonicalRow(row);
    if (!canonical)
        return canonical.error();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash);
    hash.addData(canonical.value());
    return hash.result();
}

} // namespace okla::models::AuditCanonical
