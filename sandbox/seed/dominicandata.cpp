#include "sandbox/seed/dominicandata.h"

#include <array>
#include <string_view>

namespace okla::sandbox {

namespace {

using sv = std::string_view;

struct Place
{
    const char *city;
    const char *province;
    int weight;              // share of the country's car dealers, roughly (per mille)
    const char *cedulaPrefix; // municipality code printed on local cédulas
};

// Weighted towards Greater Santo Domingo and Santiago, where most dealers are.
constexpr std::array kPlaces{
    Place{"Santo Domingo", "Distrito Nacional", 270, "001"},
    Place{"Santo Domingo Este", "Santo Domingo", 100, "223"},
    Place{"Santo Domingo Oeste", "Santo Domingo", 45, "224"},
    Place{"Santo Domingo Norte", "Santo Domingo", 30, "225"},
    Place{"Santiago de los Caballeros", "Santiago", 160, "031"},
    Place{"La Romana", "La Romana", 40, "026"},
    Place{"Higüey", "La Altagracia", 30, "028"},
    Place{"Punta Cana", "La Altagracia", 30, "028"},
    Place{"San Pedro de Macorís", "San Pedro de Macorís", 40, "023"},
    Place{"Puerto Plata", "Puerto Plata", 30, "037"},
    Place{"La Vega", "La Vega", 40, "047"},
    Place{"San Francisco de Macorís", "Duarte", 40, "056"},
    Place{"Moca", "Espaillat", 20, "054"},
    Place{"Bonao", "Monseñor Nouel", 20, "048"},
    Place{"San Cristóbal", "San Cristóbal", 30, "002"},
    Place{"Baní", "Peravia", 18, "003"},
    Place{"Azua", "Azua", 10, "010"},
    Place{"Mao", "Valverde", 10, "034"},
    Place{"Barahona", "Barahona", 10, "018"},
    Place{"Nagua", "María Trinidad Sánchez", 8, "071"},
    Place{"Cotuí", "Sánchez Ramírez", 8, "049"},
    Place{"Samaná", "Samaná", 5, "065"},
    Place{"Jarabacoa", "La Vega", 6, "050"},
};

constexpr std::array<sv, 22> kBusinessPrefixes{
    "Autos", "Auto Import", "Motors", "Importadora", "Autocentro", "Vehículos", "Carros", "AutoMundo",
    "Auto Plaza", "Autoventas", "Importaciones", "Motores", "Autofácil", "Dealer", "Autoexpress",
    "Centro Automotriz", "Auto Galería", "Grupo Automotriz", "Super Autos", "Auto Selecto", "Jeepetas",
    "Autoimport"};

constexpr std::array<sv, 44> kBusinessCores{
    "Caribe", "Quisqueya", "del Cibao", "del Este", "Oriental", "Nacional", "Dominicana", "Atlántico",
    "La Fe", "Los Ríos", "El Millón", "Naco", "Piantini", "Gazcue", "Bávaro", "Yaque", "Jaragua",
    "Enriquillo", "Colonial", "Marién", "Taína", "Constanza", "Duarte", "Las Américas", "Herrera",
    "Los Prados", "Arroyo Hondo", "Villa Mella", "Los Jardines", "Bella Vista", "Cacique", "Anacaona",
    "Hatuey", "Higüamo", "Ozama", "Camú", "Macorís", "del Sur", "Banilejo", "Romana", "Altagracia",
    "Hermanos Peña", "Hermanos Rodríguez", "Hermanos Báez"};

constexpr std::array<sv, 5> kLegalSuffixes{"SRL", "SRL", "SRL", "S.A.", "EIRL"};
constexpr std::array<int, 5> kLegalSuffixWeights{1, 1, 1, 1, 1};

constexpr std::array<sv, 40> kFirstNames{
    "José", "Juan", "Luis", "Carlos", "Ramón", "Miguel", "Francisco", "Rafael", "Pedro", "Manuel",
    "María", "Ana", "Carmen", "Rosa", "Yolanda", "Altagracia", "Juana", "Francisca", "Ángel", "Héctor",
    "Andrés", "Martín", "Julio", "Wilson", "Fausto", "Yokasta", "Nelson", "Freddy", "Ysidro", "Darío",
    "Leonel", "Yaneris", "Wendy", "Joel", "Víctor", "Fernando", "Ruth", "Mercedes", "Eddy", "Anyelo"};

constexpr std::array<sv, 40> kLastNames{
    "Rodríguez", "Pérez", "García", "Martínez", "Fernández", "Peña", "Santana", "Reyes", "De la Cruz",
    "Jiménez", "Díaz", "Núñez", "Castillo", "Almonte", "Tavárez", "Batista", "Mejía", "Polanco",
    "Rosario", "Guzmán", "Vásquez", "Féliz", "Báez", "Sánchez", "Méndez", "Ureña", "Marte", "Encarnación",
    "Cabrera", "Hernández", "Gómez", "Abreu", "Paulino", "Medina", "Liranzo", "Acosta", "Brito", "Valdez",
    "Espinal", "Ovalle"};

// dealer_type values with their shares (per mille).
constexpr std::array<const char *, 5> kDealerTypes{"independent", "franchise", "multi_location", "online_only", "wholesale"};
constexpr std::array<int, 5> kDealerTypeWeights{450, 80, 120, 200, 150};

constexpr std::array<const char *, 5> kVerification{"verified", "pending", "under_review", "rejected", "suspended"};
constexpr std::array<int, 5> kVerificationWeights{820, 50, 70, 25, 35};

constexpr std::array<sv, 5> kFreeMail{"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "claro.net.do"};
constexpr std::array<sv, 5> kMailboxes{"ventas", "info", "contacto", "administracion", "gerencia"};
constexpr std::array<sv, 3> kAreaCodes{"809", "829", "849"};
constexpr std::array<int, 3> kAreaWeights{60, 30, 10};

template<typename Array>
const auto &pickFrom(SeedRandom &rng, const Array &values)
{
    return values[rng.below(values.size())];
}

// A permutation of 0..10^7-1: multiplier coprime with 10, offset from the seed.
std::uint64_t permute7(std::uint64_t index, std::uint64_t seed)
{
    constexpr std::uint64_t kSpace = 10000000;
    return (index * 7368787ULL + mix64(seed) % kSpace) % kSpace;
}

} // namespace

int DominicanData::rncCheckDigit(const char *first8)
{
    static constexpr int weights[8] = {7, 9, 8, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += (first8[i] - '0') * weights[i];
    const int r = sum % 11;
    return r == 0 ? 2 : r == 1 ? 1 : 11 - r;
}

int DominicanData::cedulaCheckDigit(const char *first10)
{
    int sum = 0;
    for (int i = 0; i < 10; ++i) {
        int p = (first10[i] - '0') * (i % 2 == 0 ? 1 : 2);
        sum += p / 10 + p % 10;
    }
    return (10 - sum % 10) % 10;
}

std::string DominicanData::makeRnc(std::uint64_t uniqueIndex, std::uint64_t seed)
{
    char buf[10];
    buf[0] = '1';
    std::uint64_t body = permute7(uniqueIndex, seed);
    for (int i = 7; i >= 1; --i) {
        buf[i] = char('0' + body % 10);
        body /= 10;
    }
    buf[8] = char('0' + rncCheckDigit(buf));
    return std::string(buf, 9);
}

std::string DominicanData::makeCedula(std::uint64_t uniqueIndex, std::uint64_t seed, SeedRandom &rng)
{
    char buf[12];
    // Most cédulas issued since 2010 start with 402; older ones carry the municipality code.
    const std::string_view prefix = rng.chancePpm(400000) ? std::string_view("402") : std::string_view("001");
    buf[0] = prefix[0];
    buf[1] = prefix[1];
    buf[2] = prefix[2];
    std::uint64_t body = permute7(uniqueIndex, seed ^ 0x5EEDC3D1ULL);
    for (int i = 9; i >= 3; --i) {
        buf[i] = char('0' + body % 10);
        body /= 10;
    }
    buf[10] = char('0' + cedulaCheckDigit(buf));
    return std::string(buf, 11);
}

std::string DominicanData::phone(SeedRandom &rng)
{
    std::string out(kAreaCodes[size_t(rng.pick(kAreaWeights))]);
    out += '-';
    out += char('2' + rng.below(8));
    out += char('0' + rng.below(10));
    out += char('0' + rng.below(10));
    out += '-';
    for (int i = 0; i < 4; ++i)
        out += char('0' + rng.below(10));
    return out;
}

std::string DominicanData::slug(const std::string &utf8)
{
    // Folds the Spanish letters the seed uses; everything else non-alphanumeric is dropped.
    static constexpr std::pair<sv, char> folds[] = {{"á", 'a'}, {"é", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'},
                                                    {"ñ", 'n'}, {"ü", 'u'}, {"Á", 'a'}, {"É", 'e'}, {"Í", 'i'},
                                                    {"Ó", 'o'}, {"Ú", 'u'}, {"Ñ", 'n'}};
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out += char(c);
            else if (c >= 'A' && c <= 'Z')
                out += char(c - 'A' + 'a');
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto &[from, to] : folds) {
            if (utf8.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (!folded)
            ++i;
    }
    return out;
}

DealerIdentity DominicanData::makeDealer(SeedRandom &rng, std::uint64_t uniqueIndex, std::uint64_t seed)
{
    DealerIdentity d;
    d.dealerType = kDealerTypes[size_t(rng.pick(kDealerTypeWeights))];
    d.verification = kVerification[size_t(rng.pick(kVerificationWeights))];
    static const auto placeWeights = [] {
        std::array<int, kPlaces.size()> w{};
        for (size_t i = 0; i < kPlaces.size(); ++i)
            w[i] = kPlaces[i].weight;
        return w;
    }();
    const Place &place = kPlaces[size_t(rng.pick(placeWeights))];
    d.city = place.city;
    d.province = place.province;

    // About half of the independents sell under their own name with a cédula.
    d.isCedula = std::string_view(d.dealerType) == "independent" && rng.chancePpm(500000);
    const std::string_view first = pickFrom(rng, kFirstNames);
    const std::string_view last1 = pickFrom(rng, kLastNames);
    const std::string_view last2 = pickFrom(rng, kLastNames);
    if (d.isCedula) {
        d.legalName.append(first).append(" ").append(last1).append(" ").append(last2);
        const int style = int(rng.below(3));
        if (style == 0)
            d.tradeName.append("Autos ").append(last1);
        else if (style == 1)
            d.tradeName.append(pickFrom(rng, kBusinessPrefixes)).append(" ").append(first);
        else
            d.tradeName.append("Dealer ").append(first).append(" ").append(last1);
        d.taxId = makeCedula(uniqueIndex, seed, rng);
        // A cédula holder from outside Santo Domingo often carries the local municipality code.
        if (d.taxId[0] == '0' && rng.chancePpm(700000)) {
            d.taxId.replace(0, 3, place.cedulaPrefix);
            d.taxId[10] = char('0' + cedulaCheckDigit(d.taxId.data()));
        }
    } else {
        const int style = int(rng.below(10));
        if (style < 6)
            d.tradeName.append(pickFrom(rng, kBusinessPrefixes)).append(" ").append(pickFrom(rng, kBusinessCores));
        else if (style < 8)
            d.tradeName.append(pickFrom(rng, kBusinessPrefixes)).append(" ").append(last1);
        else
            d.tradeName.append(pickFrom(rng, kBusinessPrefixes)).append(" ").append(place.city);
        d.legalName = d.tradeName + " " + std::string(kLegalSuffixes[size_t(rng.pick(kLegalSuffixWeights))]);
        d.taxId = makeRnc(uniqueIndex, seed);
    }

    const std::string trade = slug(d.tradeName);
    if (!d.isCedula && rng.chancePpm(550000)) {
        d.email = std::string(pickFrom(rng, kMailboxes)) + "@" + trade + (rng.chancePpm(700000) ? ".com.do" : ".com");
    } else {
        d.email = slug(std::string(first)) + "." + slug(std::string(last1)) + std::to_string(rng.below(1000)) + "@"
                  + std::string(pickFrom(rng, kFreeMail));
    }
    d.phone = phone(rng);
    d.hasApp = rng.chancePpm(450000);
    return d;
}

} // namespace okla::sandbox
