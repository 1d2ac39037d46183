#include "taxid.h"

#include <array>

namespace okla::models {

namespace {

constexpr qsizetype kRncLength = 9;
constexpr qsizetype kCedulaLength = 11;

bool allAsciiDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

int digitAt(QStringView text, qsizetype index)
{
    return text.at(index).unicode() - u'0';
}

} // namespace

int TaxId::rncCheckDigit(QStringView first8)
{
    Q_ASSERT(first8.size() >= 8 && allAsciiDigits(first8.first(8)));
    static constexpr std::array<int, 8> weights{7, 9, 8, 6, 5, 4, 3, 2};
    int sum = 0;
    for (qsizetype i = 0; i < 8; ++i)
        sum += digitAt(first8, i) * weights[static_cast<std::size_t>(i)];
    const int r = sum % 11;
    if (r == 0)
        return 2;
    if (r == 1)
        return 1;
    return 11 - r;
}

int TaxId::cedulaCheckDigit(QStringView first10)
{
    Q_ASSERT(first10.size() >= 10 && allAsciiDigits(first10.first(10)));
    int sum = 0;
    for (qsizetype i = 0; i < 10; ++i) {
        const int product = digitAt(first10, i) * (i % 2 == 0 ? 1 : 2);
        sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
}

Result<TaxId> TaxId::parse(QStringView text)
{
    QString digits;
    digits.reserve(text.size());
    for (QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            digits += c;
        } else if (c != u'-' && !c.isSpace()) {
            return makeError(QStringLiteral("taxid.invalid_character"),
                             QCoreApplication::translate("okla", "An RNC or cédula contains only digits, dashes and spaces; \"%1\" is not allowed.").arg(c),
                             text.toString());
        }
    }
    if (digits.isEmpty())
        return makeError(QStringLiteral("taxid.empty"), QCoreApplication::translate("okla", "Enter an RNC (9 digits) or a cédula (11 digits)."));
    if (digits.size() != kRncLength && digits.size() != kCedulaLength) {
        return makeError(QStringLiteral("taxid.length"),
                         QCoreApplication::translate("okla", "An RNC has 9 digits and a cédula 11; this one has %1.").arg(digits.size()),
                         text.toString());
    }

    const Kind kind = digits.size() == kRncLength ? Kind::Rnc : Kind::Cedula;
    const int expected = kind == Kind::Rnc ? rncCheckDigit(digits) : cedulaCheckDigit(digits);
    const int actual = digitAt(digits, digits.size() - 1);
    if (expected != actual) {
        return makeError(QStringLiteral("taxid.check_digit"),
                         QCoreApplication::translate("okla", "This %1 is not valid: its last (check) digit is %2, it should be %3. Check for a typo.")
                             .arg(kindName(kind))
                             .arg(actual)
                             .arg(expected),
                         text.toString());
    }
    return TaxId(kind, digits);
}

Result<TaxId> TaxId::makeValid(Kind kind, QStringView body)
{
    const qsizetype bodyLength = (kind == Kind::Rnc ? kRncLength : kCedulaLength) - 1;
    if (body.size() != bodyLength || !allAsciiDigits(body)) {
        return makeError(QStringLiteral("taxid.body"),
                         QCoreApplication::translate("okla", "The %1 body (without its check digit) must be exactly %2 digits.").arg(kindName(kind)).arg(bodyLength),
                         body.toString());
    }
    const int check = kind == Kind::Rnc ? rncCheckDigit(body) : cedulaCheckDigit(body);
    return TaxId(kind, body.toString() + QChar(u'0' + check));
}

QString TaxId::display() const
{
    if (m_digits.isEmpty())
        return {};
    const QStringView d(m_digits);
    if (m_kind == Kind::Rnc) // 1-01-12345-1
        return d.sliced(0, 1) % u'-' % d.sliced(1, 2) % u'-' % d.sliced(3, 5) % u'-' % d.sliced(8, 1);
    return d.sliced(0, 3) % u'-' % d.sliced(3, 7) % u'-' % d.sliced(10, 1); // 001-1234567-3
}

QString TaxId::kindName(Kind kind)
{
    return kind == Kind::Rnc ? QCoreApplication::translate("okla", "RNC") : QCoreApplication::translate("okla", "cédula");
}

} // namespace okla::models
