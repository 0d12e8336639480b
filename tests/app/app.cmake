# Window, dialogs and end-to-end GUI tests

# --- Dialogs: SignInDialog, AgentPicker, SettingsDialog / AppSettings --------------------------
# Screenshots of each dialog go to <build>/screenshots/ (signin.png, agentpicker.png,
# settings.png, ...). tst_signindialog needs a real Secret Service (tools/test runs the suite in
# dbus-run-session with an unlocked gnome-keyring); tst_signindialog_nokeychain gets a session
# bus address that leads nowhere, so every keychain job fails as it does without D-Bus.
lap_add_qtest(tst_signindialog SOURCES tst_signindialog.cpp signinfixture.h dlgtestutil.h
    LIBS lapapp laplocal TIMEOUT 120)
lap_add_qtest(tst_signindialog_nokeychain
    SOURCES tst_signindialog_nokeychain.cpp signinfixture.h dlgtestutil.h
    LIBS lapapp laplocal TIMEOUT 60
    ENV DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/lap-dialog-test-bus)
lap_add_qtest(tst_agentpicker SOURCES tst_agentpicker.cpp dlgtestutil.h
    LIBS lapapp laplocal TIMEOUT 120)
lap_add_qtest(tst_settingsdialog SOURCES tst_settingsdialog.cpp dlgtestutil.h
    LIBS lapapp TIMEOUT 60)
# laptest::filesContaining of the secrets tests (secretscan.h) looks for the key under HOME.
foreach(t tst_signindialog tst_signindialog_nokeychain)
    target_include_directories(${t} PRIVATE ${PROJECT_SOURCE_DIR}/tests/secrets)
endforeach()
# --- end of dialog tests ------------------------------------------------------------------------

# --- Window and tabs: MainWindow, TerminalTab, tray -------------------------------------------
lap_add_qtest(tst_mainwindow SOURCES tst_mainwindow.cpp windowfixture.h dlgtestutil.h
    LIBS lapapp laplocal TIMEOUT 240)
lap_add_qtest(tst_survive SOURCES tst_survive.cpp windowfixture.h
    ${PROJECT_SOURCE_DIR}/tests/localplatform/lptesthelpers.h LIBS lapapp laplocal TIMEOUT 300)
# lptest::openFdCount
target_include_directories(tst_survive PRIVATE ${PROJECT_SOURCE_DIR}/tests/localplatform)
lap_add_qtest(tst_singleinstance_app SOURCES tst_singleinstance_app.cpp LIBS lapcore laplocal TIMEOUT 180)
target_compile_definitions(tst_singleinstance_app PRIVATE LAP_DESKTOP_BIN="$<TARGET_FILE:lap-desktop>")
add_dependencies(tst_singleinstance_app lap-desktop)

# Saved tabs across runs, profiles and a SIGKILL (starts lap-desktop processes for the last).
lap_add_qtest(tst_tabstore_app SOURCES tst_tabstore_app.cpp windowfixture.h
    LIBS lapapp laplocal TIMEOUT 300)
target_compile_definitions(tst_tabstore_app PRIVATE LAP_DESKTOP_BIN="$<TARGET_FILE:lap-desktop>")
add_dependencies(tst_tabstore_app lap-desktop)

# The window's parts on their own: the tray, and signing in.
lap_add_qtest(tst_tray SOURCES tst_tray.cpp LIBS lapapp TIMEOUT 60)
lap_add_qtest(tst_signinflow SOURCES tst_signinflow.cpp LIBS lapapp TIMEOUT 120)
