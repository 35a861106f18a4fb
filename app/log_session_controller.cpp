#include "log_session_controller.h"

#include "asset_tree_filter_model.h"
#include "asset_tree_view.h"
#include "audit_log_view.h"
#include "export_runner.h"
#include "incident_bundle.h"
#include "log_file_writer.h"
#include "main_window.h"
#include "plant_models.h"
#include "plot_area.h"
#include "raw_record_journal.h"
#include "time_slider.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>


namespace ndh {

LogSessionController::LogSessionController(PlantModels *models, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_window(window)
    , m_journal(std::make_shared<RawRecordJournal>())
    , m_loader(new LogFileLoader(this))
{
    m_loader->setJournal(m_journal);
    connect(m_loader, &LogFileLoader::batchReady, m_models, &PlantModels::applyBatch);
    connect(m_loader, &LogFileLoader::opened, this, &LogSessionController::onOpened);
    connect(m_loader, &LogFileLoader::progress, this, &LogSessionController::onProgress);
    connect(m_loader, &LogFileLoader::finished, this, &LogSessionController::onFinished);

    m_open = new QAction(tr("&Open log or incident\u2026"), m_window);
    m_open->setObjectName(QStringLiteral("openLogAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open an exported log (kcat -C -J lines, .jsonl or .jsonl.zst) or an incident bundle "
                          "(.ndh) and work on it offline (Ctrl+O). You can also drop the file on the window."));
    connect(m_open, &QAction::triggered, this, &LogSessionController::chooseAndOpen);
    m_export = new QAction(tr("&Export log\u2026"), m_window);
    m_export->setObjectName(QStringLiteral("exportLogAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Write the records of this session (a time range, topics, assets) to a log file "
                            "that kcat and the console read (Ctrl+E)"));
    connect(m_export, &QAction::triggered, this, [this] { chooseAndExport(LogExportDialog::Kind::Log); });
    m_exportBundle = new QAction(tr("Export &incident bundle\u2026"), m_window);
    m_exportBundle->setObjectName(QStringLiteral("exportBundleAction"));
    m_exportBundle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportBundle->setToolTip(tr("One .ndh file with the log, the alarm journal, the audit entries, the window "
                                  "layout and a manifest (Ctrl+Shift+E)"));
    connect(m_exportBundle, &QAction::triggered, this, [this] { chooseAndExport(LogExportDialog::Kind::Bundle); });

    m_bundleAuditAction = new QAction(tr("Incident &audit entries\u2026"), m_window);
    m_bundleAuditAction->setObjectName(QStringLiteral("bundleAuditAction"));
    m_bundleAuditAction->setToolTip(tr("The operator actions recorded in the opened incident's period, with their "
                                       "checksums verified (read-only)"));
    m_bundleAuditAction->setEnabled(false);
    connect(m_bundleAuditAction, &QAction::triggered, this, &LogSessionController::showBundleAudit);

    // Into the window's File menu, above Quit.
    QAction *quit = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QMenu *fileMenu = nullptr;
    for (QAction *top : m_window->menuBar()->actions()) {
        if (top->menu() && quit && top->menu()->actions().contains(quit))
            fileMenu = top->menu();
    }
    if (!fileMenu)
        fileMenu = m_window->menuBar()->addMenu(tr("&File"));
    fileMenu->insertActions(quit, {m_open, m_bundleAuditAction, m_export, m_exportBundle});
    fileMenu->insertSeparator(quit);

    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);

    m_progress = new QProgressBar(m_window);
    m_progress->setObjectName(QStringLiteral("logLoadProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setRange(0, 1000);
    m_progress->setToolTip(tr("Reading the log in the background; the views fill as it goes"));
    m_cancel = new QToolButton(m_window);
    m_cancel->setObjectName(QStringLiteral("logLoadCancel"));
    m_cancel->setText(tr("Stop loading"));
    m_cancel->setToolTip(tr("Stop reading the log; what was read so far stays"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &LogSessionController::cancelLoad);
    m_window->statusBar()->addPermanentWidget(m_progress);
    m_window->statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
}

LogSessionController::~LogSessionController()
{
    m_loader->cancel();
    m_loader->wait(10000);
}

bool LogSessionController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove)) {
        auto *drag = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = drag->mimeData()->urls();
        if (!urls.isEmpty() && urls.first().isLocalFile()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = drop->mimeData()->urls();
        if (!urls.isEmpty() && urls.first().isLocalFile()) {
            drop->acceptProposedAction();
            // Leave the drag-and-drop loop before loading.
            const QString path = urls.first().toLocalFile();
            QTimer::singleShot(0, this, [this, path] { openFile(path); });
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void LogSessionController::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open log or incident"), QString(),
        tr("Logs and incidents (*.jsonl *.jsonl.zst *.zst *.json *.ndh);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void LogSessionController::openFile(const QString &path)
{
    if (m_loader->isRunning()) {
        m_lastMessage = tr("Still loading %1; stop it first.").arg(QFileInfo(m_loadingPath).fileName());
        m_window->statusBar()->showMessage(m_lastMessage, 5000);
        return;
    }
    // One source per window: a live session or a loaded log opens the file in a new one.
    if (!m_loadInPlace || m_models->recordsConsumed() > 0 || m_models->deadLetters()->totalCount() > 0) {
        const bool started = QProcess::startDetached(QCoreApplication::applicationFilePath(), {path});
        m_lastMessage = started ? tr("Opening %1 in a new window").arg(QFileInfo(path).fileName())
                                : tr("Could not start a new window for %1").arg(path);
        m_window->statusBar()->showMessage(m_lastMessage, 5000);
        return;
    }
    m_loadingPath = path;
    m_journal->clear();
    ConnectionStatus offline;
    offline.state = ConnectionStatus::State::Offline; // neutral: "Offline: plant.jsonl"
    offline.endpoint = QFileInfo(path).fileName();
    offline.sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_models->setConnectionStatus(offline);
    // Ages and staleness count from the log's end, not from today's clock: a value
    // written a second before the log ends is a second old, not "476 d".
    // The same for the alarms' time in state and shelve expiry, and the tree's stale
    // colouring: every "now" of the views is the log's clock.
    m_logEndMs->store(0);
    const auto logClock = [end = m_logEndMs] {
        const qint64 ms = end->load();
        return ms > 0 ? ms : QDateTime::currentMSecsSinceEpoch();
    };
    m_models->assetTree()->setClock(logClock);
    m_models->alarms()->setClock(logClock);
    m_window->assetTreeView()->filterModel()->setClock(logClock);
    m_window->setSourceDescription(tr("%1 (offline)").arg(QFileInfo(path).fileName()));
    m_window->timeSlider()->setOfflineSource(QFileInfo(path).fileName());
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_loader->start(path);
}

void LogSessionController::cancelLoad()
{
    m_loader->cancel();
}

void LogSessionController::onOpened(const QString &path, int format, const BundleContents &bundle)
{
    if (format != int(LogFileReader::Format::Bundle))
        return;
    const QJsonObject manifest = QJsonDocument::fromJson(bundle.manifest).object();
    const QString from = manifest.value(QStringLiteral("from")).toString();
    const QString to = manifest.value(QStringLiteral("to")).toString();
    m_window->setSourceDescription(tr("incident %1, %2 to %3, from %4 (offline)")
                                       .arg(QFileInfo(path).fileName(), from, to,
                                            manifest.value(QStringLiteral("source_cluster")).toString()));
    restoreLayout(bundle.layout);
    m_bundlePath = path;
    m_bundleAudit = bundle.audit;
    const int entries = int(bundle.audit.count('\n'));
    m_bundleAuditAction->setEnabled(entries > 0);
    m_bundleAuditAction->setText(tr("Incident &audit entries (%1)\u2026").arg(entries));
}

AuditLogView *LogSessionController::showBundleAudit()
{
    if (m_bundleAudit.isEmpty())
        return nullptr;
    AuditLogView *view = AuditLogView::forExcerpt(m_bundleAudit, m_bundlePath, m_window);
    view->setObjectName(QStringLiteral("bundleAuditView"));
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

void LogSessionController::onProgress(qint64 done, qint64 total, quint64 records)
{
    m_logEndMs->store(m_journal->lastMs());
    if (total > 0)
        m_progress->setValue(int(double(done) / double(total) * 1000.0));
    m_progress->setFormat(tr("%1 records").arg(QLocale().toString(records)));
}

void LogSessionController::onFinished(const LogLoadSummary &summary)
{
    m_lastSummary = summary;
    m_logEndMs->store(m_journal->lastMs());
    m_progress->hide();
    m_cancel->hide();
    const QLocale locale;
    const QString name = QFileInfo(summary.path).fileName();
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    QString text;
    QString details;
    if (summary.fatal && summary.records == 0) {
        icon = QMessageBox::Critical;
        text = tr("%1 could not be opened.").arg(name);
        details = summary.fatal->message();
    } else if (summary.damageCount > 0) {
        icon = QMessageBox::Warning;
        text = tr("%1 is damaged. %2 records were loaded; %3 damaged part(s) were skipped and are listed in "
                  "the dead letters.")
                   .arg(name, locale.toString(summary.records), locale.toString(summary.damageCount));
        for (const LogDamage &d : summary.damages)
            details += d.message() + u'\n';
        if (summary.damageCount > summary.damages.size())
            details += tr("\u2026 and %1 more").arg(locale.toString(summary.damageCount - summary.damages.size()));
    }
    QString loaded = tr("%1: %2 records, %3 events loaded in %4 s%5")
                               .arg(name, locale.toString(summary.records), locale.toString(summary.events))
                               .arg(summary.seconds, 0, 'f', 1)
                               .arg(summary.cancelled ? tr(" (stopped; the rest was not read)") : QString());
    if (const int entries = int(m_bundleAudit.count('\n')); entries > 0)
        loaded += tr("; %1 audit entries of the incident under File").arg(locale.toString(entries));
    m_lastMessage = text.isEmpty() ? loaded : text + u'\n' + details;
    m_window->statusBar()->showMessage(loaded, 10000);
    emit loadFinished(summary);
    if (icon == QMessageBox::NoIcon || !m_interactive)
        return;
    auto *box = new QMessageBox(icon, tr("Open log"), text, QMessageBox::Close, m_window);
    box->setObjectName(QStringLiteral("logDamageMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(details.trimmed());
    if (summary.records > 0) {
        QPushButton *show = box->addButton(tr("Show dead letters"), QMessageBox::ActionRole);
        connect(show, &QPushButton::clicked, m_window, &MainWindow::showDeadLetters);
    }
    box->open(); // window-modal, does not block the loading or a screenshot
}

QByteArray LogSessionController::layoutJson() const
{
    QJsonObject o{{QStringLiteral("window_state"), QString::fromLatin1(m_window->saveState().toBase64())},
                  {QStringLiteral("plots"), QJsonObject::fromVariantMap(m_window->plotArea()->saveState())}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

void LogSessionController::restoreLayout(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    // Docks first (which are open, where, how large; QMainWindow's own layout bytes,
    // the same that layoutJson() wrote), then the plots inside the central area.
    const QByteArray windowState =
        QByteArray::fromBase64(o.value(QStringLiteral("window_state")).toString().toLatin1());
    if (!windowState.isEmpty() && !m_window->restoreState(windowState))
        qWarning("incident bundle: the window layout could not be restored; keeping the current one");
    const QVariantMap plots = o.value(QStringLiteral("plots")).toObject().toVariantMap();
    if (plots.value(QStringLiteral("plots")).toList().isEmpty())
        return;
    for (PlotPanel *panel : m_window->plotArea()->plots())
        m_window->plotArea()->closePlot(panel);
    m_window->plotArea()->restoreState(plots);
}

void LogSessionController::chooseAndExport(LogExportDialog::Kind kind)
{
    if (m_journal->size() == 0) {
        QMessageBox box(QMessageBox::Information, tr("Export"),
                        tr("This session holds no records to export yet."), QMessageBox::Close, m_window);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(tr("Open a log, or wait for records to arrive."));
        box.exec();
        return;
    }
    LogExportDialog dialog(m_journal->topicCounts(), m_journal->firstMs(), m_journal->lastMs(), kind, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportTo(dialog.choice(), &error) && error != tr("cancelled")) {
        QMessageBox box(QMessageBox::Critical, tr("Export"), tr("The export failed; no file was written."),
                        QMessageBox::Close, m_window);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(error);
        box.exec();
    }
}

bool LogSessionController::exportTo(const LogExportDialog::Choice &choice, QString *error)
{
    RawRecordJournal::Selection selection;
    selection.fromMs = choice.fromMs;
    selection.toMs = choice.toMs;
    selection.topics = choice.topics;
    selection.assetKeys = choice.assetKeys;
    const std::vector<LogRecord> records = m_journal->select(selection);
    if (records.empty()) {
        *error = tr("No record matches the chosen time range, topics and assets.");
        return false;
    }
    IncidentBundleInfo info;
    info.fromMs = choice.fromMs;
    info.toMs = choice.toMs;
    info.sourceCluster = m_sourceCluster;
    info.layout = layoutJson();
    info.auditEntries = m_audit;
    // The same runner as the Topics panel's export, waited for here.
    ExportRunner runner;
    bool ok = false;
    bool cancelled = false;
    QString workerError;
    QEventLoop loop;
    connect(&runner, &ExportRunner::finished, &loop, [&](bool written, bool wasCancelled, const QString &why) {
        ok = written;
        cancelled = wasCancelled;
        workerError = why;
        loop.quit();
    });
    runner.start(
        [&](const ExportRunner::Progress &progress, QString *why) {
            if (choice.kind == LogExportDialog::Kind::Bundle)
                return writeIncidentBundle(choice.path, records, info, progress, why);
            return writeLogFile(choice.path, records,
                                {choice.kind == LogExportDialog::Kind::CompressedLog
                                     || LogFileWriter::compressionForPath(choice.path),
                                 3},
                                progress, why);
        },
        records.size(), tr("Writing %1\u2026").arg(QFileInfo(choice.path).fileName()), m_window);
    if (runner.isRunning())
        loop.exec();
    if (!ok) {
        *error = cancelled ? tr("cancelled") : workerError;
        return false;
    }
    m_lastMessage = tr("Exported %1 records to %2").arg(QLocale().toString(quint64(records.size())), choice.path);
    m_window->statusBar()->showMessage(m_lastMessage, 10000);
    return true;
}

} // namespace ndh
