// libFuzzer target: any bytes → strict JSON parse → contact mapping → core validation → JSON.
// Errors are expected; crashes, hangs, leaks and invalid UTF-8 in the output are not.
#include <boost/json/serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/contact_json.hpp"
#include "http/json_input.hpp"
#include "http/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = http::parse_json_object(input);
  if (!parsed.ok()) return 0;
  core::Contact contact;
  services::FieldSet supplied;
  if (!http::apply_contact_json(*parsed, contact, supplied).ok()) return 0;
  if (!core::validate(contact, core::ContactRules{}).ok()) return 0;
  if (http::find_invalid_utf8(boost::json::serialize(http::contact_to_json(contact)))) {
    std::abort();
  }
  return 0;
}
