#include "services/database/pgconnection.h"

#include <cerrno>
#include <vector>

#include <poll.h>

#include <libpq-fe.h>

#include "models/secretmask.h"
#include "services/concurrency/servicethread.h"

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;
using models::Status;

PgResult::PgResult(pg_result *result) : m_result(result, PQclear) {}

int PgResult::rows() const { return m_result ? PQntuples(m_result.get()) : 0; }
int PgResult::columns() const { return m_result ? PQnfields(m_result.get()) : 0; }
bool PgResult::isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QByteArray PgResult::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

qint64 PgResult::toInt64(int row, int column) const
{
    return QByteArray::fromRawData(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column))
        .toLongLong();
}

int PgResult::columnIndex(const char *name) const { return PQfnumber(m_result.get(), name); }

qint64 PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toLongLong() : 0;
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

PgConnection::PgConnection(PgConnection &&other) noexcept : m_conn(std::exchange(other.m_conn, nullptr)) {}

PgConnection &PgConnection::operator=(PgConnection &&other) noexcept
{
    if (this != &other) {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = std::exchange(other.m_conn, nullptr);
    }
    return *this;
}

Result<PgConnection> PgConnection::open(const QString &conninfo)
{
    pg_conn *conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString detail = models::maskSecrets(QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        PQfinish(conn);
        return makeError(QStringLiteral("db.connect"),
                         QCoreApplication::translate("okla", "Could not connect to the database."), detail);
    }
    PQsetClientEncoding(conn, "UTF8");
    // Terse: severity and primary message only. The DETAIL of a unique violation quotes the
    // duplicate value (a card token), and errors reach logs and screens (docs/security.md §7).
    PQsetErrorVerbosity(conn, PQERRORS_TERSE);
    return PgConnection(conn);
}

Result<PgConnection> PgConnection::openQuiet(const QString &conninfo)
{
    auto connection = open(conninfo);
    if (!connection)
        return connection;
    if (Status quiet = connection->execScript(QStringLiteral("SET client_min_messages = warning")); !quiet)
        return quiet.error();
    return connection;
}

Error PgConnection::errorFromResult(pg_result *result, const QString &code)
{
    if (std::exchange(m_lastCanceled, false))
        return canceledError();
    const char *sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString message = models::maskSecrets(
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)).trimmed());
    return makeError(sqlstate ? code + u'.' + QString::fromLatin1(sqlstate) : code,
                     QCoreApplication::translate("okla", "The database refused the request."), message);
}

Result<PgResult> PgConnection::exec(const QString &sql, const QVariantList &params)
{
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    storage.reserve(params.size());
    values.reserve(params.size());
    for (const QVariant &param : params) {
        if (param.isNull()) {
            values.push_back(nullptr);
            continue;
        }
        storage.push_back(param.typeId() == QMetaType::Bool ? QByteArray(param.toBool() ? "t" : "f")
                                                            : param.toString().toUtf8());
        values.push_back(storage.back().constData());
    }
    pg_result *raw = nullptr;
    if (JobControl::current()) {
        if (PQsendQueryParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(), nullptr,
                              nullptr, 0))
            raw = awaitResult();
    } else {
        raw = PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0);
    }
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error error = errorFromResult(raw, QStringLiteral("db.query"));
        PQclear(raw);
        return error;
    }
    return PgResult(raw);
}

Status PgConnection::execScript(const QString &sql)
{
    pg_result *raw = nullptr;
    if (JobControl::current()) {
        if (PQsendQuery(m_conn, sql.toUtf8().constData()))
            raw = awaitResult();
    } else {
        raw = PQexec(m_conn, sql.toUtf8().constData());
    }
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        Error error = errorFromResult(raw, QStringLiteral("db.script"));
        PQclear(raw);
        return error;
    }
    PQclear(raw);
    return {};
}

bool PgConnection::waitUntilReadable(const JobControl &control, bool &cancelSent)
{
    while (PQisBusy(m_conn)) {
        if (!cancelSent && control.isCanceled()) {
            // The caller gave up or the service is stopping: ask the server to stop the query;
            // its answer (SQLSTATE 57014) then arrives like any other.
            if (PGcancel *cancel = PQgetCancel(m_conn)) {
                char reason[256];
                PQcancel(cancel, reason, sizeof reason);
                PQfreeCancel(cancel);
            }
            cancelSent = true;
        }
        pollfd socket{PQsocket(m_conn), POLLIN, 0};
        // 50 ms: how late a cancellation may be noticed; data wakes the poll at once.
        const int ready = ::poll(&socket, 1, 50);
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready > 0 && !PQconsumeInput(m_conn))
            return false;
    }
    return true;
}

pg_result *PgConnection::awaitResult()
{
    // Like PQexec: the last result wins, unless one failed (then that one).
    const JobControl &control = *JobControl::current();
    bool cancelSent = false;
    pg_result *kept = nullptr;
    while (waitUntilReadable(control, cancelSent)) {
        pg_result *next = PQgetResult(m_conn);
        if (!next)
            break;
        const auto keptStatus = kept ? PQresultStatus(kept) : PGRES_EMPTY_QUERY;
        if (kept && (keptStatus == PGRES_FATAL_ERROR || keptStatus == PGRES_BAD_RESPONSE)) {
            PQclear(next);
            continue;
        }
        PQclear(kept);
        kept = next;
    }
    if (cancelSent && kept && PQresultStatus(kept) == PGRES_FATAL_ERROR) {
        const char *sqlstate = PQresultErrorField(kept, PG_DIAG_SQLSTATE);
        if (sqlstate && qstrcmp(sqlstate, "57014") == 0)
            m_lastCanceled = true;
    }
    return kept;
}

void PgConnection::rollbackAfterError()
{
    if (m_conn)
        PQclear(PQexec(m_conn, "ROLLBACK"));
}

Status PgConnection::copyIn(const QString &copySql, const QByteArray &data)
{
    pg_result *raw = PQexec(m_conn, copySql.toUtf8().constData());
    if (PQresultStatus(raw) != PGRES_COPY_IN) {
        Error error = errorFromResult(raw, QStringLiteral("db.copy"));
        PQclear(raw);
        return error;
    }
    PQclear(raw);
    if (PQputCopyData(m_conn, data.constData(), int(data.size())) != 1 || PQputCopyEnd(m_conn, nullptr) != 1)
        return errorFromResult(nullptr, QStringLiteral("db.copy"));
    raw = PQgetResult(m_conn);
    Status result;
    if (PQresultStatus(raw) != PGRES_COMMAND_OK)
        result = errorFromResult(raw, QStringLiteral("db.copy"));
    PQclear(raw);
    while ((raw = PQgetResult(m_conn)) != nullptr)
        PQclear(raw);
    return result;
}

QByteArray PgConnection::copyEscape(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

Result<QString> PgConnection::scramVerifier(const QString &login, QByteArray &password)
{
    const QByteArray user = login.toUtf8();
    char *encrypted
        = PQencryptPasswordConn(m_conn, password.constData(), user.constData(), "scram-sha-256");
    password.fill('\0');
    if (!encrypted)
        return makeError(QStringLiteral("db.password"),
            QCoreApplication::translate("okla", "Could not prepare the password."),
            models::maskSecrets(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    const QString verifier = QString::fromLatin1(encrypted);
    PQfreemem(encrypted);
    return verifier;
}

QString serverSentence(const QString &detail)
{
    const QString line = detail.section(u'\n', 0, 0);
    const qsizetype colon = line.indexOf(QLatin1String(":  "));
    return colon >= 0 ? line.mid(colon + 3) : line;
}

} // namespace okla::services
