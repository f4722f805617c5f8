# Finds the system libraries of DESIGN.md's stack and exposes each as an imported target.
find_package(PkgConfig REQUIRED)
find_package(Boost 1.81 EXACT REQUIRED COMPONENTS json url)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(NLopt REQUIRED)

# libphonenumber: headers from /usr/include or from the package scripts/setup unpacks (see there).
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h
  HINTS ${CMAKE_CURRENT_SOURCE_DIR}/build/deps/libphonenumber-dev/usr/include REQUIRED)
find_library(PHONENUMBER_LIBRARY NAMES phonenumber libphonenumber.so.8 REQUIRED)
find_package(Protobuf REQUIRED)
add_library(rapport_phonenumber INTERFACE)
target_include_directories(rapport_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(rapport_phonenumber INTERFACE ${PHONENUMBER_LIBRARY} protobuf::libprotobuf)

find_package(SQLite3 REQUIRED)
pkg_check_modules(PQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
