#pragma once
// Settings > language and theme, stored in QSettings. A new theme is applied at once
// (HmiStyle::applyTheme: palette, icons, plots); a new language takes effect the
// next time the console starts (the whole window is built in one language;
// switching half a running window would leave untranslated corners). A theme forced
// by --theme is shown as in effect and cannot be changed here for that run.

#include <QDialog>

class QComboBox;
class QLabel;

namespace ndh {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    // Says why the theme cannot be changed (set on the command line); hidden otherwise.
    QLabel *themeNote() const { return m_themeNote; }

    // Stores what is selected (the theme only when the command line did not set it).
    void save() const;
    // Switches the running console to the selected theme (what OK does after save()).
    void apply() const;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_themeNote;
};

} // namespace ndh
