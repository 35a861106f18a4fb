#pragma once
// What the console knows about its link to a data source, in words for the
// status bar. Produced by the backend, shown by the UI; no sockets here.

#include <QMetaType>
#include <QString>

namespace ndh {

struct ConnectionStatus
{
    // Offline: no link at all by design, the console works on an opened log file
    // (endpoint names it); not an abnormal state.
    enum class State : quint8 { Disconnected, Connecting, Connected, BrokerDown, Offline };
    State state = State::Disconnected;
    QString endpoint;   // bootstrap servers or "embedded broker"
    QString lastError;  // in words an operator understands; empty when none
    qint64 sinceMs = 0; // when the state was entered
    int brokersUp = 0;
    int brokersKnown = 0;
    double recordsPerSecond = 0.0;
    // Which link this is: the console shows one status per source side by side.
    enum class Source : quint8 { Kafka, Redis };
    Source source = Source::Kafka;
    QString progress; // long work in progress ("reading state 4,000 of 10,000"), else empty
    quint64 progressDone = 0;  // the same work in numbers for a progress bar;
    quint64 progressTotal = 0; // total 0: no bar
    QString note; // a lasting limitation worth knowing even when connected ("no heartbeat: ...")
    double roundTripMs = -1; // last measured request round trip (Redis heartbeat); -1 unknown
};

QString connectionStateName(ConnectionStatus::State state);

} // namespace ndh

Q_DECLARE_METATYPE(ndh::ConnectionStatus)
