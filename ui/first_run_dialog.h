#pragma once
// What a first start offers instead of an empty window: the demo plant, a connection
// to a cluster, or a log to open. Shown by the app only when nothing was configured
// yet and nothing was asked for on the command line.

#include <QDialog>

class QCommandLinkButton;

namespace ndh {

class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, Demo, Connect, OpenLog };

    explicit FirstRunDialog(QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QCommandLinkButton *button(Choice choice) const;

private:
    Choice m_choice = Choice::None;
    QCommandLinkButton *m_demo;
    QCommandLinkButton *m_connect;
    QCommandLinkButton *m_open;
};

} // namespace ndh
