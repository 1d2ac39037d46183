#pragma once

// Shared cases for the card-number rule (docs/security.md §11): the unit test checks
// models::containsCardNumber against them and the integration test checks the SQL
// okla_contains_card_number against the same list, so C++ and SQL agree. Header-only.

namespace okla::tests {

struct CardNumberCase
{
    const char *text; ///< UTF-8
    bool cardNumber;  ///< expected: holds 13 to 19 digits (spaces/dashes allowed) passing Luhn
};

inline constexpr CardNumberCase kCardNumberCases[] = {
    {"4111111111111111", true},                        // Visa test number
    {"4111 1111 1111 1111", true},                     // grouped with spaces
    {"4111-1111-1111-1111", true},                     // grouped with dashes
    {"4111 - 1111 - 1111 - 1111", true},               // separators of up to three characters
    {"Tarjeta 5500 0000 0000 0004 del cliente", true}, // inside a sentence
    {"Amex 3782 822463 10005", true},                  // 15 digits, Amex grouping
    {"6011111111111117", true},                        // Discover
    {"4222222222222", true},                           // 13 digits, the shortest
    {"62123456789000003", true},                       // 17 digits
    {"4111111111111111110", true},                     // 19 digits, the longest
    {"abc4111111111111111xyz", true},                  // glued to letters
    {"Ref 12345 4111 1111 1111 1111", true},           // a card number after another number
    {"nota: 4111111111111111, llamar", true},
    {"4111111111111112", false},                       // fails Luhn
    {"1234567890123", false},                          // 13 digits, fails Luhn
    {"41111111111111111110", false},                   // 20 digits in one piece: not a card number
    {"4111    1111 1111 1111", false},                 // four spaces break the run: 4 + 12 digits
    {"411111******1111", false},                       // already masked
    {"Llamar al 809-555-1234", false},                 // a phone number
    {"8095551234 8295559876", false},                  // two phone numbers: 10 or 20 digits
    {"RNC 1-01-12345-1, cédula 001-1234567-3", false}, // tax ids
    {"Total RD$67,484.20 el 2026-02-06", false},       // amounts and dates
    {"4111.1111.1111.1111", false},                    // dots are not separators
    {"", false},
    {"Reembolso por cobro duplicado", false},
};

} // namespace okla::tests
