# ASan + UBSan for the sanitizer build (cmake -DRAPPORT_SANITIZE=ON). Recovery is off so
# the first report fails the test run.
add_library(rapport_sanitizers INTERFACE)
if(RAPPORT_SANITIZE)
  target_compile_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                      -fno-omit-frame-pointer)
  target_link_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
