# Strict warnings on Rapport's own targets only (linked as an INTERFACE target).
add_library(rapport_warnings INTERFACE)
target_compile_options(rapport_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                  -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(RAPPORT_WERROR)
  target_compile_options(rapport_warnings INTERFACE -Werror)
endif()
