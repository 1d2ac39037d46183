set(OKLA_TEST_ROOT ${CMAKE_BINARY_DIR}/test-env CACHE PATH "Where the test harness keeps its servers")

# okla_add_test(<source> <label>): the one way tests are registered.
function(okla_add_test src label)
  get_filename_component(_name ${src} NAME_WE)
  add_executable(${_name} ${src})
  # Tests may talk to the servers directly (fixtures, attacks as a role): they link the clients.
  target_link_libraries(${_name} PRIVATE okla_ui okla_services okla_models Qt6::Test PkgConfig::PQ PkgConfig::HIREDIS)
  if(TARGET okla_sandbox_lib)
    target_link_libraries(${_name} PRIVATE okla_sandbox_lib)
  endif()
  target_include_directories(${_name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  # Property tests (tst_*_properties.cpp) use RapidCheck (librapidcheck-dev: <rapidcheck.h>).
  if(_name MATCHES "_properties$")
    find_library(RAPIDCHECK_LIBRARY rapidcheck REQUIRED)
    target_link_libraries(${_name} PRIVATE ${RAPIDCHECK_LIBRARY})
  endif()
  if(_name STREQUAL "tst_passwordvault")
    # The keychain test needs a real Secret Service: a private D-Bus session with an unlocked
    # gnome-keyring whose keyring lives in a throw-away folder (also works as root).
    add_test(NAME ${_name} COMMAND dbus-run-session -- sh -c
             "export XDG_DATA_HOME=$(mktemp -d); printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec \"$@\""
             sh $<TARGET_FILE:${_name}>)
  else()
    add_test(NAME ${_name} COMMAND ${_name})
  endif()
  set(_env "OKLA_TEST_ROOT=${OKLA_TEST_ROOT}" "OKLA_PROFILE_DIR=${OKLA_TEST_ROOT}/profiles"
           "OKLA_PROFILE=test" "OKLA_CREDENTIALS_DIR=${OKLA_TEST_ROOT}/credentials"
           "OKLA_BINARY_DIR=${CMAKE_BINARY_DIR}" "QT_QPA_PLATFORM=offscreen" "LANG=es_DO.UTF-8")
  set_tests_properties(${_name} PROPERTIES LABELS ${label} ENVIRONMENT "${_env}" TIMEOUT 600)
  if(label STREQUAL "integration" OR label STREQUAL "ui" OR label STREQUAL "e2e" OR label STREQUAL "bench")
    set_tests_properties(${_name} PROPERTIES FIXTURES_REQUIRED okla_services RESOURCE_LOCK okla_services_lock)
  endif()
endfunction()
