# Precompiled headers: the headers most library files include, parsed once per build, not per file.
# Each set is compiled by an object library of its own (no definitions of its own, so that GCC
# accepts it in every target that reuses it) and reused by targets with rapport_use_pch; CMake adds
# -Winvalid-pch, so with RAPPORT_WERROR a header that cannot be used fails the build instead of
# silently costing the time again. ccache caches these files only with
# sloppiness=pch_defines,time_macros (CI has no ccache).
option(RAPPORT_PCH "Precompile the standard and Boost.JSON/Beast headers of the libraries" ON)

# rapport_pch_set(NAME HEADERS h... LIBS l...): the set NAME, compiled with the usage requirements of
# LIBS (the same include directories as the targets that reuse it).
function(rapport_pch_set name)
  cmake_parse_arguments(ARG "" "" "HEADERS;LIBS" ${ARGN})
  if(NOT RAPPORT_PCH)
    return()
  endif()
  set(source ${CMAKE_BINARY_DIR}/pch/${name}.cpp)
  file(CONFIGURE OUTPUT ${source} CONTENT "// Compiles the ${name} precompiled header set.\n")
  add_library(rapport_pch_${name} OBJECT ${source})
  target_link_libraries(rapport_pch_${name} PRIVATE ${ARG_LIBS})
  target_precompile_headers(rapport_pch_${name} PRIVATE ${ARG_HEADERS})
endfunction()

# rapport_use_pch(TARGET NAME): TARGET's files start from the set NAME.
function(rapport_use_pch target name)
  if(RAPPORT_PCH)
    target_precompile_headers(${target} REUSE_FROM rapport_pch_${name})
  endif()
endfunction()

# rapport_use_test_pch(TARGET): a test program's files start from the set "test". With GoogleTest
# precompiled, g++ 12 -O2 inlines std::string's operator+ differently and reports out-of-bounds
# memcpy that is not there (-Warray-bounds, -Wstringop-overflow on `std::string(n, c) + "..."` in
# a dozen test files; not reported when the same headers are parsed as text), so test programs
# built by g++ go without those two warnings; the library code keeps them.
function(rapport_use_test_pch target)
  if(RAPPORT_PCH)
    rapport_use_pch(${target} test)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-stringop-overflow)
    endif()
  endif()
endfunction()
