#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace okla::services {

/// Unix signals turned into a Qt signal on the thread that made this object, through a self-pipe:
/// the C handler only writes the signal's number to a socket (async-signal-safe), and a
/// QSocketNotifier reads it in the event loop (docs/worker.md §4). One per process.
class SignalPipe : public QObject
{
    Q_OBJECT
public:
    /// Installs handlers for `signals` (e.g. SIGTERM, SIGINT, SIGHUP); false when it could not.
    explicit SignalPipe(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalPipe() override;

    bool isReady() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void readPipe();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace okla::services
