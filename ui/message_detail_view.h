#pragma once
// One Kafka record in full, for the topic browser (issue 5): where it is (topic,
// partition, offset, leader-assigned or producer time), its key, the decoded
// envelope as a tree, the value as pretty JSON with syntax colours, as raw text and
// as a hex dump (a binary value is shown byte for byte, never replaced by '?'), and
// its headers. Everything is plain text: nothing in a record is ever interpreted as
// markup.

#include "log_record.h"
#include "message_filter.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace ndh {

class MessageDetailView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { EnvelopeTab, JsonTab, TextTab, HexTab, HeadersTab };
    static constexpr qsizetype kMaxShownBytes = 4 << 20; // larger values are cut in the text views, with a note

    explicit MessageDetailView(QWidget *parent = nullptr);

    void setRecord(const LogRecord &record, const RecordSummary &summary);
    void clear();
    bool hasRecord() const { return m_has; }
    const LogRecord &record() const { return m_record; }

    QTabWidget *tabs() const { return m_tabs; }
    QString headerText() const;
    QString jsonText() const;
    QString rawText() const;
    QString hexText() const;
    QTreeWidget *envelopeTree() const { return m_envelope; }
    QTreeWidget *headersTree() const { return m_headers; }

    // Pretty JSON (key order kept), or an empty string when the bytes are not JSON.
    static QString prettyJson(const QByteArray &payload);
    // UTF-8 text when the bytes are valid UTF-8; nullopt otherwise.
    static std::optional<QString> utf8Text(const QByteArray &bytes);

private:
    LogRecord m_record;
    bool m_has = false;
    QLabel *m_header;
    QTabWidget *m_tabs;
    QTreeWidget *m_envelope;
    QPlainTextEdit *m_json;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_hex;
    QTreeWidget *m_headers;
};

} // namespace ndh
