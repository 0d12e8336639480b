# TTY-side unit tests (TtyEndpoint, resume argument, TtyChannel) and CredentialStore.
lap_add_qtest(tst_ttyendpoint SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_ttyendpoint.cpp LIBS lapcore)
lap_add_qtest(tst_ttychannel SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_ttychannel.cpp
            ${PROJECT_SOURCE_DIR}/tests/common/rawwsserver.h
    LIBS lapcore ${QT}::WebSockets TIMEOUT 180)
# The keychain round-trip needs a session bus with an unlocked Secret Service (.ci/run provides
# one); without it that test skips and the mapping tests still run.
lap_add_qtest(tst_credentialstore SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_credentialstore.cpp
    LIBS lapcore TIMEOUT 120)
# TtyChannel flow control (setReadPaused), added with the benchmarks (bench/).
lap_add_qtest(tst_ttychannel_flow SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_ttychannel_flow.cpp
    LIBS lapcore ${QT}::WebSockets TIMEOUT 120)
# TtyChannel's wording and the bridge's notices, without a socket.
lap_add_qtest(tst_ttywording SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_ttywording.cpp LIBS lapcore)
