#include "models/http/httprequestparser.h"

#include <algorithm>

namespace okla::models {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool hasControlChars(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (minorVersion == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

HttpRequestParser::State HttpRequestParser::refuse(int status, const char *reason)
{
    m_refusalStatus = status;
    m_refusalReason = reason;
    m_buffer.clear();
    return State::Refused;
}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &bytes)
{
    if (m_refusalStatus != 0)
        return State::Refused;
    if (m_complete)
        return State::Complete; // take() the finished request first
    m_buffer.append(bytes);
    if (!m_haveHead) {
        // A client may send empty lines before a request line (RFC 9112 §2.2): skip them.
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return m_buffer.size() > kMaxHeaderBytes ? refuse(431, "header section too large") : State::NeedMore;
        if (headEnd + 4 > kMaxHeaderBytes)
            return refuse(431, "header section too large");
        const State head = parseHead(headEnd);
        if (head == State::Refused)
            return head;
    }
    if (m_buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_current.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_complete = true;
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseHead(qsizetype headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    HttpRequest request;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // Each line but the last still ends in CR (split() cut the LF); the last line's CRLF was
        // part of the CRLFCRLF that ended the head.
        QByteArray line = lines[i];
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return refuse(400, "bare LF");
            line.chop(1);
        }
        if (line.contains('\r'))
            return refuse(400, "bare CR");
        if (i == 0) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() != 3 || !isToken(parts[0]))
                return refuse(400, "malformed request line");
            const QByteArray &target = parts[1];
            if (!target.startsWith('/') || !std::all_of(target.begin(), target.end(), isTargetChar))
                return refuse(400, "unsupported request target");
            if (parts[2] == "HTTP/1.1")
                request.minorVersion = 1;
            else if (parts[2] == "HTTP/1.0")
                request.minorVersion = 0;
            else
                return refuse(parts[2].startsWith("HTTP/") ? 505 : 400, "unsupported HTTP version");
            request.method = parts[0];
            const qsizetype q = target.indexOf('?');
            request.path = q < 0 ? target : target.left(q);
            request.query = q < 0 ? QByteArray() : target.mid(q + 1);
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refuse(400, "obsolete line folding");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return refuse(400, "malformed header");
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControlChars(value))
            return refuse(400, "control character in a header");
        if (request.headers.size() >= kMaxHeaders)
            return refuse(431, "too many headers");
        request.headers.append({line.left(colon).toLower(), value});
    }
    if (!request.header("transfer-encoding").isEmpty())
        return refuse(501, "transfer-encoding is not supported");
    qsizetype length = 0;
    bool seenLength = false;
    for (const auto &[name, value] : request.headers) {
        if (name != "content-length")
            continue;
        if (value.isEmpty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })
            || value.size() > 12)
            return refuse(400, "malformed content-length");
        const qsizetype parsed = value.toLongLong();
        if (seenLength && parsed != length)
            return refuse(400, "conflicting content-length");
        length = parsed;
        seenLength = true;
    }
    if (length > m_maxBody)
        return refuse(413, "body too large");
    m_current = std::move(request);
    m_bodyLength = length;
    m_haveHead = true;
    return State::NeedMore;
}

HttpRequest HttpRequestParser::take()
{
    HttpRequest done = std::move(m_current);
    m_current = {};
    m_haveHead = false;
    m_bodyLength = 0;
    m_complete = false;
    return done;
}

} // namespace okla::models
