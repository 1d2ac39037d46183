#pragma once

#include <QString>

namespace okla::models {

/// Masks every card-number-like run of digits in @p text (12 to 19 digits, optionally split by
/// single spaces or dashes) to AZUL's own form, first six and last four: 411111******1111.
/// For text that came from outside (a provider's message, an echoed field) before it can reach a
/// log, an error or the screen: PCI DSS forbids a full PAN anywhere (docs/security.md §7).
QString maskCardNumbers(const QString &text);

} // namespace okla::models
