#pragma once
// Start-up figures for the benchmark (issue 11), off unless NDH_STARTUP_TRACE is set:
// prints to stderr, as epoch milliseconds, when the first frame was painted and when
// the first plant state (a batch that put assets in the tree) was applied and then
// painted. The launcher (bench_startup) subtracts its own launch time. With
// NDH_STARTUP_TRACE=quit the console quits once the plant state is on screen.

#include "plant_models.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QObject>
#include <QTimer>

#include <cstdio>

namespace ndh {

class StartupTrace : public QObject
{
public:
    StartupTrace(QCoreApplication *app, PlantModels *models)
        : m_models(models)
    {
        const QByteArray mode = qgetenv("NDH_STARTUP_TRACE");
        if (mode.isEmpty())
            return;
        m_quit = mode == "quit";
        app->installEventFilter(this);
        QObject::connect(models, &PlantModels::batchApplied, this, [this] {
            if (m_stateMs == 0 && m_models->assetTree()->assetCount() > 0) {
                m_stateMs = QDateTime::currentMSecsSinceEpoch();
                std::fprintf(stderr, "ndh-console: startup: first plant state applied at %lld (%d assets)\n",
                             static_cast<long long>(m_stateMs), m_models->assetTree()->assetCount());
            }
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_done)
            return QObject::eventFilter(watched, event);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!m_firstFrame) {
            m_firstFrame = true;
            std::fprintf(stderr, "ndh-console: startup: first frame painted at %lld\n", static_cast<long long>(now));
        }
        if (m_stateMs > 0) {
            m_done = true;
            std::fprintf(stderr, "ndh-console: startup: first plant state painted at %lld\n",
                         static_cast<long long>(now));
            if (m_quit)
                QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    PlantModels *m_models;
    qint64 m_stateMs = 0;
    bool m_firstFrame = false;
    bool m_done = false;
    bool m_quit = false;
};

} // namespace ndh
