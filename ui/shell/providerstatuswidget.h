#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include "models/result.h"
#include "services/resilience/providerhealth.h"

class QLabel;
class QTimer;

namespace okla::ui {

/// Status-bar widget: one dot per payment provider (green / amber / red, grey when unknown) with
/// a tooltip of breakers, latency percentiles and recent errors, aggregated across every process
/// through Redis. Reads OFF the GUI thread (on the Redis client's thread) every few seconds.
class ProviderStatusWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Level { Unknown, Healthy, Degraded, Down };

    explicit ProviderStatusWidget(services::HealthReader reader, QWidget *parent = nullptr, int intervalMs = 5000);

    Level level(const QString &provider) const;
    QString tooltip(const QString &provider) const;
    /// Worst level over one provider's operations (pure: also used by the infrastructure page).
    static Level levelFor(const QList<services::OperationHealth> &operations);

public slots:
    void refresh();

signals:
    void updated(); ///< after each completed read (success or error)

private:
    struct Slot { QLabel *dot = nullptr; QLabel *name = nullptr; Level level = Level::Unknown; QString tooltip; };
    void apply(const models::Result<QList<services::OperationHealth>> &result);
    Slot &slotFor(const QString &provider);
    static QString describe(const services::OperationHealth &op);
    static QString displayName(const QString &provider);

    services::HealthReader m_reader;
    QTimer *m_timer = nullptr;
    bool m_inFlight = false;
    QHash<QString, Slot> m_slots;
    QString m_lastErrorCode; ///< the health error last logged, so a refresh does not repeat it
};

} // namespace okla::ui
