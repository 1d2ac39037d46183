#include "models/secretmask.h"

#include <QRegularExpression>

#include "models/cardmask.h"

namespace okla::models {

namespace {

/// Replaces every match of @p pattern with what @p replace makes of it.
template<typename Fn>
QString replaceEach(const QString &text, const QRegularExpression &pattern, Fn replace)
{
    QString out;
    qsizetype copied = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(copied, match.capturedStart(0) - copied);
        out += replace(match);
        copied = match.capturedEnd(0);
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

const QString kHidden = QStringLiteral("****");

} // namespace

QString maskSecrets(const QString &text)
{
    QString out = maskCardNumbers(text);

    // Stripe keys and payment-method tokens: the prefix says what it was, the last four which one.
    static const QRegularExpression stripe(QStringLiteral(
        "\\b((?:sk|rk|pk)_(?:live|test)_|whsec_|pm_|tok_|card_|src_|seti_[A-Za-z0-9]+_secret_)([A-Za-z0-9]{5,})"));
    out = replaceEach(out, stripe, [](const QRegularExpressionMatch &m) -> QString {
        return m.captured(1) + kHidden + m.captured(2).right(4);
    });

    // HTTP credentials.
    static const QRegularExpression bearer(QStringLiteral("\\b(Bearer|Basic)\\s+(?!\\*{4})[^\\s\"',;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    out = replaceEach(out, bearer, [](const QRegularExpressionMatch &m) -> QString { return m.captured(1) + u' ' + kHidden; });

    // name=value, name: value and "name": "value" where the name says it is a secret (libpq's
    // conninfo `password=…`, AZUL's `"DataVaultToken":"…"`, a header `Auth1: …`).
    static const QString names = QStringLiteral(
        "[A-Za-z_]*(?:password|passwd|pwd|secret|token|auth1|auth2|authorization|api_?key|private_?key|cvc|cvv|"
        "card_?number)[A-Za-z_]*");
    static const QRegularExpression json(QStringLiteral("(\"") + names + QStringLiteral("\"\\s*:\\s*)\"[^\"]*\""),
                                         QRegularExpression::CaseInsensitiveOption);
    out = replaceEach(out, json, [](const QRegularExpressionMatch &m) -> QString { return m.captured(1) + u'"' + kHidden + u'"'; });
    static const QRegularExpression pair(QStringLiteral("\\b(") + names
                                             + QStringLiteral(")(\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^\\s,;&)]+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    out = replaceEach(out, pair, [](const QRegularExpressionMatch &m) -> QString { return m.captured(1) + m.captured(2) + kHidden; });

    // PostgreSQL's error details quote the offending values.
    static const QRegularExpression keyDetail(QStringLiteral("\\b(Key \\([^)]*\\))=\\((?!\\*{4}\\))[^\\n]*?\\)(?= already exists| is not present| conflicts|\\.|$)"));
    out = replaceEach(out, keyDetail, [](const QRegularExpressionMatch &m) -> QString { return m.captured(1) + QStringLiteral("=(") + kHidden + u')'; });
    static const QRegularExpression failingRow(QStringLiteral("\\b(Failing row contains )\\((?!\\*{4}\\))[^\\n]*\\)"));
    out = replaceEach(out, failingRow, [](const QRegularExpressionMatch &m) -> QString { return m.captured(1) + u'(' + kHidden + u')'; });
    return out;
}

} // namespace okla::models
