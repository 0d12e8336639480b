// SPDX-License-Identifier: GPL-2.0-or-later
#include "emptypage.h"

#include <QCoreApplication>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lap {

namespace {

// These strings were MainWindow's: they keep its translation context, and so their translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(lap::MainWindow)
};

} // namespace

EmptyPage::EmptyPage(const QIcon &logoIcon, QWidget *parent) : QWidget(parent)
{
    auto *el = new QVBoxLayout(this);
    el->addStretch(2);
    auto *logo = new QLabel(this);
    logo->setPixmap(logoIcon.pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    auto *openButton = new QPushButton(Text::tr("Open agent…"), this);
    auto *attachButton = new QPushButton(Text::tr("Attach to session…"), this);
    openButton->setObjectName(QStringLiteral("emptyOpenAgent"));
    connect(openButton, &QPushButton::clicked, this, &EmptyPage::openAgentClicked);
    connect(attachButton, &QPushButton::clicked, this, &EmptyPage::attachClicked);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(openButton);
    row->addWidget(attachButton);
    row->addStretch();
    el->addWidget(logo);
    el->addSpacing(8);
    el->addWidget(m_text);
    el->addSpacing(12);
    el->addLayout(row);
    el->addStretch(3);
}

} // namespace lap
