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
    , m_themeNote(new QLabel(this))
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
    // What is in effect: the command line's theme, else the saved choice (applied
    // when it was saved).
    const QString forced = HmiStyle::commandLineTheme();
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(forced.isEmpty() ? HmiStyle::savedThemeChoice() : forced)));
    m_themeNote->setObjectName(QStringLiteral("themeNote"));
    m_themeNote->setWordWrap(true);
    m_themeNote->setVisible(!forced.isEmpty());
    if (!forced.isEmpty()) {
        m_theme->setEnabled(false);
        m_themeNote->setText(tr("Set by --theme on the command line for this session; start without it to choose here."));
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(m_themeNote);
    auto *note = new QLabel(tr("A new theme applies at once; a new language the next time NDH Console starts."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        apply();
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
    if (HmiStyle::commandLineTheme().isEmpty())
        HmiStyle::saveThemeChoice(m_theme->currentData().toString());
}

void SettingsDialog::apply() const
{
    if (!HmiStyle::commandLineTheme().isEmpty())
        return;
    const HmiStyle::Theme chosen = HmiStyle::resolveTheme(m_theme->currentData().toString());
    if (chosen != HmiStyle::theme())
        HmiStyle::applyTheme(chosen);
}

} // namespace ndh
