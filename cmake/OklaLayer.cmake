# One library per folder; sources are globbed (recursively) so that adding a class
# never means editing a shared CMake file.
#
# okla_add_layer(<target> [PUBLIC <deps>...] [PRIVATE <deps>...])
# PUBLIC: what the layer's own headers expose to the layers above (Qt modules, the layer
# below). PRIVATE: what only its .cpp files use (libpq, hiredis, rabbitmq-c, ...): the layers
# above neither link nor see those headers' include paths (docs/architecture.md §2).
function(okla_add_layer target)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB_RECURSE _sources CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h ${CMAKE_CURRENT_SOURCE_DIR}/*.qrc)
  add_library(${target} STATIC ${_sources})
  target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)
endfunction()
