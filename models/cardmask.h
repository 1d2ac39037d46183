#pragma once

#include <QString>
#include <QStringView>

#include "models/result.h"

namespace okla::models {

/// Masks every card-number-like run of digits in @p text (12 to 19 digits, optionally split by
/// single spaces or dashes) to AZUL's own form, first six and last four: 411111******1111.
/// For text that came from outside (a provider's message, an echoed field) before it can reach a
/// log, an error or the screen: PCI DSS forbids a full PAN anywhere (docs/security.md §7).
QString maskCardNumbers(const QString &text);

/// True when @p text holds a card number: a run of ASCII digit groups joined by one to three
/// spaces or dashes in which consecutive groups hold 13 to 19 digits in all and pass Luhn.
/// The database's okla_contains_card_number() applies the same rule to every free-text column
/// (docs/security.md §11); check text people type with it before committing.
bool containsCardNumber(QStringView text);

/// The same check as a Status ("text.card_number") whose translated message says why the text
/// cannot be saved; `what` names the field for people, e.g. tr("Note").
Status checkNoCardNumber(QStringView text, const QString &what);

} // namespace okla::models
