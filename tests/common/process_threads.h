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

// Calls f(tid, name, text) for each thread: its id, its name
// (/proc/self/task/TID/comm) and the text of its file `file` ("stat", "schedstat").
template<typename F>
void forEachThreadFile(const QString &file, F &&f)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile text(tasks.filePath(tid + u'/' + file));
        if (!comm.open(QIODevice::ReadOnly) || !text.open(QIODevice::ReadOnly))
            continue;
        f(tid, comm.readAll().trimmed(), text.readAll());
    }
}

// Calls f(name, fields) for each thread: its name and the fields of its stat line
// after the name, so fields[0] is the state (stat field 3), fields[11] and [12] the
// user and system CPU ticks, fields[16] the nice value.
template<typename F>
void forEachThreadStat(F &&f)
{
    forEachThreadFile(QStringLiteral("stat"), [&](const QString &, const QByteArray &name, const QByteArray &line) {
        // The name in the stat line is in parentheses and may hold spaces: split after it.
        f(name, line.mid(line.lastIndexOf(')') + 2).split(' '));
    });
}

} // namespace ndhtest
