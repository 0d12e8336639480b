// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lap {

// One dispatched server-sent event (WHATWG HTML "server-sent events", the interpretation of an
// event stream). `data` is the data lines joined with '\n' and without the final one.
struct SseEvent
{
    QString event = QStringLiteral("message"); // the "event:" field, or "message" when absent
    QString data;
    QString id;       // the last event ID as set so far in the stream (it carries over)
    int retryMs = -1; // the reconnection time as last set by "retry:", -1 when never
    // The event's bytes were not valid UTF-8; each bad sequence became U+FFFD.
    bool invalidUtf8 = false;
};

// An incremental text/event-stream parser. Bytes may arrive split anywhere (inside a UTF-8
// sequence, between CR and LF): lines are decoded only once complete. Accepts both framings of
// docs/platform-chat.md §4.1 (opencode: "data: <json>" only; CAS: also "event:" lines and empty
// "data:" keep-alives), LF, CRLF or CR line ends, "data:" with or without a space, and comments.
//
// A stream that never sends a blank line could make us buffer without bound, so one event is
// capped at `maxEventBytes`: a larger one yields an error and everything up to the next blank
// line is dropped, after which parsing goes on normally.
class SseParser
{
public:
    static constexpr int DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseParser(int maxEventBytes = DefaultMaxEventBytes);

    // Feeds the next bytes of the stream; returns the events (and errors) they complete, in
    // stream order.
    QList<Result<SseEvent>> feed(const QByteArray &bytes);
    // The stream ended: an event without its closing blank line is discarded (as the SSE
    // specification says), and the parser is ready for a new stream.
    void reset();

    int maxEventBytes() const { return m_maxEventBytes; }

private:
    void appendToLine(const char *p, int len, QList<Result<SseEvent>> &out);
    void endLine(QList<Result<SseEvent>> &out);
    void processLine(QByteArray line, QList<Result<SseEvent>> &out);
    void dispatch(QList<Result<SseEvent>> &out);
    void clearEvent();

    int m_maxEventBytes;
    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastId;
    int m_retryMs = -1;
    bool m_pendingCr = false;
    bool m_firstLine = true;
    bool m_skipping = false;
    bool m_skipLineHasBytes = false;
};

// The sentence shown when an event exceeded the size limit.
QString sseOversizeMessage(int maxEventBytes);

} // namespace lap
