# Installs the SDK from the build tree into a staging prefix, builds tests/sdk/out_of_tree against it
# with find_package(LedgerhostSDK), and checks that the host loads the result.
# Then builds and runs the plugin's own test on the installed test kit (ledgerhost::testkit).
#   -DBINARY_DIR= -DSOURCE_DIR= -DWORK_DIR= -DLEDGERHOST= -DGENERATOR= [-DSANITIZE=address,undefined]
file(REMOVE_RECURSE "${WORK_DIR}")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${WORK_DIR}/prefix")
# A sanitized test kit needs a sanitized test executable (the sanitizer runtime must load first).
set(flags "")
if(SANITIZE)
  set(flags "-fsanitize=${SANITIZE} -fno-sanitize=vptr -fno-omit-frame-pointer")
endif()
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${flags}")
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
file(MAKE_DIRECTORY "${WORK_DIR}/node/plugins")
file(COPY "${WORK_DIR}/build/libhello.so" DESTINATION "${WORK_DIR}/node/plugins")
# The installed executable, not the build tree's: `cmake --install` must carry it too.
if(NOT EXISTS "${WORK_DIR}/prefix/bin/ledgerhost")
  message(FATAL_ERROR "cmake --install did not install bin/ledgerhost")
endif()
run("${WORK_DIR}/prefix/bin/ledgerhost" --log-level warn plugins --base-directory "${WORK_DIR}/node")
foreach(expected "hello-out-of-tree 2.0.0" "HelloSchemaV1  (org.example.HelloSchema v1)"
                 "migration: migration/hello-schema-v1.changelog-master.yaml" "service:   greeter")
  string(FIND "${last_output}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "ledgerhost plugins did not show '${expected}':\n${last_output}")
  endif()
endforeach()
message(STATUS "out-of-tree plugin built against the installed SDK and loaded:\n${last_output}")
run("${WORK_DIR}/build/hello_test")
message(STATUS "its test passed on the installed test kit:\n${last_output}")
