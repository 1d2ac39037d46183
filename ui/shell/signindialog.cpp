#include "ui/shell/signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "services/session/passwordvault.h"
#include "services/session/session.h"
#include "ui/errors/errorpresenter.h"

namespace okla::ui {

SignInDialog::SignInDialog(services::ConnectionProfile profile, services::Session *session,
                           services::PasswordVault *vault, QWidget *parent)
    : QDialog(parent), m_profile(std::move(profile)), m_session(session), m_vault(vault)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to OKLA Admin"));
    // Wide enough that wrapped Spanish sentences stay readable.
    setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 36);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *profileLabel = new QLabel(tr("%1 (%2:%3, database %4)")
                                        .arg(m_profile.name, m_profile.pgHost)
                                        .arg(m_profile.pgPort)
                                        .arg(m_profile.pgDatabase),
                                    this);
    profileLabel->setWordWrap(true);
    form->addRow(tr("Profile"), profileLabel);
    m_user = new QLineEdit(m_profile.defaultUser, this);
    m_user->setObjectName(QStringLiteral("userField"));
    form->addRow(tr("User"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password"), m_password);
    m_remember = new QCheckBox(tr("Remember the password in this computer's keyring"), this);
    m_remember->hide();
    form->addRow(QString(), m_remember);
    m_keyringNote = new QLabel(this);
    m_keyringNote->setWordWrap(true);
    m_keyringNote->hide();
    layout->addLayout(form);
    // Below the form, not in it: a wrapped label in a form row does not grow the dialog's height.
    layout->addWidget(m_keyringNote);
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    if (m_profile.passwordless) {
        // The sandbox lets its staff in over a private socket: there is no password to ask for.
        form->setRowVisible(m_password, false);
        auto *note = new QLabel(tr("This profile signs in without a password (local sandbox)."), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    m_progress = new QLabel(this);
    layout->addWidget(m_progress);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (!m_profile.passwordless) {
        m_vault->probe().then(this, [this](const models::Status &status) {
            m_keyringChecked = true;
            m_keyringAvailable = status.ok();
            m_remember->setVisible(m_keyringAvailable);
            if (!m_keyringAvailable) {
                m_keyringNote->setText(tr("No keyring is available on this computer, so the password "
                                          "cannot be remembered."));
                m_keyringNote->setToolTip(status.error().detail);
                m_keyringNote->show();
            }
            adjustSize();
            emit keyringAnswered(m_keyringAvailable);
            loadRememberedPassword();
        });
        connect(m_user, &QLineEdit::editingFinished, this, &SignInDialog::loadRememberedPassword);
    }
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

void SignInDialog::setUser(const QString &user)
{
    m_user->setText(user);
    loadRememberedPassword();
}

void SignInDialog::loadRememberedPassword()
{
    if (!m_keyringAvailable || m_user->text().isEmpty())
        return;
    const QString user = m_user->text();
    m_vault->read(services::PasswordVault::accountFor(m_profile.name, user))
        .then(this, [this, user](const models::Result<QString> &result) {
            if (!result.ok() || m_user->text() != user || !m_password->text().isEmpty())
                return;
            m_password->setText(result.value());
            m_remember->setChecked(true);
            m_hadRememberedPassword = true;
        });
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_progress->setText(busy ? tr("Connecting…") : QString());
}

void SignInDialog::signIn()
{
    const QString user = m_user->text().trimmed();
    if (user.isEmpty()) {
        ErrorPresenter::show(this, tr("Sign in"),
                             models::makeError(QStringLiteral("signin.user"), tr("Enter your user name.")));
        return;
    }
    setBusy(true);
    const QString password = m_password->text();
    m_session->signIn(m_profile, user, password).then(this, [this, user, password](const models::Status &status) {
        setBusy(false);
        if (!status.ok()) {
            ErrorPresenter::show(this, tr("Could not sign in"), status.error());
            m_password->selectAll();
            return;
        }
        const QString account = services::PasswordVault::accountFor(m_profile.name, user);
        if (m_keyringAvailable && m_remember->isChecked() && !m_profile.passwordless) {
            // The person asked us to remember it: if the keyring refuses, say so before going on.
            m_vault->write(account, password).then(this, [this](const models::Status &stored) {
                if (!stored.ok())
                    ErrorPresenter::show(this, tr("Password not remembered"), stored.error());
                accept();
            });
            return;
        }
        if (m_keyringAvailable && !m_remember->isChecked() && m_hadRememberedPassword)
            m_vault->remove(account);
        accept();
    });
}

} // namespace okla::ui
