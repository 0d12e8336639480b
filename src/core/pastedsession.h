// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "profilestore.h"
#include "ttyendpoint.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace lap {

// What a session id or <base>/sessions/<id> URL pasted into the attach dialog resolves to.
// The dialog words each kind; the rules are here so that a test can check every one of them.
struct PastedSession
{
    enum class Kind
    {
        Empty,         // nothing but whitespace: the selected row is what Attach uses
        Invalid,       // neither an id nor a sessions URL; `error` says so
        ThisPlatform,  // an id, or a URL under the platform's own base: attach here
        NotReady,      // ... but it is a listed session that is not ready; `listed` is its row
        OtherPrefix,   // a URL on the same origin under another path prefix
        OtherProfile,  // a URL on the origin of another saved profile; `owner` is that profile
        OtherPlatform, // a URL on a platform of no saved profile: the tab asks before sending
                       // the master key there
    };
    Kind kind = Kind::Empty;
    // What Attach attaches to: baseOverride only when the base differs from the platform's
    // own; an empty sessionId when there is nothing attachable (Empty, Invalid, NotReady).
    ResumeArgument argument;
    LapError error; // Invalid
    Profile owner;  // OtherProfile
    Session listed; // NotReady

    bool isAttachable() const { return !argument.sessionId.isEmpty(); }
};

// `home` is the platform the dialog lists (its base URL), `otherProfiles` the other saved
// profiles, `listed` the sessions the dialog shows of `home`.
PastedSession resolvePastedSession(const QString &text, const QUrl &home,
                                   const QList<Profile> &otherProfiles,
                                   const QList<Session> &listed);

// Same origin and the same path prefix (trailing slashes aside): one platform.
bool sameBase(const QUrl &a, const QUrl &b);

} // namespace lap
