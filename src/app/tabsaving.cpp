// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabsaving.h"

#include "tabstore.h"
#include "terminaltab.h"

namespace lap {

SavedTab savedTabOf(const TerminalTab &tab, const QString &profile)
{
    SavedTab st;
    st.profile = profile;
    st.baseUrl = tab.baseUrl();
    st.agentName = tab.agentName();
    st.agentId = tab.agentId();
    st.sessionId = tab.sessionId();
    st.title = tab.title();
    return st;
}

bool isWorthRestoring(const TerminalTab &tab)
{
    return isWorthRestoring(tab.sessionId(), tab.state() == TerminalTab::State::Failed,
                            tab.lastError().kind);
}

} // namespace lap
