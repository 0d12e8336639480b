# SPDX-License-Identifier: GPL-2.0-or-later
# REST-side unit tests (models, PlatformClient, SessionOpener). The HTTP tests talk to a canned
# server on 127.0.0.1 (cannedhttpserver.h): real sockets, no mocked Qt classes.
set(LAP_REST_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})

lap_add_qtest(tst_models
    SOURCES ${LAP_REST_TEST_DIR}/tst_models.cpp
    LIBS lapcore)

lap_add_qtest(tst_platformclient
    SOURCES ${LAP_REST_TEST_DIR}/tst_platformclient.cpp ${LAP_REST_TEST_DIR}/cannedhttpserver.h
            ${LAP_REST_TEST_DIR}/testcerts.h
    LIBS lapcore)

lap_add_qtest(tst_sessionopener
    SOURCES ${LAP_REST_TEST_DIR}/tst_sessionopener.cpp ${LAP_REST_TEST_DIR}/cannedhttpserver.h
    LIBS lapcore)

# Pure parts of PlatformClient, without a network: request building and reply wording.
lap_add_qtest(tst_platformrequests
    SOURCES ${LAP_REST_TEST_DIR}/tst_platformrequests.cpp
    LIBS lapcore)

lap_add_qtest(tst_replyerrors
    SOURCES ${LAP_REST_TEST_DIR}/tst_replyerrors.cpp
    LIBS lapcore)
