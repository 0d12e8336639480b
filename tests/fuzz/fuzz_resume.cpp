// SPDX-License-Identifier: GPL-2.0-or-later
// The command line: `--resume` arguments (a session id or a <base>/sessions/<id> URL) on their
// own, and whole argument lists through QCommandLineParser + readLaunchOptions with the
// LAP_BASE_URL / LAP_MASTER_KEY environment sign-in.
// Input: '\n'-separated; the first line is parsed as a resume argument; all lines form argv
// (after "lap-desktop"); when the input holds a '\x1e', what follows it is "base\x1fkey".
#include "fuzzcheck.h"
#include "launchoptions.h"
#include "ttyendpoint.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstddef>
#include <cstdint>

using namespace lap;

namespace {

bool isSessionId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f-]{36}$"));
    return re.match(id).hasMatch();
}

void checkResume(const ResumeArgument &a)
{
    LAP_FUZZ_CHECK(isSessionId(a.sessionId));
    if (a.baseOverride.isValid()) {
        const QString scheme = a.baseOverride.scheme().toLower();
        LAP_FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"));
        LAP_FUZZ_CHECK(!a.baseOverride.host().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), int(size));
    QString env;
    const int sep = text.indexOf(QChar(0x1e));
    if (sep >= 0) {
        env = text.mid(sep + 1);
        text = text.left(sep);
    }
    const QStringList lines = text.split(QLatin1Char('\n'));

    const Result<ResumeArgument> r = parseResumeArgument(lines.first());
    if (r.ok())
        checkResume(r.value);
    else
        LAP_FUZZ_CHECK(r.error.kind == LapError::Kind::Usage && !r.error.message.isEmpty());

    QCommandLineParser parser;
    addLaunchOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("lap-desktop")} + lines))
        return 0;
    const QString envBase = env.section(QChar(0x1f), 0, 0);
    const QString envKey = env.section(QChar(0x1f), 1);
    const Result<LaunchOptions> o = readLaunchOptions(parser, envBase, envKey);
    if (!o.ok()) {
        LAP_FUZZ_CHECK(!o.error.message.isEmpty());
        // The key is a secret: no message may repeat it. Checked with a marker in its place,
        // so that a key that happens to read like the message is no false alarm.
        const QString marker = QStringLiteral("LapFuzzSecretMarker");
        if (!envKey.isEmpty() && !text.contains(marker) && !envBase.contains(marker)) {
            const Result<LaunchOptions> again = readLaunchOptions(parser, envBase, marker);
            LAP_FUZZ_CHECK(!again.ok() && !again.error.text().contains(marker));
        }
        return 0;
    }
    for (const ResumeArgument &a : o.value.resumes)
        checkResume(a);
    if (o.value.hasEnvironmentSignIn()) {
        const QString scheme = o.value.envBaseUrl.scheme().toLower();
        LAP_FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"));
        LAP_FUZZ_CHECK(!o.value.envBaseUrl.host().isEmpty());
    }
    return 0;
}
