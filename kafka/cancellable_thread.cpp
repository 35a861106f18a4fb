#include "cancellable_thread.h"

#include <QtGlobal>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ndh {

void runBehindTheGui()
{
#ifdef Q_OS_LINUX
    static const int lower = [] {
        bool ok = false;
        const int v = qEnvironmentVariableIntValue("NDH_WORKER_NICE", &ok);
        return ok ? std::clamp(v, 0, 19) : 5;
    }();
    if (lower == 0)
        return;
    // Relative to the GUI (main) thread's nice value: a console started with `nice`
    // keeps the same distance, no privilege is ever needed, and a thread started by
    // one already behind the GUI (the demo plant's simulator, started by its
    // starter thread) is not pushed further back.
    const id_t self = id_t(syscall(SYS_gettid));
    errno = 0;
    const int gui = getpriority(PRIO_PROCESS, id_t(getpid())); // the main thread's, on Linux
    const int own = getpriority(PRIO_PROCESS, self);
    const int behind = std::min(19, gui + lower);
    if (errno == 0 && own < behind)
        (void)setpriority(PRIO_PROCESS, self, behind); // best effort
#endif
}

QThread *newWorkerThread(const QString &name)
{
    auto *thread = new QThread;
    thread->setObjectName(name);
    // Direct: runs on the new thread itself, before the slots its workers connect.
    QObject::connect(thread, &QThread::started, thread, &runBehindTheGui, Qt::DirectConnection);
    return thread;
}

CancellableThread::~CancellableThread()
{
    if (m_thread && m_thread->isFinished())
        delete m_thread;
}

bool CancellableThread::start(const QString &name, std::function<void()> body, QThread::Priority priority)
{
    if (isRunning())
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancel = false;
    m_thread = QThread::create([body = std::move(body)] {
        runBehindTheGui();
        body();
    });
    m_thread->setObjectName(name);
    m_thread->start(priority);
    return true;
}

} // namespace ndh
