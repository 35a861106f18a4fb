#pragma once
// Settings > language and theme. Both are stored in QSettings and take effect the
// next time the console starts (the whole window is built in one language and one
// palette; switching half a running window would leave untranslated corners).

#include <QDialog>

class QComboBox;

namespace ndh {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

    // Stores what is selected.
    void save() const;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace ndh
