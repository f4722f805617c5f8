// libFuzzer target: any query string → parse_list_query must return a value or an error, and a
// parsed query must satisfy the documented bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/list_query_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto result = rapport::http::parse_list_query(input, {"include_deleted"});
  if (!result.ok()) {
    if (result.error().kind != rapport::core::ErrorKind::kInvalid) std::abort();
    return 0;
  }
  const rapport::core::ListQuery& q = *result;
  if (q.limit < 1 || q.limit > rapport::core::kMaxPageSize) std::abort();
  for (const auto& f : q.filters) {
    if (f.field.empty() || f.values.empty()) std::abort();
  }
  return 0;
}
