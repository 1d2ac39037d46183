#pragma once

// A real okla-worker started by a test (docs/worker.md §4): its port from the start-up line,
// plain HTTP GETs to it, and a SIGTERM with the exit code. Header-only, for tst_worker*.cpp.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include "harness/testenv.h"

namespace okla::tests {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

/// One request on 127.0.0.1:port with Connection: close; `headers` are whole lines without CRLF.
inline HttpAnswer httpRequest(quint16 port, const QByteArray &method, const QByteArray &path,
                              const QList<QByteArray> &headers = {}, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const QByteArray &header : headers)
        head += header + "\r\n";
    if (!body.isEmpty() || method == "POST")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(head + "\r\n" + body);
    QByteArray raw;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 10000) {
        socket.waitForReadyRead(200);
        raw += socket.readAll();
    }
    raw += socket.readAll();
    HttpAnswer answer;
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    answer.status = raw.mid(9, 3).toInt();
    answer.body = headerEnd < 0 ? QByteArray() : raw.mid(headerEnd + 4);
    return answer;
}

inline HttpAnswer httpGet(quint16 port, const QByteArray &path) { return httpRequest(port, "GET", path); }

/// okla-worker run as a child process with its own profile folder.
class WorkerProcess
{
public:
    WorkerProcess(const QString &profileDir, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OKLA_PROFILE_DIR"), profileDir);
        env.insert(QStringLiteral("OKLA_PROFILE"), QStringLiteral("worker"));
        m_process.setProcessEnvironment(env);
        m_process.start(programPath(QStringLiteral("okla-worker")), args);
    }
    ~WorkerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Waits for "listening on 127.0.0.1:<port>" on stderr; 0 when it never came.
    quint16 waitForPort(int timeoutMs = 30000)
    {
        static const QRegularExpression line(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_err += m_process.readAllStandardError();
            const auto match = line.match(QString::fromUtf8(m_err));
            if (match.hasMatch())
                return quint16(match.captured(1).toUInt());
            if (m_process.state() == QProcess::NotRunning)
                return 0;
            m_process.waitForReadyRead(200);
        }
        return 0;
    }

    /// SIGTERM, then the exit code (-1: killed or did not exit within `timeoutMs`).
    int terminate(int timeoutMs = 60000)
    {
        m_process.terminate();
        return waitForExit(timeoutMs);
    }
    int waitForExit(int timeoutMs)
    {
        const bool exited = m_process.waitForFinished(timeoutMs);
        m_err += m_process.readAllStandardError();
        if (!exited || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }
    qint64 pid() const { return m_process.processId(); }
    QByteArray log()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }

private:
    QProcess m_process;
    QByteArray m_err;
};

} // namespace okla::tests
