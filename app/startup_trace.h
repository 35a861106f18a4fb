#pragma once
// Start-up figures for the benchmark (issue 11), off unless NDH_STARTUP_TRACE is set:
// prints to stderr, as epoch milliseconds, when the first frame was painted and when
// the first plant state (a batch that put assets in the tree) was applied and then
// painted, and named instants on the way (startupMark). The launcher (bench_startup)
// subtracts its own launch time. With NDH_STARTUP_TRACE=quit the console quits once
// the plant state is on screen. NDH_STARTUP_GRAB=PREFIX also saves what the window
// showed right after each of the two paints, as PREFIX-first-frame.png and
// PREFIX-plant-state.png (what a user sees first must not be half-built).

#include "connection_status.h"
#include "plant_models.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace ndh {

// A named instant of the start-up (NDH_STARTUP_TRACE set): where the time goes.
inline void startupMark(const char *phase)
{
    static const bool on = !qgetenv("NDH_STARTUP_TRACE").isEmpty();
    if (on)
        std::fprintf(stderr, "ndh-console: startup: mark %s at %lld\n", phase,
                     static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
}

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
            grabLater(watched, "first-frame");
            // What it showed: the connection state and how much of the plant.
            std::fprintf(stderr, "ndh-console: startup: first frame painted at %lld (%s, %s, %d assets)\n",
                         static_cast<long long>(now), watched->metaObject()->className(),
                         qPrintable(connectionStateName(m_models->connectionStatus().state)),
                         m_models->assetTree()->assetCount());
        }
        if (m_stateMs > 0) {
            m_done = true;
            grabLater(watched, "plant-state");
            std::fprintf(stderr, "ndh-console: startup: first plant state painted at %lld\n",
                         static_cast<long long>(now));
            if (m_quit) // after the grab above, if any
                QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    // The top-level window of `painted` as it is once this paint is done.
    static void grabLater(QObject *painted, const char *what)
    {
        const QString prefix = qEnvironmentVariable("NDH_STARTUP_GRAB");
        auto *widget = qobject_cast<QWidget *>(painted);
        if (prefix.isEmpty() || !widget)
            return;
        QTimer::singleShot(0, widget->window(), [window = widget->window(), prefix, what] {
            window->grab().save(prefix + u'-' + QLatin1String(what) + QStringLiteral(".png"));
        });
    }

    PlantModels *m_models;
    qint64 m_stateMs = 0;
    bool m_firstFrame = false;
    bool m_done = false;
    bool m_quit = false;
};

} // namespace ndh
