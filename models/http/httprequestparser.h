#pragma once

#include "models/http/httprequest.h"

#include <QByteArray>

namespace okla::models {

/// Reads HTTP/1.1 requests from bytes as they arrive on a socket (docs/worker.md §2). Outside
/// bytes reach it first, so it is strict, bounded and fuzzed: a request line and headers of at
/// most 8 KiB, at most 64 headers, a body only by Content-Length (no chunked uploads) of at most
/// the limit given, no obsolete line folding. Anything else is refused with the status to send.
class HttpRequestParser
{
public:
    enum class State { NeedMore, Complete, Refused };

    explicit HttpRequestParser(qsizetype maxBodyBytes = 1024 * 1024) : m_maxBody(maxBodyBytes) {}

    /// Appends bytes and tries to complete the next request. After Complete, take() returns it and
    /// the parser is ready for the next request on the same connection (pipelined bytes are kept).
    State feed(const QByteArray &bytes);
    /// The request completed by the last feed() (or the next pipelined one via feed({})).
    HttpRequest take();
    /// After Refused: 400, 413, 431, 501 or 505, and a short reason for the log.
    int refusalStatus() const { return m_refusalStatus; }
    QByteArray refusalReason() const { return m_refusalReason; }

    static constexpr qsizetype kMaxHeaderBytes = 8 * 1024;
    static constexpr int kMaxHeaders = 64;

private:
    State refuse(int status, const char *reason);
    State parseHead(qsizetype headEnd);

    qsizetype m_maxBody;
    QByteArray m_buffer;
    HttpRequest m_current;
    bool m_haveHead = false;
    qsizetype m_bodyLength = 0;
    bool m_complete = false;
    int m_refusalStatus = 0;
    QByteArray m_refusalReason;
};

} // namespace okla::models
