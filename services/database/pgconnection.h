#pragma once

#include <memory>

#include <QByteArray>
#include <QString>
#include <QVariant>

#include "models/result.h"

struct pg_conn;
struct pg_result;

namespace okla::services {

class JobControl;

/// A query's rows, text format. Owns the libpq result.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    qint64 toInt64(int row, int column) const;
    int columnIndex(const char *name) const;
    qint64 affectedRows() const;

private:
    std::shared_ptr<pg_result> m_result;
};

/// One PostgreSQL connection with plain blocking libpq calls. Use it on one service thread only
/// (docs/architecture.md §3); never on the GUI thread. Parameterised queries only.
class PgConnection
{
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(PgConnection &&other) noexcept;
    PgConnection &operator=(PgConnection &&other) noexcept;
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    /// Connects with a libpq conninfo string ("host=/path port=5432 dbname=okla user=ana").
    static models::Result<PgConnection> open(const QString &conninfo);
    /// open(), then notices below WARNING are not sent ("already exists, skipping" from a repeated
    /// DDL is noise for a command-line tool or a test, not news).
    static models::Result<PgConnection> openQuiet(const QString &conninfo);

    bool isOpen() const { return m_conn != nullptr; }
    pg_conn *handle() const { return m_conn; }

    /// PQexecParams with text parameters; a null QVariant is SQL NULL.
    models::Result<PgResult> exec(const QString &sql, const QVariantList &params = {});
    /// PQexec for several statements without parameters (migrations, SET, BEGIN/COMMIT).
    models::Status execScript(const QString &sql);
    /// ROLLBACK on an error path. Its own failure is not reported: the error being returned is
    /// the one that matters, and a transaction whose ROLLBACK fails (a lost connection) is rolled
    /// back by the server anyway.
    void rollbackAfterError();
    /// COPY ... FROM STDIN: sends the rows (text format, already escaped) in one go.
    models::Status copyIn(const QString &copySql, const QByteArray &data);

    /// The SCRAM-SHA-256 verifier of `password` for `login`, computed here (PQencryptPasswordConn)
    /// so that a clear password never reaches the server or its logs (docs/security.md §13).
    /// The password's bytes are overwritten before this returns.
    models::Result<QString> scramVerifier(const QString &login, QByteArray &password);

    /// Escapes one value for COPY text format (backslash, tab, newline, carriage return).
    static QByteArray copyEscape(const QString &value);

private:
    explicit PgConnection(pg_conn *conn) : m_conn(conn) {}
    models::Error errorFromResult(pg_result *result, const QString &code);
    /// Inside a ServiceThread job: waits for the answer without blocking in libpq, so that a
    /// cancelled job or a stopping service cancels the query (PQcancel). docs/architecture.md §3.
    pg_result *awaitResult();
    bool waitUntilReadable(const JobControl &control, bool &cancelSent);

    pg_conn *m_conn = nullptr;
    bool m_lastCanceled = false; ///< the last query ended because we cancelled it
};

/// The server's own sentence from an error's detail: its first line without "ERROR:  " (never
/// context lines). What a repository may show of a refusal it does not check itself.
QString serverSentence(const QString &detail);

} // namespace okla::services
