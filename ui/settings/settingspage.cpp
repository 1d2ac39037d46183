#include "ui/settings/settingspage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include "services/session/session.h"
#include "ui/settings/staffsection.h"
#include "ui/shell/language.h"
#include "ui/shell/theme.h"

namespace okla::ui {

SettingsPage::SettingsPage(const PageContext &context, QWidget *parent) : Page(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(16);
    layout->addWidget(createHeading());

    auto *appearance = new QGroupBox(tr("Language and appearance"), this);
    auto *form = new QFormLayout(appearance);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_language = new QComboBox(appearance);
    m_language->setObjectName(QStringLiteral("languageBox"));
    // Each language is named in itself, so a person who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(m_language->findData(Language::current()));
    form->addRow(tr("Language"), m_language);
    m_languageNote = new QLabel(tr("The new language is used the next time OKLA Admin starts."), appearance);
    m_languageNote->setWordWrap(true);
    m_languageNote->hide();
    form->addRow(QString(), m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this]() {
        const QString code = m_language->currentData().toString();
        Language::save(code);
        m_languageNote->setVisible(code != Language::current());
    });

    m_theme = new QComboBox(appearance);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("Same as the system"), Theme::key(Theme::System));
    m_theme->addItem(tr("Light"), Theme::key(Theme::Light));
    m_theme->addItem(tr("Dark"), Theme::key(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(Theme::key(Theme::saved())));
    form->addRow(tr("Theme"), m_theme);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this]() {
        const auto mode = Theme::fromKey(m_theme->currentData().toString());
        Theme::save(mode);
        Theme::apply(mode);
    });
    layout->addWidget(appearance);

    auto *connection = new QGroupBox(tr("Connection"), this);
    auto *info = new QFormLayout(connection);
    const services::Session *session = context.session;
    const auto &profile = session->profile();
    auto addRow = [&](const QString &label, const QString &value) {
        auto *valueLabel = new QLabel(value, connection);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        info->addRow(label, valueLabel);
    };
    addRow(tr("Profile"), profile.name);
    addRow(tr("Server"), profile.pgHost + u':' + QString::number(profile.pgPort));
    addRow(tr("Database"), profile.pgDatabase);
    addRow(tr("Signed in as"), session->info().user);
    addRow(tr("Role"), services::Session::rolesLabel(session->info().groupRoles));
    addRow(tr("PostgreSQL version"), session->info().serverVersion);
    layout->addWidget(connection);
    const bool isAdmin = session->info().groupRoles.contains(QStringLiteral("okla_admin"));
    m_staff = new StaffSection(context.staff, isAdmin, session->info().user, this);
    layout->addWidget(m_staff);
    layout->addStretch(1);
    appearance->setMaximumWidth(760);
    connection->setMaximumWidth(760);
    m_staff->setMaximumWidth(760);
}

} // namespace okla::ui
