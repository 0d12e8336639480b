// SPDX-License-Identifier: GPL-2.0-or-later
#include "terminaltab.h"

#include "remoteterminal.h"
#include "sessionkeepalive.h"
#include "ttychannel.h"
#include "uistyle.h"
#include "ui_terminalfailurepage.h"
#include "ui_terminalkeyconsentpage.h"
#include "ui_terminalprogresspage.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lap {

namespace {

// Backlog of remote output not yet taken by the emulator at which reading pauses.
constexpr qint64 kOutputHighWater = 1024 * 1024;

QColor stateColor(TerminalTab::State state)
{
    switch (state) {
    case TerminalTab::State::Opening:
    case TerminalTab::State::Connecting:
        return colors::starting();
    case TerminalTab::State::Connected:
        return colors::ready();
    case TerminalTab::State::Reconnecting:
        return colors::reconnecting();
    case TerminalTab::State::Detached:
    case TerminalTab::State::AgentExited:
        return colors::inactive();
    case TerminalTab::State::Failed:
        return colors::error();
    }
    return colors::inactive();
}

QString shortId(const QString &id)
{
    return id.left(8);
}

} // namespace

QIcon TerminalTab::iconForState(State state)
{
    // Drawn rather than shipped: one dot per state keeps the tab bar, the tray menu and the
    // window menu in the same colours without a set of image files per theme.
    QIcon icon;
    for (int size : {16, 22, 32}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = stateColor(state);
        p.setPen(QPen(c.darker(140), size / 16.0));
        p.setBrush(c);
        const qreal m = size * 0.18;
        p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
        if (state == State::Reconnecting || state == State::Opening || state == State::Connecting) {
            // A hollow centre tells "in progress" apart from "connected" without relying on colour.
            p.setBrush(Qt::white);
            p.setPen(Qt::NoPen);
            const qreal r = size * 0.16;
            p.drawEllipse(QPointF(size / 2.0, size / 2.0), r, r);
        }
        icon.addPixmap(pm);
    }
    return icon;
}

QString TerminalTab::stateName(State state)
{
    switch (state) {
    case State::Opening:
        return tr("Opening");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Detached:
        return tr("Detached");
    case State::AgentExited:
        return tr("Agent exited");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

TerminalTab::TerminalTab(QNetworkAccessManager *nam, const PlatformConfig &platform,
                         const AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_link(new SessionLink(nam, platform, linkSettings(settings), this))
{
    buildUi();
    wireLink();
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &TerminalTab::updateProgress);
}

TerminalTab::~TerminalTab()
{
    // A tab being destroyed (often together with its window) must not react to its link or
    // tell anyone about it; the link goes first so that the terminal, destroyed after it,
    // has nothing left to feed.
    blockSignals(true);
    disconnect(m_link, nullptr, this, nullptr);
    disconnect(m_terminal, nullptr, this, nullptr);
    delete m_link;
    m_link = nullptr;
}

SessionLinkSettings TerminalTab::linkSettings(const AppSettings &settings)
{
    SessionLinkSettings s;
    s.pollGiveUpMs = settings.pollGiveUpSeconds * 1000;
    s.ttyFallbackUrl = settings.ttyFallbackUrl;
    s.autoReconnect = settings.autoReconnect;
    s.keepSessionAlive = settings.keepSessionsAlive;
    return s;
}

void TerminalTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    // Progress page: what the platform is doing, for how long, and a way out.
    m_progressPage = new QWidget(m_stack);
    m_progress = std::make_unique<Ui::TerminalProgressPage>();
    m_progress->setupUi(m_progressPage);
    QFont big = m_progress->progressTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_progress->progressTitle->setFont(big);
    connect(m_progress->cancelButton, &QPushButton::clicked, m_link, &SessionLink::cancelOpening);
    m_stack->addWidget(m_progressPage);

    // Failure page: the sentence, the fix, and the block to paste into a bug report.
    m_failurePage = new QWidget(m_stack);
    m_failure = std::make_unique<Ui::TerminalFailurePage>();
    m_failure->setupUi(m_failurePage);
    QFont bold = m_failure->failureMessage->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_failure->failureMessage->setFont(bold);
    m_failure->failureDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_failure->copyDetailsButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_failure->failureMessage->text() + QLatin1Char('\n') +
                                           m_failure->failureHint->text() + QLatin1String("\n\n") +
                                           m_failure->failureDetail->toPlainText());
    });
    connect(m_failure->retryButton, &QPushButton::clicked, m_link, &SessionLink::restart);
    m_stack->addWidget(m_failurePage);

    // Key consent page: the session is on another platform than the one the key was saved for.
    m_keyConsentPage = new QWidget(m_stack);
    m_keyConsent = std::make_unique<Ui::TerminalKeyConsentPage>();
    m_keyConsent->setupUi(m_keyConsentPage);
    m_keyConsent->keyTitle->setFont(bold);
    connect(m_keyConsent->refuseKeyButton, &QPushButton::clicked, m_link, &SessionLink::refuseKey);
    connect(m_keyConsent->sendKeyButton, &QPushButton::clicked, m_link, &SessionLink::allowKey);
    m_stack->addWidget(m_keyConsentPage);

    // Terminal page: a banner line above the terminal for connection news.
    m_terminalPage = new QWidget(m_stack);
    auto *tl = new QVBoxLayout(m_terminalPage);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->setSpacing(0);
    m_banner = new QLabel(m_terminalPage);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setAccessibleName(tr("Connection news"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText); // server text, never markup
    m_banner->setContentsMargins(8, 4, 8, 4);
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, colors::noticeBackground());
    bp.setColor(QPalette::WindowText, colors::noticeText());
    m_banner->setPalette(bp);
    m_banner->hide();
    m_terminal = new RemoteTerminal(m_settings.terminal, m_terminalPage);
    tl->addWidget(m_banner);
    tl->addWidget(m_terminal, 1);
    m_stack->addWidget(m_terminalPage);

    connect(m_terminal, &RemoteTerminal::input, this, &TerminalTab::onTerminalInput);
    connect(m_terminal, &RemoteTerminal::sizeChanged, this,
            [this](int cols, int rows) { m_link->resize(cols, rows); });
    connect(m_terminal, &RemoteTerminal::detachRequested, this, &TerminalTab::detach);
    // Only a person at the keyboard keeps the session from the idle reaper: the emulator's
    // answers to a remote program's queries go out as input too, but must not.
    connect(m_terminal, &RemoteTerminal::userActive, this, [this] { m_link->noteUserActivity(); });
    connect(m_terminal, &RemoteTerminal::outputDrained, this,
            [this] { m_link->setReadPaused(false); });
    connect(m_terminal, &RemoteTerminal::bell, this, &TerminalTab::bellRang);

    m_stack->setCurrentWidget(m_progressPage);
    setFocusProxy(m_terminal);
}

void TerminalTab::wireLink()
{
    connect(m_link, &SessionLink::notice, this, &TerminalTab::onNotice);
    connect(m_link, &SessionLink::output, this, &TerminalTab::onOutput);
    connect(m_link, &SessionLink::failed, this, &TerminalTab::showFailure);
    connect(m_link, &SessionLink::identityChanged, this, [this] {
        emit titleChanged(title());
        updateProgress();
    });
    connect(m_link, &SessionLink::progressed, this, &TerminalTab::updateProgress);
    connect(m_link, &SessionLink::terminateFailed, this, &TerminalTab::terminateFailed);
    connect(m_link, &SessionLink::stateChanged, this, [this](State s) {
        if (s != State::Opening)
            m_progressTimer.stop(); // the open flow is over: the elapsed time stands
        emit stateChanged(s);
    });
}

QString TerminalTab::title() const
{
    const QString spec = m_link->agentSpec();
    const QString name = m_link->agentName().isEmpty() ? spec : m_link->agentName();
    const QString id = m_link->sessionId();
    if (id.isEmpty())
        return name.isEmpty() ? tr("New session") : name;
    if (name.isEmpty())
        return shortId(id);
    return tr("%1 · %2").arg(name, shortId(id));
}

void TerminalTab::openAgent(const QString &agentNameOrId)
{
    m_link->openAgent(agentNameOrId);
}

void TerminalTab::attachSession(const QString &sessionId)
{
    m_link->attachSession(sessionId);
}

void TerminalTab::reconnect()
{
    m_link->reconnect();
}

void TerminalTab::detach()
{
    m_link->detach();
}

bool TerminalTab::retryNow()
{
    return m_link->retryNow();
}

void TerminalTab::setAgent(const QString &name, const QString &id)
{
    m_link->setAgent(name, id);
}

void TerminalTab::setPlatform(const PlatformConfig &platform)
{
    m_link->setPlatform(platform);
}

void TerminalTab::terminateSession()
{
    if (m_link->sessionId().isEmpty())
        return;
    m_progressTimer.stop();
    m_link->terminate();
}

bool TerminalTab::isAskingToSendKey() const
{
    return m_stack->currentWidget() == m_keyConsentPage;
}

void TerminalTab::onNotice(const SessionLink::Notice &n)
{
    using Kind = SessionLink::Notice::Kind;
    switch (n.kind) {
    case Kind::OpeningStarted:
        showProgress();
        return;
    case Kind::KeyConsentNeeded:
        askToSendKey();
        return;
    case Kind::Connected:
        onConnected(n);
        return;
    case Kind::ConnectFailed:
        if (m_stack->currentWidget() != m_terminalPage)
            m_stack->setCurrentWidget(m_terminalPage);
        return;
    case Kind::Dropped:
        showBanner(tr("%1 Checking the session…").arg(n.why));
        return;
    case Kind::RetryScheduled:
        showBanner(tr("%1 Reconnecting in %2 s… keystrokes are not being sent.")
                       .arg(n.why)
                       .arg(qMax(1, (n.delayMs + 500) / 1000)));
        return;
    case Kind::RetryWaitsForUser:
        showBanner(tr("%1 Automatic reconnect is off: use Session ▸ Reconnect.").arg(n.why));
        return;
    case Kind::Detached:
        showBanner(tr("Detached — the session keeps running on the platform. Press Enter to "
                      "reattach."));
        return;
    case Kind::AgentExited:
        showBanner(tr("%1 Press Enter to start it again.").arg(n.why));
        return;
    case Kind::InputDropped:
        if (state() == State::Reconnecting || state() == State::Connecting)
            showBanner(tr("Reconnecting… keystrokes are not being sent (%n byte(s) dropped).",
                          nullptr, n.droppedBytes));
        return;
    }
}

void TerminalTab::askToSendKey()
{
    m_progressTimer.stop();
    const PlatformConfig c = m_link->platform();
    const QString there = c.baseUrl.toDisplayString();
    m_keyConsent->keyConsentText->setText(
        tr("Session %1 is on %2. Your master key was saved for %3 and goes nowhere else unless "
           "you allow it: whoever runs %2 would receive it and could use it on %3.\n\n"
           "Allow it only if %2 is the same platform under another address.")
            .arg(m_link->sessionId(), there, c.keyOrigin().toDisplayString()));
    const QString hostPort =
        c.baseUrl.port() == -1
            ? c.baseUrl.host()
            : QStringLiteral("%1:%2").arg(c.baseUrl.host()).arg(c.baseUrl.port());
    m_keyConsent->sendKeyButton->setText(tr("Send Key to %1").arg(hostPort));
    m_stack->setCurrentWidget(m_keyConsentPage);
}

void TerminalTab::showProgress()
{
    m_progressTimer.start();
    m_stack->setCurrentWidget(m_progressPage);
    m_progress->cancelButton->setEnabled(true);
    updateProgress();
}

void TerminalTab::updateProgress()
{
    const QString who = m_link->agentName().isEmpty() ? m_link->agentSpec() : m_link->agentName();
    const Session &session = m_link->session();
    if (m_link->isAttachOnly())
        m_progress->progressTitle->setText(tr("Attaching to session %1…").arg(shortId(session.id)));
    else
        m_progress->progressTitle->setText(tr("Starting %1…").arg(who.toHtmlEscaped()));
    const QStringList phases = m_link->phases();
    QStringList shown;
    for (int i = 0; i < phases.size(); ++i) {
        const QString p = phases.at(i).toHtmlEscaped();
        shown << (i + 1 == phases.size() ? QStringLiteral("<b>%1</b>").arg(p) : p);
    }
    QString status = session.status.isEmpty() ? tr("requesting a sandbox") : session.status;
    m_progress->progressPhases->setText(shown.isEmpty() ? status.toHtmlEscaped()
                                                        : shown.join(QStringLiteral(" → ")));
    const double secs = m_link->openElapsedMs() / 1000.0;
    QString line = tr("%1 s elapsed").arg(secs, 0, 'f', 1);
    if (!session.id.isEmpty())
        line += tr(" · session %1").arg(shortId(session.id));
    m_progress->progressElapsed->setText(line);
}

void TerminalTab::onConnected(const SessionLink::Notice &n)
{
    m_progressTimer.stop();
    m_stack->setCurrentWidget(m_terminalPage);
    if (n.reattach) {
        // The old stream may have left modes on that the new tmux client will not turn off.
        m_terminal->resetModes();
    }
    const QSize size = m_terminal->terminalSize();
    if (size.width() > 0 && size.height() > 0)
        m_link->resize(size.width(), size.height(), true);
    else
        m_terminal->requestSizeResend();
    if (n.droppedBytes > 0) {
        // The user typed into the outage; say once that those keys never reached the shell.
        showBanner(tr("Reconnected. %n byte(s) typed while disconnected were not sent.", nullptr,
                      n.droppedBytes));
        QTimer::singleShot(6000, m_banner, [this] {
            if (state() == State::Connected)
                m_banner->hide();
        });
    } else {
        m_banner->hide();
    }
    m_terminal->setFocusToTerminal();
}

void TerminalTab::onOutput(const QByteArray &bytes)
{
    m_terminal->writeOutput(bytes);
    // Flow control: the emulator is slower than a fast remote. Stop reading the socket while
    // its backlog is large instead of buffering a flood without bound (bench/).
    if (m_terminal->pendingOutputBytes() >= kOutputHighWater)
        m_link->setReadPaused(true);
    emit activity();
}

void TerminalTab::onTerminalInput(const QByteArray &bytes)
{
    // Enter on a detached tab, or one whose agent exited, reattaches (the banner says so).
    if ((state() == State::Detached || state() == State::AgentExited) &&
        (bytes == "\r" || bytes == "\n")) {
        m_link->reconnect();
        return;
    }
    if (m_link->sendInput(bytes))
        emit userTyped();
}

void TerminalTab::showFailure(const LapError &error)
{
    m_progressTimer.stop();
    m_failure->failureMessage->setText(error.message);
    m_failure->failureHint->setText(error.hint);
    m_failure->failureHint->setVisible(!error.hint.isEmpty());
    m_failure->failureDetail->setPlainText(error.detail);
    m_failure->failureDetail->setVisible(!error.detail.isEmpty());
    const QString retry = m_link->reconnectMayHelp()      ? tr("Reconnect")
                          : m_link->agentSpec().isEmpty() ? tr("Try again")
                                                          : tr("Open agent again");
    m_failure->retryButton->setText(retry);
    m_failure->retryButton->setAccessibleName(retry);
    m_stack->setCurrentWidget(m_failurePage);
}

void TerminalTab::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->show();
}

void TerminalTab::applySettings(const AppSettings &settings)
{
    m_settings = settings;
    // The next request and the next (re)connect trust the CA file chosen now.
    PlatformConfig platform = m_link->platform();
    platform.caFile = settings.caFile;
    m_link->setPlatform(platform);
    m_link->setSettings(linkSettings(settings));
    m_terminal->applySettings(settings.terminal);
}

} // namespace lap
