#pragma once

#include <chrono>

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace okla::services {
class Session;
}

namespace okla::ui {

/// Locks the console after a period without keyboard or mouse input (docs/security.md §10: idle lock
/// at 15 min): an opaque overlay hides every figure until the person proves again who they are.
class IdleLock : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::chrono::minutes kDefaultTimeout{15};

    IdleLock(QWidget *window, services::Session *session, std::chrono::milliseconds timeout = kDefaultTimeout);
    ~IdleLock() override;

    bool isLocked() const { return m_locked; }

public Q_SLOTS:
    void lock();

Q_SIGNALS:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void unlock();
    void setLocked(bool locked);

    QWidget *m_window;
    services::Session *m_session;
    QTimer m_idle;
    bool m_locked = false;
    QLabel *m_who = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_unlock = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace okla::ui
