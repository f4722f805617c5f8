// libFuzzer target: any bytes → strict JSON parse, then the allowlist reader over the object.
// Errors are expected; crashes, hangs, leaks and accepted invalid UTF-8 are not.
#include <boost/json/serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/json_input.hpp"
#include "http/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport::http;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  JsonLimits limits;
  limits.max_string_bytes = 256;
  auto parsed = parse_json_object(input, limits);
  if (!parsed.ok()) return 0;
  // Whatever was accepted must serialise back to valid UTF-8.
  if (find_invalid_utf8(boost::json::serialize(*parsed))) std::abort();
  ObjectReader reader(*parsed);
  reader.allow_only({"given_name", "emails", "tags", "age", "vip"});
  reader.string("given_name", Need::kRequired);
  reader.integer("age");
  reader.boolean("vip");
  if (const auto* emails = reader.array("emails")) {
    for (std::size_t i = 0; i < emails->size(); ++i) {
      if (const auto* e = (*emails)[i].if_object()) {
        ObjectReader email = reader.nested(*e, child_path("emails", i));
        email.allow_only({"address", "type", "primary"});
        email.string("address", Need::kRequired);
      } else {
        reader.fail(child_path("emails", i), "must be an object");
      }
    }
  }
  const auto status = reader.finish();
  if (!status.ok() && status.error().fields.empty()) std::abort();
  return 0;
}
