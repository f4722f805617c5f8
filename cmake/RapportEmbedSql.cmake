# rapport_embed_migrations(TARGET t DIR d NAMESPACE ns HEADER h): compiles the numbered
# DIR/NNNN_name.sql files into TARGET as `std::span<const Migration> ns::embedded_migrations()`
# (Migration as declared in HEADER), so the binary carries its schema and needs no files at run time.
function(rapport_embed_migrations)
  cmake_parse_arguments(ARG "" "TARGET;DIR;NAMESPACE;HEADER" "" ${ARGN})
  file(GLOB sql_files CONFIGURE_DEPENDS ${ARG_DIR}/*.sql)
  list(SORT sql_files)
  string(MAKE_C_IDENTIFIER "${ARG_NAMESPACE}" tag)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${tag}_migrations.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE} -DHEADER=${ARG_HEADER}
            "-DFILES=${sql_files}" -P ${RAPPORT_SOURCE_DIR}/cmake/embed_sql.cmake
    DEPENDS ${sql_files} ${RAPPORT_SOURCE_DIR}/cmake/embed_sql.cmake
    COMMENT "Embedding ${ARG_NAMESPACE} migrations"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()
