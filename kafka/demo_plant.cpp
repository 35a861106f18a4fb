#include "demo_plant.h"

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
    stop();
    m_error.clear();
    m_broker = std::make_unique<EmbeddedBroker>();
    if (!m_broker->start(partitions)) {
        m_error = m_broker->error();
        m_broker.reset();
        return false;
    }
    m_simulator = std::make_unique<PlantSimulator>(m_broker->bootstrap(), options);
    // The broker is in this process: if it does not answer in a few seconds it never will.
    if (!m_simulator->start(5000)) {
        m_error = m_simulator->error();
        m_simulator.reset();
        m_broker.reset();
        return false;
    }
    // The plant answers commands; the demo still runs (read-only) if it cannot.
    CommandResponderOptions responderOptions;
    responderOptions.seed = options.seed;
    m_responder = std::make_unique<CommandResponder>(m_broker->bootstrap(), responderOptions);
    PlantSimulator *simulator = m_simulator.get();
    m_responder->setPlantHook([simulator](const QString &assetId, const QString &command,
                                          const QList<QPair<QString, QVariant>> &parameters) {
        simulator->postCommand(assetId, command, parameters);
    });
    if (!m_responder->start(5000)) {
        qCWarning(lcKafka, "demo: commands will not be answered: %s", qPrintable(m_responder->error()));
        m_responder.reset();
    }
    return true;
}

void DemoPlant::stop()
{
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
