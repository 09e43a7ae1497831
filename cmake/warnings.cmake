# Strict warnings on Rapport's own targets only (linked as an INTERFACE target).
add_library(rapport_warnings INTERFACE)
target_compile_options(rapport_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                  -Wold-style-cast -Wcast-align -Woverloaded-virtual)
# GCC 12 reports false "may be used uninitialized" on nested std::optional at -O2
# (GCC bug 80635); the remaining warnings stay errors.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(rapport_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
if(RAPPORT_WERROR)
  target_compile_options(rapport_warnings INTERFACE -Werror)
endif()
