#pragma once

#include <cstdint>
#include <string>

#include "sandbox/seed/seedrandom.h"

namespace okla::sandbox {

/// Realistic Dominican dealer identities for the seed: business and person names (with their
/// accents), RNCs and cédulas with valid check digits, cities with their provinces weighted by
/// where the car trade is, e-mail addresses and 809/829/849 phone numbers.
struct DealerIdentity
{
    std::string legalName;
    std::string tradeName;
    std::string taxId;      ///< digits only: 9 (RNC) or 11 (cédula)
    bool isCedula = false;
    const char *dealerType = "independent";
    const char *verification = "verified";
    const char *city = "";
    const char *province = "";
    std::string email;
    std::string phone;
    bool hasApp = false;
};

class DominicanData
{
public:
    /// `uniqueIndex` (0-based, distinct per dealer) makes the tax id unique by construction:
    /// the body is a bijective permutation of it, so no two dealers ever share an RNC/cédula.
    static DealerIdentity makeDealer(SeedRandom &rng, std::uint64_t uniqueIndex, std::uint64_t seed);

    /// Check digits per docs/domain.md §8 (the same rules as models::TaxId, which validates them).
    static int rncCheckDigit(const char *first8);
    static int cedulaCheckDigit(const char *first10);
    /// 8-digit RNC body / 10-digit cédula body + check digit.
    static std::string makeRnc(std::uint64_t uniqueIndex, std::uint64_t seed);
    static std::string makeCedula(std::uint64_t uniqueIndex, std::uint64_t seed, SeedRandom &rng);
    static std::string phone(SeedRandom &rng);
    /// Lower-case ASCII slug ("Autos Peña" -> "autospena") for e-mail local parts and domains.
    static std::string slug(const std::string &utf8);
};

} // namespace okla::sandbox
