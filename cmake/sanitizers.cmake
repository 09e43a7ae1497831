# ASan + UBSan for the sanitizer build (cmake -DRAPPORT_SANITIZE=ON). Recovery is off so
# the first report fails the test run.
add_library(rapport_sanitizers INTERFACE)
if(RAPPORT_SANITIZE)
  target_compile_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                      -fno-omit-frame-pointer)
  target_link_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
# The fuzz build (cmake -DRAPPORT_FUZZ=ON with clang) instruments our code for libFuzzer's
# coverage as well; the fuzz targets add -fsanitize=fuzzer at link time for the driver.
if(RAPPORT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RAPPORT_FUZZ needs clang (CXX=clang++): libFuzzer is part of clang")
  endif()
  target_compile_options(rapport_sanitizers INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                      -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
