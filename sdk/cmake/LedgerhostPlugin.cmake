# ledgerhost_add_plugin(<name> SOURCES <files...> [MIGRATIONS <dir>] [CLASSPATH <dir>] [LIBRARIES <targets...>])
#
# Builds the plugin <name> as a shared library lib<name>.so (into ${LEDGERHOST_PLUGIN_OUTPUT_DIRECTORY}
# when set, else the current binary dir) that exports only `ledgerhost_plugin_v1`, and embeds every
# file below MIGRATIONS as a resource named "migration/<path relative to the dir>". Every file below
# CLASSPATH is embedded under its path relative to that dir alone, as in a JVM jar: a changelog
# brought from a JVM project includes "db/changelogs/x.xml" from the classpath root and records that
# path as its FILENAME, so its files keep their places. The embedded copy is regenerated whenever a
# resource file changes.
set(_LEDGERHOST_PLUGIN_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL "Where LedgerhostPlugin.cmake lives")

function(ledgerhost_add_plugin name)
  cmake_parse_arguments(ARG "" "MIGRATIONS;CLASSPATH" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "ledgerhost_add_plugin(${name}): SOURCES is required")
  endif()
  set(files "")
  set(migrations_dir "")
  if(ARG_MIGRATIONS)
    get_filename_component(migrations_dir "${ARG_MIGRATIONS}" ABSOLUTE)
    file(GLOB_RECURSE files CONFIGURE_DEPENDS "${migrations_dir}/*")
    list(SORT files)
  endif()
  set(classpath_files "")
  set(classpath_dir "")
  if(ARG_CLASSPATH)
    get_filename_component(classpath_dir "${ARG_CLASSPATH}" ABSOLUTE)
    file(GLOB_RECURSE classpath_files CONFIGURE_DEPENDS "${classpath_dir}/*")
    list(SORT classpath_files)
  endif()
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/${name}_resources.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${generated}" "-DROOT=${migrations_dir}" "-DFILES=${files}"
            "-DCLASSPATH_ROOT=${classpath_dir}" "-DCLASSPATH_FILES=${classpath_files}"
            -P "${_LEDGERHOST_PLUGIN_CMAKE_DIR}/LedgerhostEmbedResources.cmake"
    DEPENDS ${files} ${classpath_files} "${_LEDGERHOST_PLUGIN_CMAKE_DIR}/LedgerhostEmbedResources.cmake"
    COMMENT "Embedding migration resources of plugin ${name}"
    VERBATIM)
  add_library(${name} MODULE ${ARG_SOURCES} "${generated}")
  target_link_libraries(${name} PRIVATE ledgerhost::sdk ${ARG_LIBRARIES})
  set_target_properties(${name} PROPERTIES
    PREFIX "lib" SUFFIX ".so"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  if(LEDGERHOST_PLUGIN_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${LEDGERHOST_PLUGIN_OUTPUT_DIRECTORY}")
  endif()
endfunction()
