// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace lap {

// What a new user sees before the first tab: where they stand, and the two things they can do.
class EmptyPage : public QWidget
{
    Q_OBJECT
public:
    EmptyPage(const QIcon &logo, QWidget *parent);
    QLabel *textLabel() const { return m_text; }

signals:
    void openAgentClicked();
    void attachClicked();

private:
    QLabel *m_text = nullptr;
};

} // namespace lap
