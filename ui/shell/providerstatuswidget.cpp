#include "ui/shell/providerstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

#include "ui/errors/errorpresenter.h"

namespace okla::ui {

using services::OperationHealth;

ProviderStatusWidget::ProviderStatusWidget(services::HealthReader reader, QWidget *parent, int intervalMs)
    : QWidget(parent), m_reader(std::move(reader))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    // The two providers are always shown, even before any process has reported.
    slotFor(QStringLiteral("azul"));
    slotFor(QStringLiteral("stripe"));
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &ProviderStatusWidget::refresh);
    m_timer->start(intervalMs);
    QTimer::singleShot(0, this, &ProviderStatusWidget::refresh);
}

QString ProviderStatusWidget::displayName(const QString &provider)
{
    if (provider == QLatin1String("azul"))
        return QStringLiteral("AZUL");
    if (provider == QLatin1String("stripe"))
        return QStringLiteral("Stripe");
    return provider;
}

ProviderStatusWidget::Slot &ProviderStatusWidget::slotFor(const QString &provider)
{
    auto it = m_slots.find(provider);
    if (it != m_slots.end())
        return *it;
    Slot slot;
    slot.dot = new QLabel(this);
    slot.dot->setFixedSize(10, 10);
    slot.dot->setObjectName(QStringLiteral("providerDot_") + provider);
    slot.name = new QLabel(displayName(provider), this);
    layout()->addWidget(slot.dot);
    layout()->addWidget(slot.name);
    slot.tooltip = tr("Provider health not read yet.");
    it = m_slots.insert(provider, slot);
    return *it;
}

void ProviderStatusWidget::refresh()
{
    if (m_inFlight)
        return; // a slow Redis must not pile up reads
    m_inFlight = true;
    m_reader.readAggregateAsync().then(this, [this](const models::Result<QList<OperationHealth>> &result) {
        m_inFlight = false;
        apply(result);
        emit updated();
    });
}

ProviderStatusWidget::Level ProviderStatusWidget::levelFor(const QList<OperationHealth> &operations)
{
    if (operations.isEmpty())
        return Level::Unknown;
    Level level = Level::Healthy;
    for (const OperationHealth &op : operations) {
        if (op.state == QLatin1String("open"))
            return Level::Down;
        // Any limiter mode but plain "redis" means Redis failed recently ("local", "redis (local fallback at …)").
        const bool limiterDegraded = !op.limiter.isEmpty() && op.limiter != QLatin1String("redis");
        if (op.state == QLatin1String("half-open") || op.windowFailures > 0 || limiterDegraded)
            level = Level::Degraded;
    }
    return level;
}

QString ProviderStatusWidget::describe(const OperationHealth &op)
{
    const QLocale locale;
    QString text = QStringLiteral("<b>%1</b>: %2").arg(op.key.name().toHtmlEscaped(), op.state);
    if (op.openRemainingMs > 0)
        text += tr(" (retry in %1 s)").arg((op.openRemainingMs + 999) / 1000);
    text += QStringLiteral("<br/>")
            + tr("%1 calls, %2 failed in the last minute; p50 %3 ms, p95 %4 ms over %5 calls; %6 process(es)")
                  .arg(op.windowCalls)
                  .arg(op.windowFailures)
                  .arg(locale.toString(op.p50Ms(), 'f', 0), locale.toString(op.p95Ms(), 'f', 0))
                  .arg(op.latency.count)
                  .arg(op.processes);
    if (op.limiter == QLatin1String("local"))
        text += QStringLiteral("<br/>") + tr("Rate limit enforced locally: Redis was unreachable.");
    else if (op.limiter.startsWith(QLatin1String("redis (")))
        text += QStringLiteral("<br/>") + tr("Rate limit was enforced locally for a while: %1").arg(op.limiter.toHtmlEscaped());
    for (const QString &error : op.recentErrors.mid(0, 3))
        text += QStringLiteral("<br/>&nbsp;&nbsp;") + error.toHtmlEscaped();
    return text;
}

void ProviderStatusWidget::apply(const models::Result<QList<OperationHealth>> &result)
{
    QHash<QString, QList<OperationHealth>> byProvider;
    if (result)
        for (const OperationHealth &op : result.value())
            byProvider[op.key.provider].append(op);
    for (const QString &provider : byProvider.keys())
        slotFor(provider);

    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        Slot &slot = *it;
        const QList<OperationHealth> ops = byProvider.value(it.key());
        QStringList lines;
        if (!result) {
            slot.level = Level::Unknown;
            // A tooltip refreshed every few seconds: the masked message only; the detail goes to the
            // log once per distinct error rather than on every refresh.
            lines << tr("Provider health unavailable: %1").arg(ErrorPresenter::message(result.error()).toHtmlEscaped());
            if (result.error().code != m_lastErrorCode)
                ErrorPresenter::log(result.error());
            m_lastErrorCode = result.error().code;
        } else {
            m_lastErrorCode.clear();
            slot.level = levelFor(ops);
            if (ops.isEmpty())
                lines << tr("No process has called %1 in the last 30 seconds.").arg(displayName(it.key()));
            for (const OperationHealth &op : ops)
                lines << describe(op);
        }
        slot.tooltip = lines.join(QStringLiteral("<br/>"));
        const char *color = "#9e9e9e";
        switch (slot.level) {
        case Level::Healthy: color = "#2e7d32"; break;
        case Level::Degraded: color = "#f9a825"; break;
        case Level::Down: color = "#c62828"; break;
        case Level::Unknown: break;
        }
        slot.dot->setStyleSheet(QStringLiteral("background-color: %1; border-radius: 5px;").arg(QLatin1String(color)));
        slot.dot->setToolTip(slot.tooltip);
        slot.name->setToolTip(slot.tooltip);
    }
}

ProviderStatusWidget::Level ProviderStatusWidget::level(const QString &provider) const
{
    return m_slots.value(provider).level;
}

QString ProviderStatusWidget::tooltip(const QString &provider) const
{
    return m_slots.value(provider).tooltip;
}

} // namespace okla::ui
