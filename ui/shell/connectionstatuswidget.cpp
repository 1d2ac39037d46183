#include "ui/shell/connectionstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>

#include "services/session/session.h"

namespace okla::ui {

using models::ConnectionState;

ConnectionStatusWidget::ConnectionStatusWidget(services::Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_databaseState(session->databaseState())
{
    setObjectName(QStringLiteral("connectionStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    m_dot = new QLabel(this);
    m_dot->setFixedSize(10, 10);
    m_label = new QLabel(this);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    connect(session, &services::Session::databaseStateChanged, this,
            [this](ConnectionState state, const QString &detail) {
                m_databaseState = state;
                m_detail = detail;
                showState();
            });
    connect(session, &services::Session::liveUpdatesDown, this, [this](const QString &detail) {
        m_listenerUp = false;
        m_detail = detail;
        showState();
    });
    connect(session, &services::Session::liveUpdatesUp, this, [this]() {
        m_listenerUp = true;
        showState();
    });
    showState();
}

QString ConnectionStatusWidget::text() const { return m_label->text(); }

void ConnectionStatusWidget::showState()
{
    const auto &info = m_session->info();
    QString color;
    QString text;
    if (m_databaseState == ConnectionState::Connected && m_listenerUp) {
        color = QStringLiteral("#2e7d32");
        text = tr("Connected as %1@%2 · %3")
                   .arg(info.user, info.profileName, services::Session::rolesLabel(info.groupRoles));
    } else if (m_databaseState == ConnectionState::Disconnected) {
        color = QStringLiteral("#c62828");
        text = tr("Disconnected");
    } else {
        color = QStringLiteral("#f9a825");
        text = tr("Connection lost; reconnecting…");
    }
    m_dot->setStyleSheet(QStringLiteral("background:%1; border-radius:5px").arg(color));
    m_label->setText(text);
    setToolTip(m_detail);
}

} // namespace okla::ui
