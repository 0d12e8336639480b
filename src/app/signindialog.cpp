// SPDX-License-Identifier: GPL-2.0-or-later
#include "signindialog.h"

#include "cliconfig.h"
#include "platformclient.h"
#include "ui_signindialog.h"
#include "uistyle.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLayout>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>

namespace lap {

namespace {

// An eye (open, or struck through) for the show/hide key action, drawn in the text colour so
// the action is visible even where the icon theme has no view-visible/view-hidden.
QIcon drawnEyeIcon(const QColor &color, bool struck)
{
    QPixmap pm(64, 64);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 5));
    QPainterPath eye;
    eye.moveTo(6, 32);
    eye.quadTo(32, 4, 58, 32);
    eye.quadTo(32, 60, 6, 32);
    p.drawPath(eye);
    p.setBrush(color);
    p.drawEllipse(QPointF(32, 32), 8, 8);
    if (struck)
        p.drawLine(12, 54, 52, 10);
    return QIcon(pm);
}

QIcon eyeIcon(const QColor &color, bool struck)
{
    const QString name = struck ? QStringLiteral("view-hidden") : QStringLiteral("view-visible");
    return QIcon::fromTheme(name, drawnEyeIcon(color, struck));
}

} // namespace

SignInDialog::SignInDialog(QNetworkAccessManager *nam, ProfileStore *profiles,
                           CredentialStore *keys, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_keys(keys)
    , m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    setMinimumWidth(600);
    m_client = new PlatformClient(nam, PlatformConfig{}, this);

    m_signInButton = m_ui->buttonBox->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::startSignIn);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    m_showKeyAction = m_ui->keyEdit->addAction(QIcon(), QLineEdit::TrailingPosition);
    m_showKeyAction->setObjectName(QStringLiteral("showKeyAction"));
    m_showKeyAction->setCheckable(true);
    connect(m_showKeyAction, &QAction::toggled, this, &SignInDialog::setKeyVisible);
    setKeyVisible(false);

    showAsErrorText(m_ui->urlError);
    showAsErrorText(m_ui->errorLabel);
    m_ui->urlError->hide();
    m_ui->errorLabel->hide();
    m_ui->keychainFrame->hide();
    m_ui->busyRow->hide();

    connect(m_ui->importButton, &QPushButton::clicked, this, &SignInDialog::chooseCliConfig);
    connect(m_ui->continueInMemoryButton, &QPushButton::clicked, this,
            &SignInDialog::continueWithoutKeychain);
    connect(m_ui->keychainCancelButton, &QPushButton::clicked, this, &SignInDialog::backToEditing);
    connect(m_ui->profileCombo, QOverload<int>::of(&QComboBox::activated), this,
            &SignInDialog::onProfileActivated);
    connect(m_ui->urlEdit, &QLineEdit::textEdited, m_ui->urlError, &QWidget::hide);

    for (const Profile &p : m_profiles->profiles())
        m_ui->profileCombo->addItem(p.name);
    const Profile active = m_profiles->active();
    setProfileName(active.isValid() ? active.name : QStringLiteral("default"));
    updateImportHint();
}

SignInDialog::~SignInDialog()
{
    if (m_call)
        m_call->abort();
}

void SignInDialog::setProfileName(const QString &name)
{
    m_ui->profileCombo->setCurrentText(name);
    const int index = m_ui->profileCombo->findText(name);
    if (index >= 0) {
        m_ui->profileCombo->setCurrentIndex(index);
        onProfileActivated(index);
    }
}

void SignInDialog::setMessage(const QString &text)
{
    if (text.isEmpty())
        clearMessages();
    else
        showError(text);
}

void SignInDialog::onProfileActivated(int index)
{
    const Profile p = m_profiles->profile(m_ui->profileCombo->itemText(index));
    if (p.isValid())
        m_ui->urlEdit->setText(p.baseUrl.toString());
    m_ui->urlError->hide();
}

void SignInDialog::setKeyVisible(bool visible)
{
    m_ui->keyEdit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    const QColor color = palette().color(QPalette::Text);
    m_showKeyAction->setIcon(eyeIcon(color, visible));
    m_showKeyAction->setText(visible ? tr("Hide key") : tr("Show key"));
    m_showKeyAction->setToolTip(m_showKeyAction->text());
}

void SignInDialog::updateImportHint()
{
    if (!m_importedPath.isEmpty()) {
        m_ui->importHint->setText(
            tr("Imported %1. Sign in to check the key and keep it in the keychain.")
                .arg(QDir::toNativeSeparators(m_importedPath)));
        return;
    }
    const QString path = defaultCliConfigPath();
    if (QFileInfo::exists(path))
        m_ui->importHint->setText(
            tr("Found a lap CLI config at %1.").arg(QDir::toNativeSeparators(path)));
    else
        m_ui->importHint->setText(tr("Used the lap command-line tool? Import its config file."));
}

void SignInDialog::chooseCliConfig()
{
    QString path = defaultCliConfigPath();
    if (!QFileInfo::exists(path)) {
        path = QFileDialog::getOpenFileName(this, tr("Import lap CLI config"), QDir::homePath(),
                                            tr("lap config (config.json);;JSON files (*.json);;"
                                               "All files (*)"));
        if (path.isEmpty())
            return;
    }
    importCliConfig(path);
}

bool SignInDialog::importCliConfig(const QString &path)
{
    clearMessages();
    const Result<CliConfig> r = readCliConfig(path);
    if (!r.ok()) {
        showError(r.error.text(), r.error.detail);
        return false;
    }
    m_ui->urlEdit->setText(r.value.base.toString());
    m_ui->keyEdit->setText(r.value.key);
    m_importedPath = r.value.path.isEmpty() ? path : r.value.path;
    updateImportHint();
    return true;
}

void SignInDialog::clearMessages()
{
    m_ui->urlError->hide();
    m_ui->errorLabel->clear();
    m_ui->errorLabel->setToolTip(QString());
    m_ui->errorLabel->hide();
}

void SignInDialog::showError(const QString &text, const QString &detail)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setToolTip(detail);
    m_ui->errorLabel->show();
    growToFit();
}

void SignInDialog::setStage(Stage stage, const QString &busyText)
{
    m_stage = stage;
    const bool editing = stage == Stage::Editing;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->profileCombo), static_cast<QWidget *>(m_ui->urlEdit),
          static_cast<QWidget *>(m_ui->keyEdit), static_cast<QWidget *>(m_ui->importButton),
          static_cast<QWidget *>(m_signInButton)})
        w->setEnabled(editing);
    // Nothing can stop a keychain write half-way, so there is nothing to cancel then.
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(stage != Stage::SavingKey);
    // During the keychain choice only its two buttons answer; a second Cancel would be
    // ambiguous.
    m_ui->buttonBox->setEnabled(stage != Stage::KeychainChoice);
    m_ui->busyLabel->setText(busyText);
    m_ui->busyRow->setVisible(!busyText.isEmpty());
    m_ui->keychainFrame->setVisible(stage == Stage::KeychainChoice);
    // Disabling the focused field moved focus (and with it the default button) to Cancel;
    // Enter must mean "Sign in" again.
    if (editing)
        m_signInButton->setDefault(true);
    growToFit();
}

void SignInDialog::growToFit()
{
    // Word-wrapped messages appear after the dialog got its size; a top-level window does not
    // grow for height-for-width contents by itself, so the text would be cut off.
    QLayout *l = layout();
    l->activate();
    const int w = qMax(width(), l->minimumSize().width());
    const int h = l->hasHeightForWidth() ? l->totalHeightForWidth(w) : l->totalSizeHint().height();
    if (w > width() || h > height())
        resize(w, qMax(h, height()));
}

void SignInDialog::startSignIn()
{
    if (m_stage != Stage::Editing)
        return;
    clearMessages();

    const QString name = m_ui->profileCombo->currentText().trimmed();
    if (name.isEmpty()) {
        showError(tr("Enter a name for this profile, e.g. default."));
        m_ui->profileCombo->setFocus();
        return;
    }
    QString urlError;
    const QUrl base = normalizeBaseUrl(m_ui->urlEdit->text(), &urlError);
    if (!base.isValid()) {
        m_ui->urlError->setText(urlError.isEmpty()
                                    ? tr("Enter the platform URL, e.g. https://lap.example.com.")
                                    : urlError);
        m_ui->urlError->show();
        growToFit();
        m_ui->urlEdit->setFocus();
        return;
    }
    // A bearer key never contains whitespace; a pasted trailing newline would only cause a 401.
    const QString key = m_ui->keyEdit->text().trimmed();
    if (key.isEmpty()) {
        showError(tr("Enter the master key."));
        m_ui->keyEdit->setFocus();
        return;
    }

    m_pendingProfile = Profile{name, base};
    m_pendingKey = key;
    PlatformConfig config;
    config.baseUrl = base;
    config.masterKey = key;
    config.caFile = m_caFile;
    m_client->setConfig(config);
    setStage(Stage::Checking, tr("Checking the key with %1…").arg(base.toDisplayString()));

    AgentQuery query;
    query.limit = 1;
    m_call =
        m_client->listAgents(query, [this](const Result<AgentPage> &r) { onChecked(r.error); });
}

void SignInDialog::onChecked(const LapError &error)
{
    m_call = nullptr;
    if (m_stage != Stage::Checking)
        return;
    if (error.isError()) {
        m_pendingKey.clear();
        setStage(Stage::Editing);
        if (error.kind != LapError::Kind::Cancelled)
            showError(error.text(), error.detail);
        // Where the fix most likely goes, so that typing it and pressing Enter tries again.
        QLineEdit *fix = error.kind == LapError::Kind::Auth ? m_ui->keyEdit : m_ui->urlEdit;
        fix->setFocus();
        fix->selectAll();
        return;
    }
    setStage(Stage::SavingKey, tr("Saving the key in the keychain…"));
    QPointer<SignInDialog> self(this);
    m_keys->writeKey(m_pendingProfile.name, m_pendingKey, [self](const LapError &e) {
        if (self)
            self->onKeyWritten(e);
    });
}

void SignInDialog::onKeyWritten(const LapError &error)
{
    if (m_stage != Stage::SavingKey)
        return;
    if (error.isError()) {
        // The buttons below spell out the choice; the message says what is missing and why.
        m_ui->keychainLabel->setText(error.text());
        m_ui->keychainLabel->setToolTip(error.detail);
        setStage(Stage::KeychainChoice);
        m_ui->continueInMemoryButton->setFocus();
        return;
    }
    m_keySavedInKeychain = true;
    finish();
}

void SignInDialog::continueWithoutKeychain()
{
    if (m_stage != Stage::KeychainChoice)
        return;
    m_keySavedInKeychain = false;
    finish();
}

void SignInDialog::backToEditing()
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    // Without a keychain the store keeps the key in memory on its own; declining the in-memory
    // choice has to undo that, or the key would be used after all.
    if (m_stage == Stage::KeychainChoice && m_keys->isKeptInMemory(m_pendingProfile.name))
        m_keys->deleteKey(m_pendingProfile.name, nullptr);
    m_pendingKey.clear();
    setStage(Stage::Editing);
}

void SignInDialog::finish()
{
    setStage(Stage::Finishing);
    m_profiles->save(m_pendingProfile);
    m_profiles->setActiveName(m_pendingProfile.name);
    m_profile = m_pendingProfile;
    m_masterKey = m_pendingKey;
    m_pendingKey.clear();
    // The line edit's copy of the key outlives nothing useful once it is handed over.
    m_ui->keyEdit->clear();
    if (!m_importedPath.isEmpty() && QFileInfo::exists(m_importedPath))
        offerCliConfigDeletion();
    else
        done(Accepted);
}

void SignInDialog::offerCliConfigDeletion()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete lap CLI config"),
                                tr("Delete %1? It holds your master key in plain text.")
                                    .arg(QDir::toNativeSeparators(m_importedPath)),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteCliConfigBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setInformativeText(
        m_keySavedInKeychain
            ? tr("The key is now in the keychain. The lap command-line tool reads this file too "
                 "and will ask you to log in again.")
            : tr("The key was not saved in a keychain: after deleting the file you will have to "
                 "enter it again next time. The lap command-line tool will ask you to log in "
                 "again too."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QAbstractButton *yes = box->button(QMessageBox::Yes);
    connect(box, &QDialog::finished, this, [this, box, yes](int) {
        if (box->clickedButton() == yes)
            deleteCliConfig();
        else
            done(Accepted);
    });
    box->open();
}

void SignInDialog::deleteCliConfig()
{
    QFile file(m_importedPath);
    if (file.remove()) {
        done(Accepted);
        return;
    }
    // Signed in all the same; the user has to know the plaintext copy is still there.
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete lap CLI config"),
                        tr("Could not delete %1: %2. Delete it yourself; it holds your "
                           "master key in plain text.")
                            .arg(QDir::toNativeSeparators(m_importedPath), file.errorString()),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("deleteCliConfigFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, [this](int) { done(Accepted); });
    box->open();
}

void SignInDialog::reject()
{
    switch (m_stage) {
    case Stage::Checking:
    case Stage::KeychainChoice:
        // Stop this attempt but keep what was typed.
        backToEditing();
        return;
    case Stage::SavingKey:
    case Stage::Finishing:
        return;
    case Stage::Editing:
        break;
    }
    QDialog::reject();
}

void SignInDialog::done(int result)
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    m_pendingKey.clear();
    QDialog::done(result);
    // Ready for another exec(): the fields are editable again (the key field is empty).
    setStage(Stage::Editing);
}

} // namespace lap
