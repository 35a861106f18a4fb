#pragma once
// File > Export: what to export (time range in UTC, topics, assets) and where (a
// .jsonl log, a zstd-compressed .jsonl.zst, or an incident bundle .ndh). Knows
// nothing of files or Kafka: it returns the choice, the app does the writing.

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ndh {

class LogExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Log, CompressedLog, Bundle };
    struct Choice
    {
        QString path;
        Kind kind = Kind::Log;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QStringList topics;    // checked topics (all checked: every topic)
        QStringList assetKeys; // empty: every asset
    };

    // topics: name -> records; the range is what the session holds.
    LogExportDialog(const QMap<QString, quint64> &topics, qint64 firstMs, qint64 lastMs, Kind kind,
                    QWidget *parent = nullptr);

    Choice choice() const;
    void setPath(const QString &path);
    void setAssetKeys(const QStringList &keys);

    static QString suffixFor(Kind kind);

private:
    void browse();
    void updateOk();

    QComboBox *m_kind;
    QLineEdit *m_path;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QListWidget *m_topics;
    QLineEdit *m_assets;
    QLabel *m_summary;
    QPushButton *m_ok = nullptr;
};

} // namespace ndh
