# SPDX-License-Identifier: GPL-2.0-or-later
# Installation, translations and Debian packages. Included at the end of the top-level
# CMakeLists.txt, once every target exists. Nothing here downloads or renders anything at build
# time: the icons are committed PNGs and the translations are compiled from translations/*.ts.
#
#   cmake --install <build> [--prefix /usr]     binaries, desktop file, metainfo, icons, .qm
#   cmake --build <build> --target lap-desktop_lupdate   refresh translations/*.ts from sources
#   cd <build> && cpack -G DEB                  lap-desktop_<v>_<arch>.deb + lap-localplatform_…
#
# Two packages, one per CMake install component: `desktop` (lap-desktop) and `localplatform`
# (lap-localplatform). The local platform is a development and demo tool that nobody talking to a
# real platform needs on their PATH, and only it wants tmux.

set(LAP_APP_ID io.github.lap_desktop.LapDesktop)
set(LAP_LANGUAGES de fr zh_CN)
set(LAP_TRANSLATIONS_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/lap-desktop/translations)
# What lupdate scans: everything whose strings a user of lap-desktop can read. The local platform
# is left out on purpose: its texts mirror the real platform's replies byte for byte.
set(LAP_LUPDATE_SOURCES src/core src/app forms)
# No line numbers in the .ts files: a code change elsewhere in a file must not touch them.
set(LAP_LUPDATE_OPTIONS -locations none -no-ui-lines)

# --- Translations --------------------------------------------------------------------------------
if(LAP_HAVE_APP)
    set(LAP_TS_FILES)
    foreach(lang IN LISTS LAP_LANGUAGES)
        list(APPEND LAP_TS_FILES ${PROJECT_SOURCE_DIR}/translations/lap-desktop_${lang}.ts)
    endforeach()
    set_source_files_properties(${LAP_TS_FILES} PROPERTIES
        OUTPUT_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/translations)
    qt_add_translation(LAP_QM_FILES ${LAP_TS_FILES})

    # The .qm files are also embedded under :/i18n, so a binary run from the build tree or copied
    # elsewhere still speaks the user's language. An OBJECT library, because a resource in a
    # static library is dropped by the linker unless something references it.
    set(qrc_text "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n  <qresource prefix=\"/i18n\">\n")
    foreach(lang IN LISTS LAP_LANGUAGES)
        string(APPEND qrc_text
            "    <file alias=\"lap-desktop_${lang}.qm\">translations/lap-desktop_${lang}.qm</file>\n")
    endforeach()
    string(APPEND qrc_text "  </qresource>\n</RCC>\n")
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/lap_i18n.qrc.in "${qrc_text}")
    configure_file(${CMAKE_CURRENT_BINARY_DIR}/lap_i18n.qrc.in
        ${CMAKE_CURRENT_BINARY_DIR}/lap_i18n.qrc COPYONLY)
    qt_add_resources(LAP_I18N_SOURCES ${CMAKE_CURRENT_BINARY_DIR}/lap_i18n.qrc)
    add_library(lapi18n OBJECT ${LAP_I18N_SOURCES} ${LAP_QM_FILES})
    set_target_properties(lapi18n PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    target_link_libraries(lapi18n PRIVATE ${QT}::Core)
    target_link_libraries(lap-desktop PRIVATE lapi18n)

    add_custom_target(lap-desktop_lupdate
        COMMAND ${QT}::lupdate ${LAP_LUPDATE_OPTIONS} -no-obsolete ${LAP_LUPDATE_SOURCES}
                -ts ${LAP_TS_FILES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Refreshing translations/*.ts from ${LAP_LUPDATE_SOURCES}"
        VERBATIM)

    install(FILES ${LAP_QM_FILES} DESTINATION ${LAP_TRANSLATIONS_INSTALL_DIR} COMPONENT desktop)
endif()

# --- Manual pages and the Debian changelog ------------------------------------------------------
# Compressed the way Debian wants them (gzip -9n: no name, no timestamp, so the build is
# reproducible); man-db reads them the same everywhere else.
find_program(LAP_GZIP gzip REQUIRED)
set(gz_inputs packaging/lap-localplatform.1 packaging/changelog)
if(LAP_HAVE_APP)
    list(APPEND gz_inputs packaging/lap-desktop.1)
endif()
set(gz_outputs)
foreach(input IN LISTS gz_inputs)
    get_filename_component(name ${input} NAME)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/gz/${name}.gz)
    add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/gz
        COMMAND ${LAP_GZIP} -9n -c ${PROJECT_SOURCE_DIR}/${input} > ${out}
        DEPENDS ${PROJECT_SOURCE_DIR}/${input}
        VERBATIM)
    list(APPEND gz_outputs ${out})
endforeach()
add_custom_target(lap-compressed-docs ALL DEPENDS ${gz_outputs})

# --- Desktop integration -------------------------------------------------------------------------
if(LAP_HAVE_APP)
    install(FILES packaging/${LAP_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
    install(FILES packaging/${LAP_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT desktop)
    set(icon_dir ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
    install(FILES resources/icons/lap-desktop.svg DESTINATION ${icon_dir}/scalable/apps
        RENAME ${LAP_APP_ID}.svg COMPONENT desktop)
    foreach(size 16 22 24 32 48 64 128 256)
        install(FILES resources/icons/png/lap-desktop-${size}.png
            DESTINATION ${icon_dir}/${size}x${size}/apps RENAME ${LAP_APP_ID}.png
            COMPONENT desktop)
    endforeach()
    # Tray states, for themes and the app alike (also embedded under :/icons/tray/).
    foreach(state idle connected reconnecting offline)
        install(FILES resources/icons/tray/lap-desktop-tray-${state}.svg
            DESTINATION ${icon_dir}/scalable/status RENAME ${LAP_APP_ID}-tray-${state}.svg
            COMPONENT desktop)
    endforeach()
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gz/lap-desktop.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT desktop)
    install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lap-desktop
        COMPONENT desktop)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gz/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lap-desktop RENAME changelog.Debian.gz
        COMPONENT desktop)
endif()
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gz/lap-localplatform.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT localplatform)
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lap-localplatform
    COMPONENT localplatform)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/gz/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lap-localplatform RENAME changelog.Debian.gz
    COMPONENT localplatform)

# --- Debian packages (CPack) ---------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lap-desktop)
set(CPACK_PACKAGE_VENDOR "The LAP Desktop developers")
set(CPACK_PACKAGE_CONTACT "LAP Desktop maintainers <lap-desktop@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's description starts with its own synopsis line. CPackDeb would put this summary
# in front of both unless it is CPack's default, so it is set to exactly that.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# Debian packages ship stripped binaries (the build tree keeps the debug info).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
if(LAP_HAVE_APP)
    set(CPACK_COMPONENTS_ALL desktop localplatform)
else()
    set(CPACK_COMPONENTS_ALL localplatform)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The Debian 12 packages link Qt5 and QTermWidget 1, the Debian 13 ones Qt6 and QTermWidget 2:
# the release names the distribution it was built for (0.1.0-1~deb12, 0.1.0-1~deb13), so the
# two are told apart and the newer distribution's sorts higher.
set(LAP_DEB_DISTRIBUTION "" CACHE STRING "Suffix of the Debian release, e.g. deb13; empty: this machine's")
if(LAP_DEB_DISTRIBUTION STREQUAL "" AND EXISTS /etc/os-release)
    file(STRINGS /etc/os-release os_release_id REGEX "^ID=")
    file(STRINGS /etc/os-release os_release_version REGEX "^VERSION_ID=")
    string(REGEX REPLACE "^ID=\"?([a-z]+)\"?$" "\\1" os_release_id "${os_release_id}")
    string(REGEX REPLACE "^VERSION_ID=\"?([0-9]+).*$" "\\1" os_release_version "${os_release_version}")
    if(os_release_id STREQUAL "debian" AND os_release_version MATCHES "^[0-9]+$")
        set(LAP_DEB_DISTRIBUTION deb${os_release_version})
    endif()
endif()
if(LAP_DEB_DISTRIBUTION STREQUAL "")
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
else()
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1~${LAP_DEB_DISTRIBUTION})
endif()
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/lap-desktop/lap-desktop")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
# Depends from the ELF files' NEEDED entries (dpkg-shlibdeps), plus what they load at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME lap-desktop)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION net)
# The window and tray icons are SVG: without Qt's SVG image and icon-engine plugins they are
# blank. Debian ships them in libqt5svg5 for Qt5 and in qt6-svg-plugins for Qt6.
if(QT_MAJOR EQUAL 5)
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libqt5svg5")
else()
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "qt6-svg-plugins")
endif()
# Qt's own strings (standard buttons) in the user's language; a Secret Service for the keychain.
if(QT_MAJOR EQUAL 5)
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS
        "qttranslations5-l10n, gnome-keyring | libkf5wallet-bin | keepassxc")
else()
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS
        "qt6-translations-l10n, gnome-keyring | kwallet6 | keepassxc")
endif()
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SUGGESTS "lap-localplatform")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION
    "Desktop client for the LiteLLM Agent Platform
LAP Desktop opens terminal tabs on the sandbox pods of the LiteLLM Agent
Platform, where coding agents such as Claude Code, Codex or Gemini run. Sign
in once (the master key is kept in the system keychain), pick an agent and
get a terminal on its sandbox: one tab per session, with a tray menu,
automatic reconnects and clear error messages.")

set(CPACK_DEBIAN_LOCALPLATFORM_PACKAGE_NAME lap-localplatform)
set(CPACK_DEBIAN_LOCALPLATFORM_PACKAGE_SECTION devel)
# Without tmux every reattach starts a new shell; with it, the session's shell survives.
set(CPACK_DEBIAN_LOCALPLATFORM_PACKAGE_RECOMMENDS "tmux")
set(CPACK_COMPONENT_LOCALPLATFORM_DESCRIPTION
    "Local LiteLLM Agent Platform for demos and tests
lap-localplatform serves the LiteLLM Agent Platform's REST API and terminal
WebSocket on 127.0.0.1, with real shells on real pseudo-terminals (inside
tmux when it is installed), so LAP Desktop and the lap CLI can be tried and
tested without a cluster. It never listens on other interfaces.")
# `cpack --config CPackSourceConfig.cmake`: a source tarball without build trees or VCS data.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME ${CMAKE_PROJECT_NAME}-${PROJECT_VERSION})
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/\\.cache/" "/build[^/]*/" "\\.user$")
include(CPack)

# --- Tests ---------------------------------------------------------------------------------------
if(BUILD_TESTING)
    find_program(LAP_DESKTOP_FILE_VALIDATE desktop-file-validate)
    find_program(LAP_APPSTREAMCLI appstreamcli)
    if(LAP_HAVE_APP)
        lap_add_qtest(tst_translations SOURCES tests/i18n/tst_translations.cpp
            LIBS lapapp lapi18n TIMEOUT 120 LABELS i18n)
        # The languages and the lupdate call above, space-separated: the test checks what is built.
        list(JOIN LAP_LANGUAGES " " languages)
        list(JOIN LAP_LUPDATE_SOURCES " " lupdate_sources)
        list(JOIN LAP_LUPDATE_OPTIONS " " lupdate_options)
        target_compile_definitions(tst_translations PRIVATE
            LAP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
            LAP_LANGUAGES="${languages}"
            LAP_LUPDATE_SOURCES="${lupdate_sources}"
            LAP_LUPDATE_OPTIONS="${lupdate_options}"
            LAP_LUPDATE="$<TARGET_FILE:${QT}::lupdate>"
            LAP_LRELEASE="$<TARGET_FILE:${QT}::lrelease>")
        # The built binary with no translations installed next to it: the embedded copy answers.
        add_test(NAME lap-desktop_help_de COMMAND lap-desktop --help)
        set(help_env QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=de_DE)
        if(LAP_SANITIZE) # the same sanitizer options as every lap_add_qtest test
            list(APPEND help_env ${LAP_SANITIZER_TEST_ENV})
        endif()
        set_tests_properties(lap-desktop_help_de PROPERTIES LABELS i18n
            ENVIRONMENT "${help_env}"
            PASS_REGULAR_EXPRESSION "Terminal-Tabs auf Sandboxes der LiteLLM Agent Platform")
        if(LAP_DESKTOP_FILE_VALIDATE)
            # desktop-file-validate exits 0 on hints; print them anyway, and fail on any line.
            add_test(NAME packaging_desktop_file
                COMMAND ${LAP_DESKTOP_FILE_VALIDATE}
                        ${PROJECT_SOURCE_DIR}/packaging/${LAP_APP_ID}.desktop)
            set_tests_properties(packaging_desktop_file PROPERTIES LABELS packaging
                FAIL_REGULAR_EXPRESSION "error|warning|hint")
        endif()
        if(LAP_APPSTREAMCLI)
            add_test(NAME packaging_metainfo
                COMMAND ${LAP_APPSTREAMCLI} validate --no-net --no-color
                        ${PROJECT_SOURCE_DIR}/packaging/${LAP_APP_ID}.metainfo.xml)
            set_tests_properties(packaging_metainfo PROPERTIES LABELS packaging
                FAIL_REGULAR_EXPRESSION "^[EW]: |\n[EW]: ")
        endif()
    endif()
endif()
