#include "demo_plant.h"

#include "cancellable_thread.h"
#include "command_responder.h"
#include "embedded_broker.h"
#include "kafka_logging.h"
#include "plant_simulator.h"

namespace ndh {

DemoPlant::DemoPlant() = default;

DemoPlant::~DemoPlant()
{
    stop();
}

bool DemoPlant::start(int partitions, const SimulatorOptions &options)
{
    if (!startBroker(partitions))
        return false;
    if (startPlant(options))
        return true;
    const QString why = m_error;
    stop();
    m_error = why;
    return false;
}

bool DemoPlant::startBroker(int partitions)
{
    stop();
    m_error.clear();
    m_broker = std::make_unique<EmbeddedBroker>();
    // The plant's threads yield the cores to the window like the console's own
    // background threads: the broker's are created on a helper behind the GUI (a
    // thread inherits the nice value of the one creating it), the simulator's and
    // the responder's in startPlantInBackground(). A real plant is on other machines.
    bool started = false;
    std::thread([&] {
        runBehindTheGui();
        started = m_broker->startCluster(partitions);
    }).join();
    if (!started) {
        m_error = m_broker->error();
        m_broker.reset();
        return false;
    }
    return true;
}

void DemoPlant::startPlantInBackground(const SimulatorOptions &options, std::function<void(const QString &)> done)
{
    if (m_starter.joinable())
        m_starter.join();
    m_starter = std::thread([this, options, done = std::move(done)] {
        runBehindTheGui(); // the simulator's and the responder's clients inherit it
        const bool ok = startPlant(options);
        if (done)
            done(ok ? QString() : (m_error.isEmpty() ? QStringLiteral("unknown error") : m_error));
    });
}

bool DemoPlant::startPlant(const SimulatorOptions &options)
{
    if (!m_broker) {
        m_error = QStringLiteral("The embedded broker is not running");
        return false;
    }
    if (!m_broker->createTopics()) {
        m_error = m_broker->error();
        return false;
    }
    m_simulator = std::make_unique<PlantSimulator>(m_broker->bootstrap(), options);
    // The broker is in this process: if it does not answer in a few seconds it never will.
    if (!m_simulator->start(5000)) {
        m_error = m_simulator->error();
        m_simulator.reset();
        return false;
    }
    // The plant answers commands; the demo still runs (read-only) if it cannot.
    CommandResponderOptions responderOptions;
    responderOptions.seed = options.seed;
    auto responder = std::make_unique<CommandResponder>(m_broker->bootstrap(), responderOptions);
    PlantSimulator *simulator = m_simulator.get();
    responder->setPlantHook([simulator](const QString &assetId, const QString &command,
                                        const QList<QPair<QString, QVariant>> &parameters) {
        simulator->postCommand(assetId, command, parameters);
    });
    if (responder->start(5000))
        m_responder = std::move(responder);
    else
        qCWarning(lcKafka, "demo: commands will not be answered: %s", qPrintable(responder->error()));
    return true;
}

void DemoPlant::stop()
{
    if (m_starter.joinable())
        m_starter.join();
    // Responder and simulator first: neither may be left producing into a broker that is gone.
    m_responder.reset();
    if (m_simulator) {
        m_simulator->stop(500);
        m_simulator.reset();
    }
    m_broker.reset();
}

QString DemoPlant::bootstrap() const
{
    return m_broker ? m_broker->bootstrap() : QString();
}

} // namespace ndh
