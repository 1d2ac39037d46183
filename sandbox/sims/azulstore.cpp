#include "sandbox/sims/azulstore.h"

namespace okla::sandbox {

using services::PgResult;

namespace {
const QString kColumns = QStringLiteral(
    "azul_order_id, custom_order_id, trx_type, status, amount, itbis, refunded_amount, original_order_id, "
    "iso_code, response_message, error_description, authorization_code, rrn, ticket, lot_number, "
    "order_number, store, card_masked, card_brand, coalesce(data_vault_token, ''), "
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");

QDateTime parseTs(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString ts(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

AzulTransaction rowAt(const PgResult &r, int i)
{
    AzulTransaction t;
    t.azulOrderId = r.toInt64(i, 0);
    t.customOrderId = r.text(i, 1);
    t.trxType = r.text(i, 2);
    t.status = r.text(i, 3);
    t.amount = r.toInt64(i, 4);
    t.itbis = r.toInt64(i, 5);
    t.refundedAmount = r.toInt64(i, 6);
    if (!r.isNull(i, 7))
        t.originalOrderId = r.toInt64(i, 7);
    t.isoCode = r.text(i, 8);
    t.responseMessage = r.text(i, 9);
    t.errorDescription = r.text(i, 10);
    t.authorizationCode = r.text(i, 11);
    t.rrn = r.text(i, 12);
    t.ticket = r.text(i, 13);
    t.lotNumber = r.text(i, 14);
    t.orderNumber = r.text(i, 15);
    t.store = r.text(i, 16);
    t.cardMasked = r.text(i, 17);
    t.cardBrand = r.text(i, 18);
    t.dataVaultToken = r.text(i, 19);
    t.createdAt = parseTs(r.text(i, 20));
    return t;
}

QVariant nullable(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }
} // namespace

models::Status AzulStore::insert(AzulTransaction &t)
{
    // The id is max+1 so that ids seeded by COPY never collide; the simulator is the one writer
    // at run time. A conflict (a seeder writing at the same moment) retries once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto r = m_db.exec(
            QStringLiteral("INSERT INTO azul.transactions (azul_order_id, custom_order_id, trx_type, status, amount, itbis, "
                           "refunded_amount, original_order_id, iso_code, response_message, error_description, "
                           "authorization_code, rrn, ticket, lot_number, order_number, store, card_masked, card_brand, "
                           "data_vault_token, created_at) "
                           "SELECT coalesce(max(azul_order_id), 100000) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                           "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20::timestamptz FROM azul.transactions "
                           "RETURNING azul_order_id"),
            {t.customOrderId, t.trxType, t.status, t.amount, t.itbis, t.refundedAmount,
             t.originalOrderId ? QVariant(*t.originalOrderId) : QVariant(), t.isoCode, t.responseMessage,
             t.errorDescription, t.authorizationCode, t.rrn, t.ticket, t.lotNumber, t.orderNumber, t.store,
             t.cardMasked, t.cardBrand, nullable(t.dataVaultToken), ts(t.createdAt)});
        if (r) {
            t.azulOrderId = r->toInt64(0, 0);
            return {};
        }
        if (attempt == 1 || !r.error().detail.contains(QStringLiteral("duplicate key")))
            return r.error();
    }
    return {};
}

std::optional<AzulTransaction> AzulStore::find(qint64 azulOrderId)
{
    const auto r = m_db.exec(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM azul.transactions WHERE azul_order_id = $1"),
                             {azulOrderId});
    m_failed = m_failed || !r;
    if (!r || r->rows() == 0)
        return std::nullopt;
    return rowAt(*r, 0);
}

std::optional<AzulTransaction> AzulStore::latestByCustomOrderId(const QString &customOrderId)
{
    const auto r = m_db.exec(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM azul.transactions WHERE custom_order_id = $1 "
                                                  "ORDER BY azul_order_id DESC LIMIT 1"),
                             {customOrderId});
    m_failed = m_failed || !r;
    if (!r || r->rows() == 0)
        return std::nullopt;
    return rowAt(*r, 0);
}

QList<AzulTransaction> AzulStore::between(const QDateTime &from, const QDateTime &to)
{
    QList<AzulTransaction> list;
    const auto r = m_db.exec(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM azul.transactions WHERE created_at >= $1::timestamptz "
                                                  "AND created_at < $2::timestamptz ORDER BY azul_order_id LIMIT 5000"),
                             {ts(from), ts(to)});
    if (r) {
        for (int i = 0; i < r->rows(); ++i)
            list.append(rowAt(*r, i));
    }
    return list;
}

models::Status AzulStore::setStatus(qint64 azulOrderId, const QString &status)
{
    const auto r = m_db.exec(QStringLiteral("UPDATE azul.transactions SET status = $2 WHERE azul_order_id = $1"),
                             {azulOrderId, status});
    return r ? models::Status() : models::Status(r.error());
}

models::Status AzulStore::addRefunded(qint64 azulOrderId, qint64 amount)
{
    const auto r = m_db.exec(QStringLiteral("UPDATE azul.transactions SET refunded_amount = refunded_amount + $2 "
                                            "WHERE azul_order_id = $1"),
                             {azulOrderId, amount});
    return r ? models::Status() : models::Status(r.error());
}

models::Status AzulStore::insertToken(const AzulToken &t)
{
    const auto r = m_db.exec(
        QStringLiteral("INSERT INTO azul.datavault_tokens (token, card_masked, card_brand, expiration, has_cvv, "
                       "card_rule, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz)"),
        {t.token, t.cardMasked, t.cardBrand, t.expiration, t.hasCvv, t.cardRule, ts(t.createdAt),
         t.expiresAt ? QVariant(ts(*t.expiresAt)) : QVariant()});
    return r ? models::Status() : models::Status(r.error());
}

std::optional<AzulToken> AzulStore::findToken(const QString &token)
{
    const auto r = m_db.exec(
        QStringLiteral("SELECT token, card_masked, card_brand, expiration, has_cvv, card_rule, "
                       "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                       "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                       "to_char(deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                       "FROM azul.datavault_tokens WHERE upper(token) = upper($1)"),
        {token});
    m_failed = m_failed || !r;
    if (!r || r->rows() == 0)
        return std::nullopt;
    AzulToken t;
    t.token = r->text(0, 0);
    t.cardMasked = r->text(0, 1);
    t.cardBrand = r->text(0, 2);
    t.expiration = r->text(0, 3);
    t.hasCvv = r->text(0, 4) == QLatin1String("t");
    t.cardRule = r->text(0, 5);
    t.createdAt = parseTs(r->text(0, 6));
    if (!r->isNull(0, 7))
        t.expiresAt = parseTs(r->text(0, 7));
    if (!r->isNull(0, 8))
        t.deletedAt = parseTs(r->text(0, 8));
    return t;
}

models::Status AzulStore::deleteToken(const QString &token, const QDateTime &when)
{
    const auto r = m_db.exec(QStringLiteral("UPDATE azul.datavault_tokens SET deleted_at = $2::timestamptz "
                                            "WHERE upper(token) = upper($1)"),
                             {token, ts(when)});
    return r ? models::Status() : models::Status(r.error());
}

models::Status AzulStore::truncateAll()
{
    return m_db.execScript(QStringLiteral("TRUNCATE azul.transactions, azul.datavault_tokens, azul.settings"));
}

} // namespace okla::sandbox
