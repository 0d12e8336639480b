// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appsettings.h"
#include "laperror.h"
#include "sessionlink.h"

#include <QIcon>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QStackedWidget;

namespace Ui {
class TerminalProgressPage;
class TerminalFailurePage;
class TerminalKeyConsentPage;
} // namespace Ui

namespace lap {

class RemoteTerminal;
class SessionKeepAlive;
class TtyChannel;

// One sandbox session in one tab: renders a SessionLink, which owns the session's life (open
// or attach, channel, keep-alive, reconnect rules, terminate). The tab shows the start-up
// progress, then the terminal, or the failure with its diagnostics, or the key-consent
// question (the static pages are the forms terminal*page.ui), and wires the terminal's
// keystrokes and size to the link and the link's output to the terminal.
class TerminalTab : public QWidget
{
    Q_OBJECT
public:
    using State = SessionLink::State;

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

    State state() const { return m_link->state(); }
    // Why the tab is in its state, for the tab tooltip and the tray ("Connected", the error…).
    QString stateReason() const { return m_link->stateReason(); }
    QString agentName() const { return m_link->agentName(); }
    QString agentId() const { return m_link->agentId(); }
    QString sessionId() const { return m_link->sessionId(); }
    QUrl baseUrl() const { return m_link->platform().baseUrl; }
    // "<agent> · 1a2b3c4d"
    QString title() const;
    QIcon stateIcon() const { return iconForState(state()); }
    bool canReconnect() const { return m_link->canReconnect(); }
    // The connection is gone (reconnecting, or detached) while the session may live on.
    bool isDropped() const { return m_link->isDropped(); }
    RemoteTerminal *terminal() const { return m_terminal; }
    SessionLink *link() const { return m_link; }
    TtyChannel *channel() const { return m_link->channel(); }
    SessionKeepAlive *keepAlive() const { return m_link->keepAlive(); }
    LapError lastError() const { return m_link->lastError(); }

    static QIcon iconForState(State state);
    static QString stateName(State state);

signals:
    void stateChanged(lap::SessionLink::State state);
    void titleChanged(const QString &title);
    // Output arrived or the bell rang while the tab may be in the background.
    void activity();
    void bellRang();
    // Keystrokes went out to the session (the platform does not count them as activity).
    void userTyped();
    void terminateFailed(const lap::LapError &error);

private:
    void buildUi();
    void wireLink();
    void onNotice(const SessionLink::Notice &notice);
    void onOutput(const QByteArray &bytes);
    void onTerminalInput(const QByteArray &bytes);
    void onConnected(const SessionLink::Notice &notice);
    void askToSendKey();
    void showProgress();
    void showFailure(const LapError &error);
    void updateProgress();
    void showBanner(const QString &text);
    static SessionLinkSettings linkSettings(const AppSettings &settings);

    AppSettings m_settings;
    SessionLink *m_link;
    QTimer m_progressTimer;
    RemoteTerminal *m_terminal = nullptr;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_progressPage = nullptr;
    std::unique_ptr<Ui::TerminalProgressPage> m_progress;
    QWidget *m_failurePage = nullptr;
    std::unique_ptr<Ui::TerminalFailurePage> m_failure;
    QWidget *m_keyConsentPage = nullptr;
    std::unique_ptr<Ui::TerminalKeyConsentPage> m_keyConsent;
    QWidget *m_terminalPage = nullptr;
    QLabel *m_banner = nullptr;
};

} // namespace lap
