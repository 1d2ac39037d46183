#include "sandbox/sims/stripeform.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QList>

namespace okla::sandbox::stripeform {

namespace {
QList<std::pair<QString, QString>> pairs(const QByteArray &encoded)
{
    QList<std::pair<QString, QString>> out;
    for (const QByteArray &part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray key = eq < 0 ? part : part.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}

/// Objects whose keys are all 0..n-1 become arrays (Stripe's indexed arrays).
QJsonValue normalise(const QJsonValue &value)
{
    if (!value.isObject())
        return value;
    QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = normalise(it.value());
    bool allIndexes = !o.isEmpty();
    for (const QString &k : o.keys()) {
        bool ok = false;
        const int i = k.toInt(&ok);
        if (!ok || i < 0 || i >= o.size())
            allIndexes = false;
    }
    if (!allIndexes)
        return o;
    QJsonArray a;
    for (int i = 0; i < o.size(); ++i)
        a.append(o.value(QString::number(i)));
    return a;
}

void insertPath(QJsonObject &root, const QStringList &path, const QString &value)
{
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return;
    }
    QJsonObject child = root.value(path.first()).toObject();
    QStringList rest = path.mid(1);
    if (rest.first().isEmpty()) // expand[]=x: the next free index
        rest.first() = QString::number(child.size());
    insertPath(child, rest, value);
    root.insert(path.first(), child);
}
} // namespace

QJsonObject decode(const QByteArray &encoded)
{
    QJsonObject root;
    for (const auto &[key, value] : pairs(encoded)) {
        QStringList path;
        const qsizetype bracket = key.indexOf(u'[');
        path.append(bracket < 0 ? key : key.left(bracket));
        if (bracket >= 0) {
            QString rest = key.mid(bracket);
            while (rest.startsWith(u'[')) {
                const qsizetype close = rest.indexOf(u']');
                if (close < 0)
                    break;
                path.append(rest.mid(1, close - 1));
                rest = rest.mid(close + 1);
            }
        }
        insertPath(root, path, value);
    }
    return normalise(root).toObject();
}

QString parametersHash(const QByteArray &encoded)
{
    auto list = pairs(encoded);
    std::sort(list.begin(), list.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &[k, v] : list) {
        hash.addData(k.toUtf8());
        hash.addData(QByteArrayView("=", 1));
        hash.addData(v.toUtf8());
        hash.addData(QByteArrayView("&", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QStringList expands(const QJsonObject &params)
{
    QStringList out;
    const QJsonValue v = params.value(QStringLiteral("expand"));
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            out.append(e.toString());
    } else if (v.isObject()) {
        for (const QJsonValue &e : v.toObject())
            out.append(e.toString());
    } else if (v.isString()) {
        out.append(v.toString());
    }
    return out;
}

} // namespace okla::sandbox::stripeform
