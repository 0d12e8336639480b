# SPDX-License-Identifier: GPL-2.0-or-later
# Sessions that survive: single instance, keep-alive, saved tabs.
set(LAP_SURVIVE_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})

# Re-executes itself as a second lap-desktop process (forwarding, or a primary that is killed).
lap_add_qtest(tst_singleinstance
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_singleinstance.cpp
    LIBS lapcore TIMEOUT 120)

# Policy tables, a fake clock against a canned server, and the local platform's 3 s reaper.
lap_add_qtest(tst_sessionkeepalive
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_sessionkeepalive.cpp
            ${LAP_SURVIVE_TEST_DIR}/cannedhttpserver.h
    LIBS lapcore laplocal TIMEOUT 120)

lap_add_qtest(tst_tabsnapshot
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_tabsnapshot.cpp
    LIBS lapcore)

# What is saved of the open tabs: merge rules, written per change, no network.
lap_add_qtest(tst_tabstore
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_tabstore.cpp
    LIBS lapcore)

# Suspend/resume by clock jumps (an injected clock) and network reachability changes.
lap_add_qtest(tst_wakewatcher
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_wakewatcher.cpp
    LIBS lapcore)

# SessionLink: the reconnect rules as pure functions, then one session's whole life against the
# local platform in-process (drops, outage input, death, restart, key consent, terminate).
lap_add_qtest(tst_sessionlink
    SOURCES ${LAP_SURVIVE_TEST_DIR}/tst_sessionlink.cpp
    LIBS lapcore laplocal TIMEOUT 180)
