#include "settings_dialog.h"

#include "hmi_style.h"
#include "language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ndh {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System language (%1)").arg(Language::nativeName(Language::resolve(Language::systemChoice()))),
                        Language::systemChoice());
    for (const QString &code : Language::available())
        m_language->addItem(Language::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Language::savedChoice())));

    m_theme->setObjectName(QStringLiteral("themeBox"));
    const QString systemTheme = HmiStyle::systemTheme() == HmiStyle::Theme::Dark ? tr("dark") : tr("light");
    m_theme->addItem(tr("Follow the system (%1)").arg(systemTheme), HmiStyle::themeSystemChoice());
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(HmiStyle::savedThemeChoice())));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    auto *note = new QLabel(tr("Changes take effect the next time NDH Console starts."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void SettingsDialog::save() const
{
    Language::saveChoice(m_language->currentData().toString());
    HmiStyle::saveThemeChoice(m_theme->currentData().toString());
}

} // namespace ndh
