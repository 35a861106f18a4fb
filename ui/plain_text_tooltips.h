#pragma once
// Item views show their models' tooltips through QToolTip, which renders any text
// that looks like HTML as rich text. Tooltips here quote what the plant sent (an
// alarm's message, a dead letter's reason), so `<b>` or `<img src=...>` in a payload
// would be interpreted. This filter, installed once on the application, shows such
// tooltips literally (docs/SECURITY.md); plain tooltips are left to Qt.

#include <QObject>
#include <QString>

namespace ndh {

class PlainTextToolTips : public QObject
{
    Q_OBJECT
public:
    explicit PlainTextToolTips(QObject *parent = nullptr);
    // Installs one filter on the running application (again: no effect).
    static void install();
    // Rich text that shows `text` exactly, line breaks and spaces kept.
    static QString literal(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace ndh
