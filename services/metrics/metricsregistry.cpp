#include "services/metrics/metricsregistry.h"

#include "models/oklatr.h"

#include <QLocale>

#include <cmath>

namespace okla::services {

namespace {

const QByteArray kMisuse = "okla_metrics_misuse_total";

bool isMetricName(const QByteArray &name, bool allowColon)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allowColon && c == ':');
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

QByteArray formatNumber(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QString::number(v, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QByteArray escapeLabelValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(const QByteArray &help)
{
    QByteArray out = help;
    out.replace('\\', "\\\\");
    out.replace('\n', "\\n");
    return out;
}

// {a="1",b="2"} with `extra` (the histogram's le) last; empty when there are no labels.
QByteArray labelText(const MetricsRegistry::Labels &labels, const QByteArray &extra = {})
{
    if (labels.isEmpty() && extra.isEmpty())
        return {};
    QByteArray out = "{";
    for (const auto &[name, value] : labels) {
        if (out.size() > 1)
            out += ',';
        out += name + "=\"" + escapeLabelValue(value) + '"';
    }
    if (!extra.isEmpty())
        out += (out.size() > 1 ? "," : "") + extra;
    return out + '}';
}

} // namespace

MetricsRegistry::MetricsRegistry()
{
    (void)declare(kMisuse, Type::Counter, "Recordings into an undeclared metric or with the wrong call (a bug).");
}

QList<double> MetricsRegistry::defaultLatencyBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
}

models::Result<void> MetricsRegistry::declare(const QByteArray &name, Type type, const QByteArray &help,
                                              const QList<double> &buckets)
{
    if (!isMetricName(name, true))
        return models::makeError(QStringLiteral("metrics.name"), Tr::tr("\"%1\" is not a valid metric name.")
                                                                      .arg(QString::fromLatin1(name)));
    if (type == Type::Histogram) {
        if (buckets.isEmpty() || !std::is_sorted(buckets.begin(), buckets.end())
            || std::adjacent_find(buckets.begin(), buckets.end()) != buckets.end())
            return models::makeError(QStringLiteral("metrics.buckets"),
                                     Tr::tr("A histogram needs increasing bucket bounds."));
    }
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it != m_families.end()) {
        if (it->type != type)
            return models::makeError(QStringLiteral("metrics.redeclared"),
                                     Tr::tr("The metric %1 was already declared with another type.")
                                         .arg(QString::fromLatin1(name)));
        return {};
    }
    Family family;
    family.type = type;
    family.help = help;
    if (type == Type::Histogram)
        family.buckets = buckets;
    m_families.insert(name, family);
    return {};
}

MetricsRegistry::Series *MetricsRegistry::seriesFor(const QByteArray &name, Type type, const Labels &labels)
{
    auto it = m_families.find(name);
    bool wellFormed = it != m_families.end() && it->type == type;
    for (const auto &label : labels)
        wellFormed = wellFormed && isMetricName(label.first, false) && label.first != "le";
    if (!wellFormed) {
        m_families[kMisuse].series[QByteArray()].value += 1;
        return nullptr;
    }
    const QByteArray key = labelText(labels);
    auto series = it->series.find(key);
    if (series == it->series.end()) {
        Series fresh;
        fresh.labels = labels;
        fresh.bucketCounts = QList<quint64>(it->buckets.size(), 0);
        series = it->series.insert(key, fresh);
    }
    return &series.value();
}

void MetricsRegistry::increment(const QByteArray &name, const Labels &labels, double by)
{
    QMutexLocker lock(&m_mutex);
    if (!(by >= 0)) { // a counter never goes down (NaN included)
        m_families[kMisuse].series[QByteArray()].value += 1;
        return;
    }
    if (Series *s = seriesFor(name, Type::Counter, labels))
        s->value += by;
}

void MetricsRegistry::set(const QByteArray &name, const Labels &labels, double value)
{
    QMutexLocker lock(&m_mutex);
    if (Series *s = seriesFor(name, Type::Gauge, labels))
        s->value = value;
}

void MetricsRegistry::observe(const QByteArray &name, const Labels &labels, double value)
{
    QMutexLocker lock(&m_mutex);
    Series *s = seriesFor(name, Type::Histogram, labels);
    if (!s)
        return;
    const QList<double> &bounds = m_families[name].buckets;
    const auto bucket = std::lower_bound(bounds.begin(), bounds.end(), value); // le: value <= bound
    if (bucket != bounds.end())
        s->bucketCounts[bucket - bounds.begin()] += 1;
    s->sum += value;
    s->count += 1;
}

double MetricsRegistry::value(const QByteArray &name, const Labels &labels) const
{
    QMutexLocker lock(&m_mutex);
    const auto family = m_families.constFind(name);
    if (family == m_families.constEnd())
        return 0;
    return family->series.value(labelText(labels)).value;
}

quint64 MetricsRegistry::count(const QByteArray &name, const Labels &labels) const
{
    QMutexLocker lock(&m_mutex);
    const auto family = m_families.constFind(name);
    if (family == m_families.constEnd())
        return 0;
    return family->series.value(labelText(labels)).count;
}

void MetricsRegistry::renderFamily(QByteArray &out, const QByteArray &name, const Family &family) const
{
    static const char *typeNames[] = {"counter", "gauge", "histogram"};
    out += "# HELP " + name + ' ' + escapeHelp(family.help) + '\n';
    out += "# TYPE " + name + ' ' + typeNames[int(family.type)] + '\n';
    // A counter with no label set is a plain 0 until recorded, so dashboards see it exist.
    if (family.series.isEmpty() && family.type == Type::Counter)
        out += name + " 0\n";
    for (const Series &s : family.series) {
        if (family.type != Type::Histogram) {
            out += name + labelText(s.labels) + ' ' + formatNumber(s.value) + '\n';
            continue;
        }
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < family.buckets.size(); ++i) {
            cumulative += s.bucketCounts[i];
            out += name + "_bucket" + labelText(s.labels, "le=\"" + formatNumber(family.buckets[i]) + '"') + ' '
                   + QByteArray::number(cumulative) + '\n';
        }
        out += name + "_bucket" + labelText(s.labels, "le=\"+Inf\"") + ' ' + QByteArray::number(s.count) + '\n';
        out += name + "_sum" + labelText(s.labels) + ' ' + formatNumber(s.sum) + '\n';
        out += name + "_count" + labelText(s.labels) + ' ' + QByteArray::number(s.count) + '\n';
    }
}

QByteArray MetricsRegistry::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    for (auto it = m_families.constBegin(); it != m_families.constEnd(); ++it)
        renderFamily(out, it.key(), it.value());
    return out;
}

} // namespace okla::services
