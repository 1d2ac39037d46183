#pragma once

#include <QDialog>

#include "services/session/connectionprofile.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace okla::services {
class PasswordVault;
class Session;
}

namespace okla::ui {

/// Sign-in with the person's own database role. Offers "remember password" only when a keyring
/// answers; says so when none does. The password never goes anywhere but libpq and the keyring.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(services::ConnectionProfile profile, services::Session *session, services::PasswordVault *vault,
                 QWidget *parent = nullptr);

    void setUser(const QString &user);
    QLineEdit *userField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QLabel *keyringNote() const { return m_keyringNote; }
    /// True once the keyring probe answered (either way).
    bool keyringChecked() const { return m_keyringChecked; }

signals:
    void keyringAnswered(bool available);

private:
    void signIn();
    void loadRememberedPassword();
    void setBusy(bool busy);

    services::ConnectionProfile m_profile;
    services::Session *m_session;
    services::PasswordVault *m_vault;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keyringNote = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_signIn = nullptr;
    bool m_keyringAvailable = false;
    bool m_keyringChecked = false;
    bool m_hadRememberedPassword = false;
};

} // namespace okla::ui
