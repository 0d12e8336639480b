// SPDX-License-Identifier: GPL-2.0-or-later
// The settings/profile loaders: ProfileStore over an arbitrary INI file (a hand-edited or
// corrupted lap-desktop.conf), and readCliConfig over an arbitrary ~/.lap/config.json.
// AppSettings::load lives in the app library, which needs QTermWidget and a GUI; it is covered
// by tests/app instead (see README.md).
// Input: the whole input is both the INI text and the JSON text (unless it might repeat a JSON
// key, see mayRepeatAKey); a first byte of 1 modulo 4 also saves a profile and reads it back,
// as the sign-in dialog does.
#include "cliconfig.h"
#include "fuzzcheck.h"
#include "profilestore.h"

#include <QTimeZone>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace lap;

namespace {

// RAM-backed when possible: a million runs write two small files each.
QString scratchDir()
{
    static std::unique_ptr<QTemporaryDir> dir;
    if (!dir) {
        const QString shm = QStringLiteral("/dev/shm");
        dir = std::make_unique<QTemporaryDir>((QDir(shm).exists() ? shm : QDir::tempPath()) +
                                              QStringLiteral("/lap-fuzz-XXXXXX"));
        LAP_FUZZ_CHECK(dir->isValid());
    }
    return dir->path();
}

QString writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = scratchDir() + QLatin1Char('/') + name;
    QFile f(path);
    LAP_FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    LAP_FUZZ_CHECK(f.write(bytes) == bytes.size());
    return path;
}

void fuzzProfiles(const QByteArray &bytes, bool roundTrip)
{
    // QSettings caches a parsed file by path and re-reads it only when its size or mtime
    // changed: a fresh mtime per run makes it read every input. (A fresh name per run would
    // grow that cache and make libFuzzer's leak check run, and crawl, on every input.)
    static qint64 counter = 0;
    const QString path = writeFile(QStringLiteral("profiles.conf"), bytes);
    {
        QFile f(path);
        LAP_FUZZ_CHECK(f.open(QIODevice::ReadWrite));
        LAP_FUZZ_CHECK(f.setFileTime(QDateTime::fromMSecsSinceEpoch(1000000 + ++counter, QTimeZone::utc()),
                                     QFileDevice::FileModificationTime));
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        const QList<Profile> list = store.profiles();
        for (const Profile &p : list)
            LAP_FUZZ_CHECK(!p.name.isEmpty());
        const Profile active = store.active();
        if (!list.isEmpty())
            LAP_FUZZ_CHECK(!active.name.isEmpty());
        (void)store.activeName();
        if (roundTrip) {
            Profile p;
            p.name = QStringLiteral("fuzz/profile=odd;name");
            p.baseUrl = QUrl(QStringLiteral("https://lap.example.com:8443/prefix"));
            store.save(p);
            store.setActiveName(p.name);
            const Profile back = store.profile(p.name);
            LAP_FUZZ_CHECK(back.name == p.name && back.baseUrl == p.baseUrl);
            LAP_FUZZ_CHECK(store.active().name == p.name);
            store.remove(p.name);
            LAP_FUZZ_CHECK(!store.profile(p.name).isValid());
        }
    }
}

// Qt 5.15's JSON parser leaks the value a duplicate key replaces (tests/sanitizers/lsan.supp).
// That suppression needs full allocation stacks, which cost this target 90% of its speed, so
// inputs that might repeat a key skip the JSON reader instead: a quoted string followed by ':'
// is a key; one seen twice anywhere, or one with an escape or a non-ASCII byte (which could
// decode to an equal key), makes the input "may repeat". Unfinished strings count too.
bool mayRepeatAKey(const QByteArray &json)
{
    QSet<QByteArray> keys;
    for (int i = 0; i < json.size(); ++i) {
        if (json.at(i) != '"')
            continue;
        int j = i + 1;
        bool plain = true;
        while (j < json.size() && json.at(j) != '"') {
            if (json.at(j) == '\\' || uchar(json.at(j)) >= 0x80)
                plain = false;
            j += json.at(j) == '\\' ? 2 : 1;
        }
        if (j >= json.size())
            return true;
        int k = j + 1;
        while (k < json.size() && (json.at(k) == ' ' || json.at(k) == '\t' || json.at(k) == '\n' ||
                                   json.at(k) == '\r'))
            ++k;
        if (k < json.size() && json.at(k) == ':') {
            const QByteArray key = json.mid(i + 1, j - i - 1);
            if (!plain || keys.contains(key))
                return true;
            keys.insert(key);
        }
        i = j;
    }
    return false;
}

void fuzzCliConfig(const QByteArray &bytes)
{
    if (mayRepeatAKey(bytes))
        return;
    const QString path = writeFile(QStringLiteral("config.json"), bytes);
    const Result<CliConfig> r = readCliConfig(path);
    if (r.ok()) {
        const QString scheme = r.value.base.scheme().toLower();
        LAP_FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"));
        LAP_FUZZ_CHECK(!r.value.base.host().isEmpty());
        LAP_FUZZ_CHECK(!r.value.key.isEmpty());
        LAP_FUZZ_CHECK(r.value.path == path);
        return;
    }
    LAP_FUZZ_CHECK(r.error.kind == LapError::Kind::Config);
    LAP_FUZZ_CHECK(r.error.message.contains(path));
    // The key is a secret: a "not a lap CLI config" message must not quote it. Checked with a
    // marker in its place, so that a key that happens to read like the message is no false
    // alarm.
    QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QString marker = QStringLiteral("LapFuzzSecretMarker");
    if (doc.isObject() && doc.object().value(QLatin1String("key")).isString() &&
        !bytes.contains(marker.toLatin1())) {
        QJsonObject o = doc.object();
        o.insert(QStringLiteral("key"), marker);
        const QString markedPath =
            writeFile(QStringLiteral("marked.json"), QJsonDocument(o).toJson());
        const Result<CliConfig> again = readCliConfig(markedPath);
        if (!again.ok())
            LAP_FUZZ_CHECK(!again.error.text().contains(marker));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    fuzzProfiles(bytes, size > 0 && (data[0] & 3) == 1);
    fuzzCliConfig(bytes);
    return 0;
}
