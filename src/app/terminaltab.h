// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appsettings.h"
#include "laperror.h"
#include "models.h"
#include "platformclient.h"
#include "ttychannel.h"

#include <QElapsedTimer>
#include <QIcon>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace lap {

class RemoteTerminal;
class SessionKeepAlive;
class SessionOpener;

// One sandbox session in one tab: shows the start-up progress, then the terminal, or the
// failure with its diagnostics. Holds no protocol logic of its own: SessionOpener finds the
// session and its endpoint, TtyChannel carries the bytes, RemoteTerminal draws them.
class TerminalTab : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Opening,    // creating / polling the session
        Connecting, // opening the WebSocket
        Connected,
        Reconnecting, // the connection dropped; trying again while the session is ready
        Detached,     // the user detached (Ctrl-D); the session keeps running
        AgentExited,  // the agent process ended; reattaching starts a fresh one
        Failed        // could not open, or the session is failed/dead
    };
    Q_ENUM(State)

    TerminalTab(QNetworkAccessManager *nam, const PlatformConfig &platform,
                const AppSettings &settings, QWidget *parent = nullptr);
    ~TerminalTab() override;

    // Creates a new session of the agent (name or UUID) and attaches to it.
    void openAgent(const QString &agentNameOrId);
    // Attaches to an existing session; refuses unless it is ready.
    void attachSession(const QString &sessionId);
    // Reattaches after a drop, a detach or an agent exit (the session must still be ready).
    void reconnect();
    // Closes the connection on purpose; the session stays alive on the platform.
    void detach();
    // Skips the rest of a reconnect back-off (the network came back, the machine woke up, the
    // user pressed a key). False when the tab is not waiting to reconnect.
    bool retryNow();
    void applySettings(const AppSettings &settings);
    // Replaces the platform before the tab opens anything, e.g. with the key of the saved
    // profile whose platform a pasted session link points at.
    void setPlatform(const PlatformConfig &platform);
    // The session is on another origin than the master key's (PlatformConfig::keyHome): the tab
    // asks before it sends the key there, and sends nothing until the user allows it.
    bool isAskingToSendKey() const;
    // For a tab restored or attached by id: the agent it belongs to, so that the title says so
    // and "Open agent again" can start a new session when this one is gone.
    void setAgent(const QString &name, const QString &id);
    // DELETE /sessions/:id: stops the sandbox for everyone attached to it.
    void terminateSession();

    State state() const { return m_state; }
    // Why the tab is in its state, for the tab tooltip and the tray ("Connected", the error…).
    QString stateReason() const { return m_reason; }
    QString agentName() const { return m_agentName; }
    QString agentId() const { return m_agentId; }
    QString sessionId() const { return m_session.id; }
    QUrl baseUrl() const { return m_client->config().baseUrl; }
    // "<agent> · 1a2b3c4d"
    QString title() const;
    QIcon stateIcon() const { return iconForState(m_state); }
    bool canReconnect() const;
    // The connection is gone (reconnecting, or detached) while the session may live on.
    bool isDropped() const { return m_state == State::Reconnecting || m_state == State::Detached; }
    RemoteTerminal *terminal() const { return m_terminal; }
    TtyChannel *channel() const { return m_channel; }
    SessionKeepAlive *keepAlive() const { return m_keepAlive; }
    LapError lastError() const { return m_lastError; }

    static QIcon iconForState(State state);
    static QString stateName(State state);

signals:
    void stateChanged(lap::TerminalTab::State state);
    void titleChanged(const QString &title);
    // Output arrived or the bell rang while the tab may be in the background.
    void activity();
    void bellRang();
    // Keystrokes went out to the session (the platform does not count them as activity).
    void userTyped();
    void terminateFailed(const lap::LapError &error);

private:
    void buildUi();
    void startOpener();
    void askToSendKey();
    void allowKeyForThisTab();
    void startKeepAlive();
    void cancelOpening();
    void retry();
    // The session may be alive and there is a terminal URL to reach it again.
    bool reconnectMayHelp() const;
    void onTerminalInput(const QByteArray &bytes);
    void tryReconnect();
    void scheduleReconnect(const QString &why);
    void showDeadSession(const Session &s);
    TtyOverrides overrides() const;
    void onPhase(const QString &phase);
    void onOpenerReady(const Session &session, const TtyTarget &target);
    void onOpenerFailed(const LapError &error);
    void connectChannel();
    void onChannelOpened();
    void onChannelClosed(const TtyClose &close);
    void onChannelFailed(const LapError &error);
    void showFailure(const LapError &error);
    void setState(State state, const QString &reason);
    void updateProgress();
    void showBanner(const QString &text);

    PlatformClient *m_client;
    AppSettings m_settings;
    SessionOpener *m_opener = nullptr;
    SessionKeepAlive *m_keepAlive = nullptr;
    TtyChannel *m_channel = nullptr;
    RemoteTerminal *m_terminal = nullptr;
    TtyTarget m_target;
    Session m_session;
    QString m_agentSpec;
    QString m_agentName;
    QString m_agentId;
    State m_state = State::Opening;
    QString m_reason;
    LapError m_lastError;
    QStringList m_phases;
    QElapsedTimer m_openClock;
    QTimer m_progressTimer;
    QPointer<PlatformCall> m_checkCall;
    QTimer m_reconnectTimer;
    int m_reconnectAttempt = 0;
    int m_droppedKeys = 0;
    bool m_everConnected = false;
    bool m_attachOnly = false;
    bool m_terminated = false;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_progressPage = nullptr;
    QLabel *m_progressTitle = nullptr;
    QLabel *m_progressPhases = nullptr;
    QLabel *m_progressElapsed = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QWidget *m_failurePage = nullptr;
    QLabel *m_failureMessage = nullptr;
    QLabel *m_failureHint = nullptr;
    QPlainTextEdit *m_failureDetail = nullptr;
    QPushButton *m_retryButton = nullptr;
    QWidget *m_keyConsentPage = nullptr;
    QLabel *m_keyConsentText = nullptr;
    QPushButton *m_sendKeyButton = nullptr;
    QWidget *m_terminalPage = nullptr;
    QLabel *m_banner = nullptr;
};

} // namespace lap
