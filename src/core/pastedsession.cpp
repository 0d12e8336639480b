// SPDX-License-Identifier: GPL-2.0-or-later
#include "pastedsession.h"

#include "platformclient.h"

namespace lap {

bool sameBase(const QUrl &a, const QUrl &b)
{
    const auto path = [](const QUrl &u) {
        QString p = u.path();
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        return p;
    };
    return a.isValid() && b.isValid() && sameOrigin(a, b) && path(a) == path(b);
}

PastedSession resolvePastedSession(const QString &text, const QUrl &home,
                                   const QList<Profile> &otherProfiles,
                                   const QList<Session> &listed)
{
    PastedSession out;
    if (text.trimmed().isEmpty())
        return out;
    const Result<ResumeArgument> parsed = parseResumeArgument(text);
    if (!parsed.ok()) {
        out.kind = PastedSession::Kind::Invalid;
        out.error = parsed.error;
        return out;
    }
    ResumeArgument argument = parsed.value;
    if (argument.baseOverride.isValid() && sameBase(argument.baseOverride, home))
        argument.baseOverride = QUrl();

    if (argument.baseOverride.isValid()) {
        // Whose key may go there decides what the tab does; the list of this platform says
        // nothing about a session elsewhere.
        const QUrl &there = argument.baseOverride;
        out.argument = argument;
        if (sameOrigin(there, home)) {
            out.kind = PastedSession::Kind::OtherPrefix;
        } else {
            out.owner = profileOfOrigin(otherProfiles, there);
            out.kind = out.owner.isValid() ? PastedSession::Kind::OtherProfile
                                           : PastedSession::Kind::OtherPlatform;
        }
        return out;
    }
    // A listed session of this platform that is not ready cannot be attached either.
    for (const Session &s : listed) {
        if (s.id != argument.sessionId)
            continue;
        if (!s.isReady()) {
            out.kind = PastedSession::Kind::NotReady;
            out.listed = s;
            return out;
        }
        break;
    }
    out.kind = PastedSession::Kind::ThisPlatform;
    out.argument = argument;
    return out;
}

} // namespace lap
