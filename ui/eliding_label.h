#pragma once
// A one-line plain-text label for the status bar: where there is no room for its
// text it shows the start and "...", instead of being cut mid-word, and it asks for
// only a few characters' width, so the bar's texts share the width the window has.
// text() keeps the whole of it, for tooltips, accessibility and tests.

#include <QLabel>
#include <QPainter>
#include <QStyle>

namespace ndh {

class ElidingLabel : public QLabel
{
public:
    using QLabel::QLabel;
    // What is drawn at the label's present width.
    QString shownText() const { return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width()); }
    QSize minimumSizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(QStringLiteral("Wxyz\u2026")), QLabel::minimumSizeHint().height()};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        style()->drawItemText(&painter, contentsRect(), QStyle::visualAlignment(layoutDirection(), alignment()),
                              palette(), isEnabled(), shownText(), foregroundRole());
    }
};

} // namespace ndh
