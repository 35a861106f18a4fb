#include "connection_status.h"

#include <QCoreApplication>

namespace ndh {

QString connectionStateName(ConnectionStatus::State state)
{
    switch (state) {
    case ConnectionStatus::State::Disconnected:
        return QCoreApplication::translate("ndh::ConnectionStatus", "Disconnected");
    case ConnectionStatus::State::Connecting:
        return QCoreApplication::translate("ndh::ConnectionStatus", "Connecting");
    case ConnectionStatus::State::Connected:
        return QCoreApplication::translate("ndh::ConnectionStatus", "Connected");
    case ConnectionStatus::State::BrokerDown:
        return QCoreApplication::translate("ndh::ConnectionStatus", "Broker down");
    case ConnectionStatus::State::Offline:
        return QCoreApplication::translate("ndh::ConnectionStatus", "Offline");
    }
    return {};
}

} // namespace ndh
