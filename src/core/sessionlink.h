// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "platformclient.h"
#include "ttychannel.h"
#include "ttyendpoint.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;

namespace lap {

class SessionKeepAlive;
class SessionOpener;

// What a link takes from the user's settings.
struct SessionLinkSettings
{
    int pollGiveUpMs = 600000;
    QString ttyFallbackUrl; // overrides LAP_TTY_FALLBACK when set
    bool autoReconnect = true;
    bool keepSessionAlive = true; // SessionKeepAlive on behalf of a typing user
};

// One open session, from opening (or attaching) to its end, without a widget: SessionOpener
// finds the session and its endpoint, the channel carries the payload, SessionKeepAlive keeps
// the idle reaper away while the user is active, and the reconnect rules (reconnectdecision.h,
// reconnectpolicy.h) decide what follows a drop. A view renders it: it feeds sendInput() and
// resize(), draws output(), and shows state(), stateReason() and the notices.
//
// The payload today is a terminal byte stream (TtyChannel); the link's own vocabulary (input,
// output, connected, dropped) is kept free of terminal words so that another kind of session
// view can sit on the same object with another channel.
//
// Key consent: when the platform the session is on is not the one the master key was saved for
// (PlatformConfig::needsKeyConsent), nothing is sent until allowKey(); refuseKey() ends the
// link with a Cancelled error that says what to do instead.
class SessionLink : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Opening,    // creating / polling the session (or waiting for key consent)
        Connecting, // opening the channel
        Connected,
        Reconnecting, // the connection dropped; trying again while the session is ready
        Detached,     // detached on purpose; the session keeps running
        AgentExited,  // the agent process ended; reattaching starts a fresh one
        Failed        // could not open, or the session is failed/dead
    };
    Q_ENUM(State)

    // News for the view beyond the state: what to put in a banner or which page to show.
    struct Notice
    {
        enum class Kind
        {
            OpeningStarted,    // the open/attach flow (re)started: show its progress
            KeyConsentNeeded,  // ask before the master key goes to another origin
            Connected,         // the channel is open (`reattach`, `droppedBytes` lost meanwhile)
            ConnectFailed,     // an attempt failed and will be retried (`why`)
            Dropped,           // the open connection was lost (`why`); checking the session
            RetryScheduled,    // next attempt in `delayMs` (`why` the last one failed)
            RetryWaitsForUser, // automatic reconnect is off (`why`)
            Detached,          // detached on purpose
            AgentExited,       // the agent ended (`why`)
            InputDropped       // input while not connected was dropped (`droppedBytes` so far)
        };
        Kind kind = Kind::OpeningStarted;
        QString why;
        int delayMs = 0;
        int droppedBytes = 0;
        bool reattach = false;
    };

    // The delay before reconnect attempt `attempt` (1-based: 0 is the immediate first try).
    // Default: reconnectDelayMs() with random jitter. Tests set a fixed one and step the
    // back-off with retryNow() instead of waiting for it.
    using Backoff = std::function<int(int attempt)>;

    SessionLink(QNetworkAccessManager *nam, const PlatformConfig &platform,
                SessionLinkSettings settings, QObject *parent = nullptr);
    ~SessionLink() override;

    // Creates a new session of the agent (name or UUID) and connects to it.
    void openAgent(const QString &agentNameOrId);
    // Connects to an existing session; refuses unless it is ready.
    void attachSession(const QString &sessionId);
    // For a link restored or attached by id: the agent it belongs to.
    void setAgent(const QString &name, const QString &id);
    // Replaces the platform (before opening: a pasted link's profile; later: a new CA file).
    void setPlatform(const PlatformConfig &platform);
    PlatformConfig platform() const { return m_client->config(); }
    void setSettings(const SessionLinkSettings &settings);
    void setBackoff(Backoff backoff);

    // Key consent (see the class comment).
    bool isAskingForKey() const { return m_askingForKey; }
    void allowKey(); // for this link only: the saved profile is unchanged
    void refuseKey();

    // Stops the open flow; the session may still be starting on the platform.
    void cancelOpening();
    // Reconnects after a drop, a detach or an agent exit (the session must still be ready).
    void reconnect();
    // Closes the connection on purpose; the session stays alive on the platform.
    void detach();
    // Skips the rest of a reconnect back-off. False when the link is not waiting to reconnect.
    bool retryNow();
    // Runs the session again after a failure: reconnects while that may help, else opens the
    // agent again (a new session), else attaches to the same id again. This is the seam the
    // session lifecycle work will fill with POST /sessions/:id/restart
    // (docs/platform-lifecycle.md §2): the same session id brought back instead of a new one.
    void restart();
    // DELETE /sessions/:id: stops the sandbox for everyone attached to it.
    void terminate();

    // Input from the user. Sent at once while connected (true); otherwise never queued —
    // replayed into a program whose state nobody can see it could run a half-typed command —
    // but counted, and taken as a sign the user is back: a waiting reconnect goes now.
    bool sendInput(const QByteArray &bytes);
    // The view's size; sent when it changes (and with `force` after a reattach).
    void resize(int cols, int rows, bool force = false);
    // A person is at the keyboard: keeps the session from the idle reaper.
    void noteUserActivity();
    // Flow control for a view that cannot keep up with output.
    void setReadPaused(bool paused);

    State state() const { return m_state; }
    QString stateReason() const { return m_reason; }
    LapError lastError() const { return m_lastError; }
    const Session &session() const { return m_session; }
    QString sessionId() const { return m_session.id; }
    QString agentSpec() const { return m_agentSpec; }
    QString agentName() const { return m_agentName; }
    QString agentId() const { return m_agentId; }
    bool isAttachOnly() const { return m_attachOnly; }
    QStringList phases() const { return m_phases; }
    qint64 openElapsedMs() const;
    bool canReconnect() const;
    bool reconnectMayHelp() const;
    bool isDropped() const { return m_state == State::Reconnecting || m_state == State::Detached; }
    // Input bytes dropped since the channel was last open.
    int droppedInputBytes() const { return m_droppedInput; }
    // Back-offs armed since the last successful open (what the next delay grows with).
    int reconnectAttempt() const { return m_reconnectAttempt; }
    // Ms until the armed back-off ends; -1 when none is armed.
    int msUntilRetry() const;
    TtyChannel *channel() const { return m_channel; }
    SessionKeepAlive *keepAlive() const { return m_keepAlive; }
    PlatformClient *client() const { return m_client; }

signals:
    void stateChanged(lap::SessionLink::State state);
    void notice(const lap::SessionLink::Notice &notice);
    // The link stopped (state Failed follows): `error` is what to show.
    void failed(const lap::LapError &error);
    void output(const QByteArray &bytes);
    // Agent or session identity changed (name resolved, session created).
    void identityChanged();
    // A new phase of the open flow.
    void progressed();
    void terminateFailed(const lap::LapError &error);

private:
    void startOpener();
    void askForKey();
    void startKeepAlive();
    void onOpenerReady(const Session &session, const TtyTarget &target);
    void connectChannel();
    void onChannelOpened();
    void onChannelClosed(const TtyClose &close);
    void onChannelFailed(const LapError &error);
    void tryReconnect();
    void scheduleReconnect(const QString &why);
    void fail(const LapError &error);
    void setState(State state, const QString &reason);
    void say(Notice::Kind kind, const QString &why = {});
    TtyOverrides overrides() const;

    PlatformClient *m_client;
    SessionLinkSettings m_settings;
    Backoff m_backoff;
    SessionOpener *m_opener = nullptr;
    SessionKeepAlive *m_keepAlive = nullptr;
    TtyChannel *m_channel = nullptr;
    TtyTarget m_target;
    Session m_session;
    QString m_agentSpec;
    QString m_agentName;
    QString m_agentId;
    State m_state = State::Opening;
    QString m_reason;
    LapError m_lastError;
    QStringList m_phases;
    QPointer<PlatformCall> m_checkCall;
    QTimer m_reconnectTimer;
    int m_reconnectAttempt = 0;
    int m_droppedInput = 0;
    bool m_everConnected = false;
    bool m_attachOnly = false;
    bool m_terminated = false;
    bool m_askingForKey = false;
};

} // namespace lap

Q_DECLARE_METATYPE(lap::SessionLink::Notice)
