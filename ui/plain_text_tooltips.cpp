#include "plain_text_tooltips.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace ndh {

PlainTextToolTips::PlainTextToolTips(QObject *parent)
    : QObject(parent)
{
}

void PlainTextToolTips::install()
{
    if (!qApp || qApp->findChild<PlainTextToolTips *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new PlainTextToolTips(qApp));
}

QString PlainTextToolTips::literal(const QString &text)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

bool PlainTextToolTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !watched->isWidgetType())
        return false;
    auto *viewport = static_cast<QWidget *>(watched);
    auto *view = qobject_cast<QAbstractItemView *>(viewport->parentWidget());
    if (!view || view->viewport() != viewport)
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QModelIndex index = view->indexAt(help->pos());
    const QString tip = index.data(Qt::ToolTipRole).toString();
    if (tip.isEmpty() || !Qt::mightBeRichText(tip))
        return false; // Qt shows it as plain text already
    QToolTip::showText(help->globalPos(), literal(tip), viewport, view->visualRect(index));
    return true;
}

} // namespace ndh
