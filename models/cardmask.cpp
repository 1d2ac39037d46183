#include "models/cardmask.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

namespace okla::models {

QString maskCardNumbers(const QString &text)
{
    // Digits not touching other digits; 12 is the shortest PAN AZUL accepts, 19 the longest.
    static const QRegularExpression run(QStringLiteral("(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])"));
    QString out;
    qsizetype copied = 0;
    for (auto it = run.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString digits = match.captured(0);
        digits.remove(u' ').remove(u'-');
        out += QStringView(text).mid(copied, match.capturedStart(0) - copied);
        out += digits.left(6) + QString(digits.size() - 10, u'*') + digits.right(4);
        copied = match.capturedEnd(0);
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-';
}

bool passesLuhn(const QString &digits)
{
    int sum = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        int digit = digits.at(digits.size() - 1 - i).unicode() - u'0';
        if (i % 2 == 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

// Any consecutive groups of one run holding 13 to 19 digits in all that pass Luhn.
bool runHoldsCardNumber(const QList<QStringView> &groups)
{
    constexpr qsizetype shortest = 13;
    constexpr qsizetype longest = 19;
    for (qsizetype first = 0; first < groups.size(); ++first) {
        QString digits;
        for (qsizetype last = first; last < groups.size(); ++last) {
            digits += groups.at(last);
            if (digits.size() > longest)
                break;
            if (digits.size() >= shortest && passesLuhn(digits))
                return true;
        }
    }
    return false;
}

} // namespace

bool containsCardNumber(QStringView text)
{
    constexpr qsizetype longestSeparator = 3;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isAsciiDigit(text.at(i))) {
            ++i;
            continue;
        }
        QList<QStringView> groups;
        for (;;) {
            const qsizetype start = i;
            while (i < n && isAsciiDigit(text.at(i)))
                ++i;
            groups.append(text.mid(start, i - start));
            qsizetype next = i;
            while (next < n && next - i < longestSeparator && isSeparator(text.at(next)))
                ++next;
            if (next == i || next == n || !isAsciiDigit(text.at(next)))
                break;
            i = next;
        }
        if (runHoldsCardNumber(groups))
            return true;
    }
    return false;
}

Status checkNoCardNumber(QStringView text, const QString &what)
{
    if (!containsCardNumber(text))
        return {};
    return makeError(QStringLiteral("text.card_number"),
        QCoreApplication::translate("okla",
            "%1 seems to contain a card number. Card numbers are never stored: "
            "remove it (at most the last 4 digits may be written).")
            .arg(what));
}

} // namespace okla::models
