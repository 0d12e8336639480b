# SPDX-License-Identifier: GPL-2.0-or-later
# Sessions that survive: the attach dialog. Screenshots go to <build>/screenshots/
# (attachdialog.png, attachdialog-dead.png, attachdialog-paste-url.png,
# attachdialog-paste-error.png, attachdialog-error.png).
lap_add_qtest(tst_attachdialog
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_attachdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/dlgtestutil.h
            ${PROJECT_SOURCE_DIR}/tests/core/cannedhttpserver.h
    LIBS lapapp laplocal TIMEOUT 120)
