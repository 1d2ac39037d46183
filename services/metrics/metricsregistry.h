#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QPair>

namespace okla::services {

/// The worker's counters, gauges and histograms, rendered in the Prometheus text exposition
/// format 0.0.4 for `/metrics` (docs/worker.md §3). Thread-safe: jobs on any thread record into
/// one registry; rendering takes a consistent snapshot.
///
/// A metric is declared once (name, type, help, and buckets for a histogram) and then recorded
/// with label values. Recording into an undeclared name or with the wrong kind of call is a
/// programming error: it is ignored and counted in `okla_metrics_misuse_total`, so a typo shows
/// on the dashboard instead of crashing the worker.
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge, Histogram };
    using Labels = QList<QPair<QByteArray, QByteArray>>;

    MetricsRegistry();

    /// Fails (`metrics.name`, `metrics.buckets`, `metrics.redeclared`) for a name outside
    /// [a-zA-Z_:][a-zA-Z0-9_:]*, unsorted or empty buckets, or the same name with another type.
    models::Result<void> declare(const QByteArray &name, Type type, const QByteArray &help,
                                 const QList<double> &buckets = defaultLatencyBuckets());

    void increment(const QByteArray &name, const Labels &labels = {}, double by = 1.0); ///< counters; by ≥ 0
    void set(const QByteArray &name, const Labels &labels, double value);               ///< gauges
    void observe(const QByteArray &name, const Labels &labels, double value);           ///< histograms

    /// The value of one counter or gauge series (0 when never recorded): for tests and status.
    double value(const QByteArray &name, const Labels &labels = {}) const;
    /// One histogram series' observation count.
    quint64 count(const QByteArray &name, const Labels &labels = {}) const;

    QByteArray render() const;

    /// Seconds: 5 ms … 120 s (AZUL's timeout), enough resolution around the 100 ms benchmarks.
    static QList<double> defaultLatencyBuckets();
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

private:
    struct Series
    {
        Labels labels;
        double value = 0;             // counter or gauge
        QList<quint64> bucketCounts;  // histogram, per bucket (not cumulative)
        double sum = 0;
        quint64 count = 0;
    };
    struct Family
    {
        Type type = Type::Counter;
        QByteArray help;
        QList<double> buckets;
        QMap<QByteArray, Series> series; // by rendered label set, so output is sorted and stable
    };

    Series *seriesFor(const QByteArray &name, Type type, const Labels &labels); // mutex held
    void renderFamily(QByteArray &out, const QByteArray &name, const Family &family) const;

    mutable QMutex m_mutex;
    QMap<QByteArray, Family> m_families;
};

} // namespace okla::services
