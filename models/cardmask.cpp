#include "models/cardmask.h"

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

} // namespace okla::models
