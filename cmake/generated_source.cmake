# Writes `body` to ${PROJECT_BINARY_DIR}/generated/<name> only when it differs from what is
# there, so an unchanged embedded file does not recompile at every configure; sets out_var
# to its path. Shared by the embedding scripts (migrations, messages, OpenAPI fragments).
function(rapport_write_generated name body out_var)
  set(out "${PROJECT_BINARY_DIR}/generated/${name}")
  set(old "")
  if(EXISTS "${out}")
    file(READ "${out}" old)
  endif()
  if(NOT "${old}" STREQUAL "${body}")
    file(WRITE "${out}" "${body}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
