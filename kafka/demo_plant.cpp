#include "demo_plant.h"

#include "embedded_broker.h"
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
    return true;
}

void DemoPlant::stop()
{
    // Simulator first: it must not be left producing into a broker that is gone.
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
