#include "ui/shell/idlelock.h"

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QVBoxLayout>

#include "services/session/session.h"

Q_LOGGING_CATEGORY(lcIdleLock, "okla.ui.idlelock")

namespace okla::ui {

IdleLock::IdleLock(QWidget *window, services::Session *session, std::chrono::milliseconds timeout)
    : QWidget(window), m_window(window), m_session(session)
{
    setObjectName(QStringLiteral("idleLock"));
    setAutoFillBackground(true); // opaque: nothing of the page shows through
    auto *box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    box->setFixedWidth(440); // a fixed width lets the wrapped sentence take the height it needs
    auto *title = new QLabel(tr("Session locked"), box);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *why = new QLabel(tr("The console was idle for too long. Its figures stay hidden until you sign in again."), box);
    why->setWordWrap(true);
    m_who = new QLabel(box);
    m_password = new QLineEdit(box);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_unlock = new QPushButton(tr("Unlock"), box);
    m_unlock->setDefault(true);
    m_problem = new QLabel(box);
    m_problem->setObjectName(QStringLiteral("idleLockProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e"));
    auto *boxLayout = new QVBoxLayout(box);
    for (QWidget *w : {static_cast<QWidget *>(title), static_cast<QWidget *>(why), static_cast<QWidget *>(m_who),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_unlock),
                       static_cast<QWidget *>(m_problem)})
        boxLayout->addWidget(w);
    // Centred with stretches, not an alignment flag: an aligned widget gets its size hint and the
    // wrapped sentence would be cut (alignment ignores height-for-width).
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(box);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addLayout(row);
    layout->addStretch();
    connect(m_unlock, &QPushButton::clicked, this, &IdleLock::unlock);
    connect(m_password, &QLineEdit::returnPressed, this, &IdleLock::unlock);

    m_idle.setSingleShot(true);
    m_idle.setInterval(timeout);
    connect(&m_idle, &QTimer::timeout, this, &IdleLock::lock);
    qApp->installEventFilter(this);
    m_window->installEventFilter(this);
    hide();
    m_idle.start();
}

IdleLock::~IdleLock() { qApp->removeEventFilter(this); }

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_locked)
            m_idle.start(); // any input counts as activity
        break;
    case QEvent::Resize:
        if (watched == m_window && m_locked)
            setGeometry(m_window->rect());
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void IdleLock::lock()
{
    if (m_locked)
        return;
    const bool passwordless = m_session->profile().passwordless;
    m_who->setText(tr("Signed in as %1").arg(m_session->info().user));
    m_password->setVisible(!passwordless);
    m_password->clear();
    m_problem->clear();
    setGeometry(m_window->rect());
    setLocked(true);
    show();
    raise();
    (passwordless ? static_cast<QWidget *>(m_unlock) : m_password)->setFocus();
    qCInfo(lcIdleLock) << "console locked after inactivity";
}

void IdleLock::unlock()
{
    m_unlock->setEnabled(false);
    m_problem->clear();
    m_session->verifyPassword(m_password->text()).then(this, [this](const models::Status &checked) {
        m_unlock->setEnabled(true);
        m_password->clear();
        if (!checked.ok()) {
            m_problem->setText(checked.error().message);
            m_password->setFocus();
            return;
        }
        hide();
        setLocked(false);
        m_idle.start();
    });
}

void IdleLock::setLocked(bool locked)
{
    m_locked = locked;
    Q_EMIT lockedChanged(locked);
}

} // namespace okla::ui
