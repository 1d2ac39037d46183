#pragma once

#include <QString>

namespace okla::sandbox {

/// What a test card does in the AZUL simulator (docs/providers.md §17). Only this rule, the mask
/// and the brand are kept: never the PAN.
struct AzulCardRule
{
    enum class Kind { Approve, Iso, MaxAmount };
    Kind kind = Kind::Approve;
    QString isoCode;          ///< Kind::Iso: the IsoCode to answer
    qint64 maxAmount = 0;     ///< Kind::MaxAmount: above it the card answers 51

    QString toString() const;  ///< approve | iso:XX | max:N (stored in azul.datavault_tokens.card_rule)
    static AzulCardRule fromString(const QString &text);
    /// The IsoCode this card gives for `amount` ("00" = approved).
    QString isoFor(qint64 amount) const;
};

namespace azulcards {
bool luhnValid(const QString &digits);
QString mask(const QString &pan);       ///< 542418******1732
QString brand(const QString &pan);      ///< VISA, MASTERCARD, DISCOVER, AMEX...
AzulCardRule ruleFor(const QString &pan); ///< assumes a Luhn-valid PAN
QString isoMessage(const QString &isoCode); ///< ResponseMessage for an IsoCode
}

} // namespace okla::sandbox
