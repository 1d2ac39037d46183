#pragma once

#include <QWidget>

#include "models/connectionstate.h"

class QLabel;

namespace okla::services {
class Session;
}

namespace okla::ui {

/// Status bar: "Connected as ana@sandbox · Finance", "Reconnecting…", live from the database
/// service and the LISTEN connection (whichever notices a loss first).
class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(services::Session *session, QWidget *parent = nullptr);

    QString text() const;

private:
    void showState(); // not update(): that name would hide QWidget::update()

    services::Session *m_session;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
    models::ConnectionState m_databaseState;
    bool m_listenerUp = true;
    QString m_detail;
};

} // namespace okla::ui
