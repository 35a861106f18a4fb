// ExportRunner, the one worker + progress dialog + cancel behind both exports
// (File > Export and the Topics panel): the dialog follows the work, its Cancel
// button stops it, wait() finishes at once (what closing the window does), one
// export at a time, and a runner destroyed mid-export stops its worker.

#include "export_runner.h"

#include <QMainWindow>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace ndh;

namespace {

// Reports progress every millisecond until told to stop (or a minute passed).
ExportRunner::Work untilCancelled(std::atomic<quint64> *calls = nullptr)
{
    return [calls](const ExportRunner::Progress &progress, QString *error) {
        for (quint64 done = 0; done < 60000; ++done) {
            if (calls)
                calls->store(done + 1);
            if (!progress(done, 60000)) {
                *error = QStringLiteral("cancelled");
                return false;
            }
            QThread::msleep(1);
        }
        return true;
    };
}

} // namespace

class TestExportRunner : public QObject
{
    Q_OBJECT
private slots:
    void dialogFollowsAndCancelStops()
    {
        QMainWindow window;
        ExportRunner runner;
        QSignalSpy finished(&runner, &ExportRunner::finished);
        QVERIFY(runner.start(untilCancelled(), 60000, QStringLiteral("Writing x.jsonl"), &window));
        QVERIFY(runner.isRunning());
        QProgressDialog *dialog = runner.progressDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->parentWidget(), &window);
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QCOMPARE(dialog->labelText(), QStringLiteral("Writing x.jsonl"));
        QCOMPARE(dialog->maximum(), 60000);
        // A second export is refused while this one runs.
        QVERIFY(!runner.start(untilCancelled(), 1, QString(), &window));
        // The ticks carry the worker's progress into the dialog.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->value() > 0, 10000);
        QVERIFY(finished.isEmpty());

        QPointer<QProgressDialog> gone(dialog);
        auto *cancel = dialog->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toBool(), true); // cancelled
        QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("cancelled"));
        QVERIFY(!runner.isRunning());
        QVERIFY(!runner.progressDialog());
        QTRY_VERIFY(!gone);
    }

    void finishesWithTheWorksResult()
    {
        QMainWindow window;
        ExportRunner runner;
        QSignalSpy finished(&runner, &ExportRunner::finished);
        QVERIFY(runner.start([](const ExportRunner::Progress &progress, QString *) { return progress(3, 3); }, 3,
                             QStringLiteral("ok"), &window));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(1).toBool(), false);

        // A failure is not a cancel, and carries the work's error.
        QVERIFY(runner.start(
            [](const ExportRunner::Progress &, QString *error) {
                *error = QStringLiteral("disk full");
                return false;
            },
            3, QStringLiteral("fails"), &window));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QCOMPARE(finished.at(1).at(1).toBool(), false);
        QCOMPARE(finished.at(1).at(2).toString(), QStringLiteral("disk full"));
    }

    void waitFinishesAtOnce()
    {
        // What TopicBrowserSession::stop() does on quit: cancel, then wait; finished()
        // has come before wait() returns, and no second one follows.
        QMainWindow window;
        ExportRunner runner;
        QSignalSpy finished(&runner, &ExportRunner::finished);
        QVERIFY(runner.start(untilCancelled(), 60000, QStringLiteral("x"), &window));
        runner.cancel();
        runner.wait();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QVERIFY(!runner.isRunning());
        QTest::qWait(200); // the worker's own (queued) end arrives and is ignored
        QCOMPARE(finished.count(), 1);
        // The runner takes the next export.
        QVERIFY(runner.start([](const ExportRunner::Progress &, QString *) { return true; }, 1, QString(), &window));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
    }

    void destroyedMidExportStopsTheWorker()
    {
        QMainWindow window;
        std::atomic<quint64> calls{0};
        {
            ExportRunner runner;
            QVERIFY(runner.start(untilCancelled(&calls), 60000, QStringLiteral("x"), &window));
            QTRY_VERIFY_WITH_TIMEOUT(calls.load() > 0, 10000);
        }
        const quint64 atEnd = calls.load();
        QVERIFY(atEnd < 60000); // stopped, not run to the end
        QTest::qWait(50);
        QCOMPARE(calls.load(), atEnd); // and no longer running
        QVERIFY(window.findChildren<QProgressDialog *>().isEmpty());
    }
};

QTEST_MAIN(TestExportRunner)
#include "tst_export_runner.moc"
