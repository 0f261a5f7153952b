# ledgerhost_add_test(<name> SOURCES ... LIBRARIES ...): one GoogleTest executable, each TEST a ctest entry.
include(GoogleTest)
function(ledgerhost_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES;DEFINITIONS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} GTest::gtest GTest::gmock GTest::gtest_main ledgerhost_compiler_options)
  target_compile_definitions(${name} PRIVATE ${ARG_DEFINITIONS}
    LEDGERHOST_SOURCE_DIR="${PROJECT_SOURCE_DIR}" LEDGERHOST_BINARY_DIR="${PROJECT_BINARY_DIR}")
  # tests/ on the include path: every test reaches the shared helpers in tests/support/.
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}" PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
