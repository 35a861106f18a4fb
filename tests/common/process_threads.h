#pragma once
// The threads of this process as Linux lists them (/proc/self/task): for tests and
// benchmarks that check or measure threads by name (nice values, CPU seconds).
// Header-only so any test or bench target can include it. Elsewhere: no threads.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

namespace ndhtest {

// Calls f(name, fields) for each thread: its name (/proc/self/task/TID/comm) and the
// fields of its stat line after the name, so fields[0] is the state (stat field 3),
// fields[11] and [12] the user and system CPU ticks, fields[16] the nice value.
template<typename F>
void forEachThreadStat(F &&f)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The name in the stat line is in parentheses and may hold spaces: split after it.
        f(comm.readAll().trimmed(), line.mid(line.lastIndexOf(')') + 2).split(' '));
    }
}

} // namespace ndhtest
