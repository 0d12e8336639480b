// SPDX-License-Identifier: GPL-2.0-or-later
// The chat event stream (docs/platform-chat.md §4): arbitrary bytes through SseParser, cut into
// chunks at places the input chooses, and every dispatched event through decodeChatEvent.
#include "chatevents.h"
#include "fuzzcheck.h"
#include "sseparser.h"

#include <cstddef>
#include <cstdint>

using namespace lap;

namespace {

struct Collected
{
    QStringList events; // event|data|id|retry
    int errors = 0;
};

void take(const QList<Result<SseEvent>> &items, Collected &c, int limit)
{
    for (const Result<SseEvent> &r : items) {
        if (!r.ok()) {
            LAP_FUZZ_CHECK(r.error.kind == LapError::Kind::Protocol);
            LAP_FUZZ_CHECK(r.error.message == sseOversizeMessage(limit));
            ++c.errors;
            continue;
        }
        const SseEvent &e = r.value;
        // What we hand on never exceeds the limit (in UTF-16 units ≤ bytes).
        LAP_FUZZ_CHECK(e.data.size() <= limit);
        LAP_FUZZ_CHECK(!e.event.isEmpty());
        c.events.append(e.event + QLatin1Char('|') + e.data + QLatin1Char('|') + e.id +
                        QLatin1Char('|') + QString::number(e.retryMs));

        const Result<ChatEvent> ev = decodeChatEvent(e);
        if (!ev.ok()) {
            LAP_FUZZ_CHECK(ev.error.kind == LapError::Kind::Protocol);
            LAP_FUZZ_CHECK(!ev.error.message.isEmpty());
            continue;
        }
        const ChatEvent &c2 = ev.value;
        if (c2.kind == ChatEvent::Kind::KeepAlive)
            LAP_FUZZ_CHECK(e.data.trimmed().isEmpty());
        else
            LAP_FUZZ_CHECK(!c2.type.isEmpty());
        if (c2.kind == ChatEvent::Kind::PartUpdated)
            LAP_FUZZ_CHECK(c2.part.kind == chatPartKind(c2.part.type));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first byte picks the chunk size, so that splits fall anywhere; a small limit lets
    // inputs of a few KiB reach the oversize path.
    if (size < 1)
        return 0;
    const int chunk = 1 + data[0] % 64;
    const int limit = 256;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), int(size - 1));

    SseParser whole(limit);
    Collected a;
    take(whole.feed(bytes), a, limit);

    SseParser split(limit);
    Collected b;
    for (int i = 0; i < bytes.size(); i += chunk)
        take(split.feed(bytes.mid(i, chunk)), b, limit);

    // How the bytes were cut must not change what comes out.
    LAP_FUZZ_CHECK(a.events == b.events);
    LAP_FUZZ_CHECK(a.errors == b.errors);
    return 0;
}
