// SPDX-License-Identifier: GPL-2.0-or-later
#include "settingsdialog.h"

#include "ui_settingsdialog.h"
#include "uistyle.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPushButton>

namespace lap {

namespace {

void showFieldError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_initial(settings)
{
    m_ui->setupUi(this);

    m_ui->fontSizeSpin->setRange(TerminalSettings::minFontPointSize,
                                 TerminalSettings::maxFontPointSize);
    m_ui->pollGiveUpSpin->setRange(AppSettings::kMinPollGiveUpSeconds,
                                   AppSettings::kMaxPollGiveUpSeconds);
    m_ui->colorSchemeCombo->addItems(TerminalSettings::availableColorSchemes());

    for (QLabel *error : {m_ui->ttyFallbackError, m_ui->caFileError}) {
        showAsErrorText(error);
        error->setTextInteractionFlags(Qt::TextSelectableByMouse);
        error->hide();
    }
    showAsSecondaryText(m_ui->keepAliveHint);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    connect(m_ui->caFileBrowse, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_ui->ttyFallbackEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);

    setFields(settings);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setFields(const AppSettings &s)
{
    const TerminalSettings &t = s.terminal;
    // A scheme given as a path, or one removed since, must survive an OK that did not touch it.
    if (m_ui->colorSchemeCombo->findText(t.colorScheme) < 0)
        m_ui->colorSchemeCombo->addItem(t.colorScheme);
    m_ui->colorSchemeCombo->setCurrentText(t.colorScheme);
    m_ui->fontCombo->setCurrentFont(t.font());
    m_systemFontFamily =
        t.fontFamily.isEmpty() ? m_ui->fontCombo->currentFont().family() : QString();
    m_ui->fontSizeSpin->setValue(t.fontPointSize);
    m_ui->scrollbackSpin->setValue(t.scrollbackLines);
    m_ui->ctrlDCheck->setChecked(t.ctrlDDetaches);
    m_ui->bracketedPasteCheck->setChecked(t.bracketedPaste);
    m_ui->copyOnSelectCheck->setChecked(t.copyOnSelect);
    m_ui->visibleBellCheck->setChecked(t.visibleBell);
    m_ui->clickableUrlsCheck->setChecked(t.clickableUrls);

    m_ui->pollGiveUpSpin->setValue(s.pollGiveUpSeconds);
    m_ui->ttyFallbackEdit->setText(s.ttyFallbackUrl);
    m_ui->keepAliveCheck->setChecked(s.keepSessionsAlive);
    m_ui->autoReconnectCheck->setChecked(s.autoReconnect);
    m_ui->caFileEdit->setText(s.caFile);
    validate();
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    TerminalSettings &t = s.terminal;
    t.colorScheme = m_ui->colorSchemeCombo->currentText();
    const QString family = m_ui->fontCombo->currentFont().family();
    // Empty means "the system's fixed font" and follows the desktop if that changes; keep it
    // unless the user really picked another family.
    t.fontFamily =
        (!m_systemFontFamily.isEmpty() && family == m_systemFontFamily) ? QString() : family;
    t.fontPointSize = m_ui->fontSizeSpin->value();
    t.scrollbackLines = m_ui->scrollbackSpin->value();
    t.ctrlDDetaches = m_ui->ctrlDCheck->isChecked();
    t.bracketedPaste = m_ui->bracketedPasteCheck->isChecked();
    t.copyOnSelect = m_ui->copyOnSelectCheck->isChecked();
    t.visibleBell = m_ui->visibleBellCheck->isChecked();
    t.clickableUrls = m_ui->clickableUrlsCheck->isChecked();

    s.pollGiveUpSeconds = m_ui->pollGiveUpSpin->value();
    s.ttyFallbackUrl = m_ui->ttyFallbackEdit->text().trimmed();
    s.keepSessionsAlive = m_ui->keepAliveCheck->isChecked();
    s.autoReconnect = m_ui->autoReconnectCheck->isChecked();
    s.caFile = m_ui->caFileEdit->text().trimmed();
    return s;
}

void SettingsDialog::showConnectionPage()
{
    m_ui->tabs->setCurrentWidget(m_ui->connectionPage);
}

void SettingsDialog::validate()
{
    const QString fallbackError =
        AppSettings::validateTtyFallbackUrl(m_ui->ttyFallbackEdit->text());
    const QString caError = AppSettings::validateCaFile(m_ui->caFileEdit->text());
    showFieldError(m_ui->ttyFallbackError, fallbackError);
    showFieldError(m_ui->caFileError, caError);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(fallbackError.isEmpty() && caError.isEmpty());
}

void SettingsDialog::browseCaFile()
{
    const QString current = m_ui->caFileEdit->text().trimmed();
    const QString dir = current.isEmpty() ? QString() : QFileInfo(current).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose CA certificates"), dir,
                                     tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_ui->caFileEdit->setText(path);
}

void SettingsDialog::restoreDefaults()
{
    setFields(AppSettings{});
}

} // namespace lap
