# Chat tabs: the SSE parser and the event decoder, replayed over the captures of
# docs/platform-chat.md (copied to chat-fixtures/, so the tests need nothing outside the tree).
lap_add_qtest(tst_sseparser SOURCES tst_sseparser.cpp LIBS lapcore)
lap_add_qtest(tst_chatfixtures SOURCES tst_chatfixtures.cpp LIBS lapcore)
foreach(t tst_sseparser tst_chatfixtures)
    target_compile_definitions(${t} PRIVATE
        LAP_CHAT_FIXTURES_DIR="${CMAKE_CURRENT_SOURCE_DIR}/chat-fixtures")
endforeach()
