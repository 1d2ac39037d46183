#pragma once

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "models/money.h"
#include "models/result.h"

namespace okla::services::stripe {

/// Builds Stripe's application/x-www-form-urlencoded bodies and query strings (docs/providers.md §10):
/// nested keys in brackets (`metadata[okla_id]`), arrays indexed (`expand[0]`), arrays of
/// objects (`items[0][price]`), booleans `true`/`false`, amounts as integers. Order is kept.
/// Values are percent-encoded UTF-8 (space = %20); brackets in keys stay literal, as the
/// official libraries send them. Pure QtCore.
class StripeFormEncoder
{
public:
    using Entries = QList<QPair<QString, QString>>;

    StripeFormEncoder &add(const QString &key, const QString &value);
    StripeFormEncoder &add(const QString &key, const char *value) { return add(key, QString::fromUtf8(value)); }
    StripeFormEncoder &add(const QString &key, qint64 value);
    StripeFormEncoder &add(const QString &key, int value) { return add(key, qint64(value)); }
    StripeFormEncoder &add(const QString &key, bool value);
    /// An amount in Stripe's wire form: an integer in the currency's smallest unit, which for
    /// every currency OKLA bills in (DOP, USD: two decimals in ISO 4217 and at Stripe) is its
    /// minor unit. Stripe's request amounts are positive: zero or less is a validity() problem.
    StripeFormEncoder &addAmount(const QString &key, const models::Money &amount);
    /// `key[sub]=value` for each entry.
    StripeFormEncoder &addMap(const QString &key, const Entries &entries);
    /// `key[0]=a&key[1]=b`.
    StripeFormEncoder &addList(const QString &key, const QStringList &values);
    /// `key[0][field]=value…` for arrays of objects.
    StripeFormEncoder &addObjectList(const QString &key, const QList<Entries> &objects);
    /// Metadata, validated against Stripe's limits: at most 50 keys, key ≤ 40 characters without
    /// brackets, value ≤ 500. An empty value is sent and unsets the key.
    StripeFormEncoder &addMetadata(const Entries &metadata);

    bool isEmpty() const { return m_pairs.isEmpty(); }
    const Entries &pairs() const { return m_pairs; }
    /// The first validation problem, if any (checked before sending).
    models::Status validity() const;
    QByteArray encode() const;

    static QByteArray encodeKey(const QString &key);
    static QByteArray encodeValue(const QString &value);

private:
    Entries m_pairs;
    std::optional<models::Error> m_problem;
    Q_DECLARE_TR_FUNCTIONS(okla::services::stripe::StripeFormEncoder)
};

} // namespace okla::services::stripe
