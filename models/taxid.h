#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include "models/result.h"

namespace okla::models {

/// A Dominican tax identity: an RNC (company, 9 digits) or a cédula (person, 11 digits),
/// validated with the check digit rules of docs/domain.md §8.
class TaxId
{
public:
    enum class Kind {
        Rnc,    ///< 9 digits, shown 1-01-12345-1
        Cedula, ///< 11 digits, shown 001-1234567-3
    };

    TaxId() = default; // invalid; for containers and QVariant only
    /// Accepts the digits with or without dashes and spaces; the kind follows from the length.
    static Result<TaxId> parse(QStringView text);
    /// Appends the right check digit to an 8-digit RNC body or a 10-digit cédula body.
    static Result<TaxId> makeValid(Kind kind, QStringView body);

    /// Check digit for the first 8 RNC digits / first 10 cédula digits (must be ASCII digits).
    static int rncCheckDigit(QStringView first8);
    static int cedulaCheckDigit(QStringView first10);

    bool isValid() const { return !m_digits.isEmpty(); }
    Kind kind() const { return m_kind; }
    QString digits() const { return m_digits; }
    /// "1-33-32590-1" or "001-1234567-3".
    QString display() const;
    /// "RNC" or "cédula" (translated), for messages and column headers.
    static QString kindName(Kind kind);

    friend bool operator==(const TaxId &a, const TaxId &b) = default;

private:
    TaxId(Kind kind, QString digits) : m_kind(kind), m_digits(std::move(digits)) {}

    Kind m_kind = Kind::Rnc;
    QString m_digits;
};

} // namespace okla::models

Q_DECLARE_METATYPE(okla::models::TaxId)
