#include "cancellable_thread.h"

namespace ndh {

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
    m_thread = QThread::create(std::move(body));
    m_thread->setObjectName(name);
    m_thread->start(priority);
    return true;
}

} // namespace ndh
