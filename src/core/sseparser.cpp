// SPDX-License-Identifier: GPL-2.0-or-later
#include "sseparser.h"

#include <QCoreApplication>

#include <algorithm>

namespace lap {

namespace {

// The UTF-8 decoder of the WHATWG Encoding standard, which the SSE specification names: every
// maximal invalid subpart becomes one U+FFFD. Qt's own decoder counts those differently in Qt 5
// and Qt 6, and what the user sees must not depend on the Qt version.
QString decodeUtf8(const QByteArray &bytes, bool *invalid)
{
    QString out;
    out.reserve(bytes.size());
    uint cp = 0;
    int needed = 0;
    int seen = 0;
    uchar lower = 0x80;
    uchar upper = 0xBF;
    const auto bad = [&] {
        out.append(QChar(QChar::ReplacementCharacter));
        *invalid = true;
    };
    for (int i = 0; i < bytes.size(); ++i) {
        const uchar b = uchar(bytes.at(i));
        if (needed == 0) {
            if (b <= 0x7F) {
                out.append(QLatin1Char(char(b)));
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
                cp = b & 0x07;
            } else {
                bad();
            }
            continue;
        }
        if (b < lower || b > upper) {
            // The sequence broke off: replace it and read this byte afresh.
            needed = seen = 0;
            cp = 0;
            lower = 0x80;
            upper = 0xBF;
            bad();
            --i;
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            if (cp > 0xFFFF) {
                out.append(QChar(QChar::highSurrogate(cp)));
                out.append(QChar(QChar::lowSurrogate(cp)));
            } else {
                out.append(QChar(ushort(cp)));
            }
            needed = seen = 0;
            cp = 0;
        }
    }
    if (needed != 0)
        bad();
    return out;
}

bool allDigits(const QByteArray &v)
{
    return !v.isEmpty() &&
           std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

QString sseOversizeMessage(int maxEventBytes)
{
    constexpr int MiB = 1024 * 1024;
    if (maxEventBytes >= MiB)
        return QCoreApplication::translate(
                   "lap", "An event from the agent was larger than %1 MiB and was skipped.")
            .arg(QString::number(double(maxEventBytes) / MiB, 'g', 3));
    // Only tests set a limit this small.
    return QCoreApplication::translate(
               "lap", "An event from the agent was larger than %1 bytes and was skipped.")
        .arg(maxEventBytes);
}

SseParser::SseParser(int maxEventBytes) : m_maxEventBytes(std::max(1, maxEventBytes)) {}

void SseParser::reset()
{
    m_line.clear();
    clearEvent();
    m_lastId.clear();
    m_retryMs = -1;
    m_pendingCr = false;
    m_firstLine = true;
    m_skipping = false;
    m_skipLineHasBytes = false;
}

void SseParser::clearEvent()
{
    m_data.clear();
    m_eventType.clear();
}

QList<Result<SseEvent>> SseParser::feed(const QByteArray &bytes)
{
    QList<Result<SseEvent>> out;
    const char *p = bytes.constData();
    const int n = bytes.size();
    int i = 0;
    while (i < n) {
        // A CR ended the previous line; an LF right after it (even in a later chunk) belongs
        // to the same line end.
        if (m_pendingCr) {
            m_pendingCr = false;
            if (p[i] == '\n') {
                ++i;
                continue;
            }
        }
        int j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r')
            ++j;
        appendToLine(p + i, j - i, out);
        if (j == n)
            break;
        m_pendingCr = p[j] == '\r';
        i = j + 1;
        endLine(out);
    }
    return out;
}

void SseParser::appendToLine(const char *p, int len, QList<Result<SseEvent>> &out)
{
    if (len <= 0)
        return;
    if (m_skipping) {
        m_skipLineHasBytes = true;
        return;
    }
    const qint64 held = qint64(m_data.size()) + m_eventType.size() + m_line.size() + len;
    if (held > m_maxEventBytes) {
        LapError e(LapError::Kind::Protocol, sseOversizeMessage(m_maxEventBytes));
        out.append(Result<SseEvent>::failure(e));
        m_line.clear();
        clearEvent();
        m_skipping = true;
        m_skipLineHasBytes = true;
        return;
    }
    m_line.append(p, len);
}

void SseParser::endLine(QList<Result<SseEvent>> &out)
{
    if (m_skipping) {
        // The blank line that closes the oversize event: resume with the next one.
        if (!m_skipLineHasBytes)
            m_skipping = false;
        m_skipLineHasBytes = false;
        return;
    }
    QByteArray line;
    line.swap(m_line);
    processLine(std::move(line), out);
}

void SseParser::processLine(QByteArray line, QList<Result<SseEvent>> &out)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
    }
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.at(0) == ':')
        return; // a comment (keep-alive)
    const int colon = line.indexOf(':');
    QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value;
    if (colon >= 0) {
        const int start =
            colon + 1 < line.size() && line.at(colon + 1) == ' ' ? colon + 2 : colon + 1;
        value = line.mid(start);
    }
    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "event") {
        m_eventType = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value;
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (allDigits(value) && ok)
            m_retryMs = ms;
    }
    // Any other field is ignored, as the specification says.
}

void SseParser::dispatch(QList<Result<SseEvent>> &out)
{
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1);
    SseEvent e;
    bool invalid = false;
    e.data = decodeUtf8(m_data, &invalid);
    if (!m_eventType.isEmpty())
        e.event = decodeUtf8(m_eventType, &invalid);
    e.id = decodeUtf8(m_lastId, &invalid);
    e.retryMs = m_retryMs;
    e.invalidUtf8 = invalid;
    out.append(Result<SseEvent>::success(std::move(e)));
    clearEvent();
}

} // namespace lap
