#include "services/requests/workrequestclient.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include "services/database/pgconnection.h"

namespace okla::services {

using models::Error;
using models::makeError;
using models::Result;

namespace {

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The server's refusals of okla_request_work, in words (docs/security.md §16).
Error refusal(const Error &error)
{
    const QString state = error.code.section(u'.', -1);
    const QString sentence = serverSentence(error.detail);
    if (state == QLatin1String("42501"))
        return makeError(QStringLiteral("request.forbidden"),
                         QCoreApplication::translate("okla", "Refused: %1.").arg(sentence));
    if (state == QLatin1String("23505"))
        return makeError(QStringLiteral("request.key_reused"),
                         QCoreApplication::translate("okla", "This idempotency key was already used for another "
                                                             "request: %1.").arg(sentence));
    if (state == QLatin1String("22023") || state == QLatin1String("22P02"))
        return makeError(QStringLiteral("request.invalid"),
                         QCoreApplication::translate("okla", "The database refused the request: %1.").arg(sentence));
    return makeError(error.code, error.message, sentence);
}

} // namespace

Result<qint64> WorkRequestClient::submit(const QString &kind, const QJsonObject &params, const QUuid &key)
{
    auto id = m_connection.exec(QStringLiteral("SELECT okla_request_work($1, $2::jsonb, $3::uuid)"),
                                {kind, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)),
                                 key.toString(QUuid::WithoutBraces)});
    if (!id)
        return refusal(id.error());
    return id->toInt64(0, 0);
}

Result<WorkRequest> WorkRequestClient::fetch(qint64 id)
{
    auto rows = m_connection.exec(
        QStringLiteral("SELECT id, kind, state, params::text, coalesce(progress, '{}')::text, "
                       "coalesce(result, '{}')::text, coalesce(error, ''), coalesce(claimed_by, ''), "
                       "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                       "FROM worker_requests WHERE id = $1"),
        {id});
    if (!rows)
        return refusal(rows.error());
    if (rows->rows() == 0)
        return makeError(QStringLiteral("request.not_found"),
                         QCoreApplication::translate("okla", "There is no worker request #%1.").arg(id));
    WorkRequest request;
    request.id = rows->toInt64(0, 0);
    request.kind = rows->text(0, 1);
    request.state = rows->text(0, 2);
    request.params = jsonObject(rows->text(0, 3));
    request.progress = jsonObject(rows->text(0, 4));
    request.result = jsonObject(rows->text(0, 5));
    request.error = rows->text(0, 6);
    request.claimedBy = rows->text(0, 7);
    request.createdAt = QDateTime::fromString(rows->text(0, 8), Qt::ISODate);
    return request;
}

} // namespace okla::services
