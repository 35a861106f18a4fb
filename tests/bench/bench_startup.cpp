// Start-up: process start to the first painted frame of `ndh-console --demo`, and to
// the first plant state shown (a batch with assets applied, then painted). The
// console reports the instants itself (NDH_STARTUP_TRACE, app/startup_trace.h); this
// launcher subtracts its launch time. Peer in the same run: a bare Qt Widgets process
// (this program with --peer) showing one label, the floor for any Qt window.
//
//   QT_QPA_PLATFORM=offscreen bench_startup PATH/TO/ndh-console [runs=5]

#include "bench_support.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

using namespace ndhbench;

namespace {

class FirstPaint : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            std::fprintf(stderr, "ndh-console: startup: first frame painted at %lld\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

int peer(int argc, char **argv)
{
    QApplication app(argc, argv);
    FirstPaint filter;
    app.installEventFilter(&filter);
    QLabel label(QStringLiteral("peer"));
    label.show();
    return app.exec();
}

struct Times
{
    double frameMs = -1;
    double stateMs = -1;
};

Times launch(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NDH_STARTUP_TRACE"), QStringLiteral("quit"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    p.start(program, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    Times t;
    const QString err = QString::fromUtf8(p.readAllStandardError());
    static const QRegularExpression frame(QStringLiteral("first frame painted at (\\d+)"));
    static const QRegularExpression state(QStringLiteral("first plant state painted at (\\d+)"));
    if (const auto m = frame.match(err); m.hasMatch())
        t.frameMs = double(m.captured(1).toLongLong() - t0);
    if (const auto m = state.match(err); m.hasMatch())
        t.stateMs = double(m.captured(1).toLongLong() - t0);
    if (t.frameMs < 0)
        std::fprintf(stderr, "%s gave no start-up trace:\n%s\n", qPrintable(program), qPrintable(err.right(2000)));
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--peer") == 0)
        return peer(argc, argv);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_startup PATH/TO/ndh-console [runs]\n");
        return 2;
    }
    const QString console = args[1];
    const int runs = args.size() > 2 ? args[2].toInt() : 5;
    printMachine();
    std::vector<double> frames, states, peers;
    for (int i = 0; i < runs; ++i) {
        const Times c = launch(console, {QStringLiteral("--demo")});
        const Times q = launch(app.applicationFilePath(), {QStringLiteral("--peer")});
        std::printf("run %d: console first frame %.0f ms, first plant state %.0f ms; bare Qt window %.0f ms\n", i + 1,
                    c.frameMs, c.stateMs, q.frameMs);
        if (c.frameMs >= 0)
            frames.push_back(c.frameMs);
        if (c.stateMs >= 0)
            states.push_back(c.stateMs);
        if (q.frameMs >= 0)
            peers.push_back(q.frameMs);
    }
    const double f = percentile(frames, 0.5), s = percentile(states, 0.5), q = percentile(peers, 0.5);
    std::printf("\nstart-up, median of %d: first frame %.0f ms, first plant state shown %.0f ms; bare Qt window %.0f ms "
                "(ratio first frame / bare %.2f)\n",
                runs, f, s, q, q > 0 ? f / q : 0.0);
    return 0;
}
