#pragma once
// `--demo`: the embedded broker (librdkafka mock cluster on a loopback port) with the
// standard topics, and the plant simulator publishing into it on its own thread.
// The console then connects to bootstrap() through the ordinary consumer path.

#include "plant_generator.h"

#include <QString>

#include <functional>
#include <memory>
#include <thread>

namespace ndh {

struct SimulatorOptions
{
    int assets = 40;           // NDH assets; a few drones are added on top
    double rate = 200.0;       // messages per second, all topics together
    quint64 seed = 1;
    qint64 count = -1;         // stop after this many messages (-1: no limit)
    double durationSec = -1;   // stop after this long (-1: no limit)
    qint64 startTimeMs = -1;   // >= 0: simulated clock from here (fully deterministic output)
    AlarmScenarios scenarios;  // chattering / flood on top of the normal plant (off by default)
};

class CommandResponder;
class EmbeddedBroker;
class PlantSimulator;

class DemoPlant
{
public:
    DemoPlant();
    ~DemoPlant(); // stops the simulator, then the broker

    // Starts broker and simulator; returns false with error() set on failure.
    bool start(int partitions = 4, const SimulatorOptions &options = {});
    // start() in two steps, so that a window can show while the plant comes up:
    // the broker's listener at once (a few milliseconds; bootstrap() is known from
    // here on), then on a thread of its own the topics, the simulator and the command
    // responder, and `done` called on that thread with an empty string, or why not.
    // commandResponder() means something only once `done` was called.
    bool startBroker(int partitions = 4);
    void startPlantInBackground(const SimulatorOptions &options, std::function<void(const QString &error)> done);
    void stop(); // waits for a background start first
    QString bootstrap() const;
    QString error() const { return m_error; }
    // Answers operator commands (issue 8); null when it could not start (logged).
    CommandResponder *commandResponder() const { return m_responder.get(); }
    EmbeddedBroker *broker() const { return m_broker.get(); }

private:
    bool startPlant(const SimulatorOptions &options);

    std::thread m_starter;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<PlantSimulator> m_simulator;
    std::unique_ptr<CommandResponder> m_responder;
    QString m_error;
};

} // namespace ndh
