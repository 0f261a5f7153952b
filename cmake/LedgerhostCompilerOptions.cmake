# One INTERFACE target carries our warnings and sanitizers; every first-party target links it PRIVATE.
add_library(ledgerhost_compiler_options INTERFACE)
target_compile_options(ledgerhost_compiler_options INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Werror -Wno-error=deprecated-declarations>)
# GCC 12 at -O2/-O3 reports -Wrestrict inside libstdc++'s own std::string operator+ (GCC bug 105329),
# which would make every optimised build fail under -Werror; the warning is about the library, not us.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(ledgerhost_compiler_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
endif()
if(LEDGERHOST_SANITIZE)
  target_compile_options(ledgerhost_compiler_options INTERFACE
    -fsanitize=${LEDGERHOST_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(ledgerhost_compiler_options INTERFACE -fsanitize=${LEDGERHOST_SANITIZE})
  # UBSan's vptr check needs the typeinfo of SOCI's internal classes, which libsoci_core does not
  # export: a plugin running SOCI statements through ServiceHub::Session() (the iou sample) would
  # fail to load with an undefined symbol.
  if(LEDGERHOST_SANITIZE MATCHES "undefined")
    target_compile_options(ledgerhost_compiler_options INTERFACE -fno-sanitize=vptr)
  endif()
endif()
