// Parsing ids from text.
#include "core/ids.hpp"

#include <charconv>
#include <string>

namespace rapport::core {

Result<Id> parse_id(std::string_view text) {
  Id id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, id);
  // from_chars accepts a leading '-'; ids are positive, so that is caught by id <= 0.
  if (text.empty() || ec != std::errc() || ptr != end || id <= 0) {
    return Error::invalid("not a valid id: \"" + std::string(text.substr(0, 32)) + "\"");
  }
  return id;
}

}  // namespace rapport::core
