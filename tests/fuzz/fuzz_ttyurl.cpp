// SPDX-License-Identifier: GPL-2.0-or-later
// The TTY URL derivation (docs/platform-api.md §6) with hostile session rows and user settings.
// Input: up to six '\n'-separated fields: tty_url, sandbox_url, tty_token, platform base URL,
// fallback URL (LAP_TTY_FALLBACK), fallback token (LAP_TTY_TOKEN).
#include "fuzzcheck.h"
#include "models.h"
#include "ttyendpoint.h"

#include <QList>
#include <QNetworkRequest>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace lap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), int(size));
    QStringList f = text.split(QLatin1Char('\n'));
    while (f.size() < 6)
        f << QString();

    Session s;
    s.id = QStringLiteral("0b5c8f3e-1111-4222-8333-944455556666");
    s.status = QStringLiteral("ready");
    s.ttyUrl = f.at(0);
    s.sandboxUrl = f.at(1);
    s.ttyToken = f.at(2);
    const QUrl base(f.at(3), QUrl::TolerantMode);
    TtyOverrides o;
    o.fallbackUrl = f.at(4);
    o.token = f.at(5);

    const Result<TtyTarget> r = deriveTtyTarget(s, base, o);
    const QString expectedToken = !s.ttyToken.isEmpty() ? s.ttyToken : o.token;
    if (!r.ok()) {
        LAP_FUZZ_CHECK(r.error.kind == LapError::Kind::NoTtyUrl);
        LAP_FUZZ_CHECK(!r.error.message.isEmpty());
        // The token is a secret: no error sentence may carry it. Checked with a marker in its
        // place, so that a token that happens to read "wss://" is no false alarm.
        const QString marker = QStringLiteral("LapFuzzSecretMarker");
        bool markerElsewhere = false;
        for (int i : {0, 1, 3, 4})
            markerElsewhere = markerElsewhere || f.at(i).contains(marker);
        if (!markerElsewhere) {
            Session marked = s;
            TtyOverrides markedOverrides = o;
            (marked.ttyToken.isEmpty() ? markedOverrides.token : marked.ttyToken) = marker;
            const Result<TtyTarget> again = deriveTtyTarget(marked, base, markedOverrides);
            LAP_FUZZ_CHECK(!again.ok());
            LAP_FUZZ_CHECK(!again.error.text().contains(marker));
        }
        return 0;
    }

    const TtyTarget &t = r.value;
    const QString scheme = t.url.scheme().toLower();
    LAP_FUZZ_CHECK(t.url.isValid());
    LAP_FUZZ_CHECK(scheme == QLatin1String("ws") || scheme == QLatin1String("wss"));
    LAP_FUZZ_CHECK(!t.url.host().isEmpty());
    LAP_FUZZ_CHECK(t.token == expectedToken);

    const QUrl withToken = t.urlWithToken();
    LAP_FUZZ_CHECK(withToken.host() == t.url.host());
    LAP_FUZZ_CHECK(withToken.scheme() == t.url.scheme());
    LAP_FUZZ_CHECK(withToken.port() == t.url.port());
    const QNetworkRequest req = t.request();
    if (t.token.isEmpty()) {
        LAP_FUZZ_CHECK(!req.hasRawHeader("Authorization"));
        LAP_FUZZ_CHECK(withToken == t.url);
    } else {
        LAP_FUZZ_CHECK(req.rawHeader("Authorization") == "Bearer " + t.token.toUtf8());
        const QByteArray pair = "token=" + QUrl::toPercentEncoding(t.token);
        LAP_FUZZ_CHECK(withToken.query(QUrl::FullyEncoded).toLatin1().endsWith(pair));
    }
    return 0;
}
