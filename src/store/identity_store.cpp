// Names of the identity store's enumerations, and its errors shared by both engines.
#include "store/identity_store.hpp"

#include <boost/json.hpp>

#include <string>

namespace rapport::store {

std::string view_columns_text(const std::vector<std::string>& columns) {
  boost::json::array out;
  for (const std::string& c : columns) out.emplace_back(c);
  return boost::json::serialize(out);
}

core::Result<std::vector<std::string>> parse_view_columns(std::string_view text) {
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_array()) return core::Error::internal("unreadable columns of a saved view");
  std::vector<std::string> columns;
  for (const boost::json::value& c : parsed.get_array()) {
    if (!c.is_string()) return core::Error::internal("unreadable column of a saved view");
    columns.emplace_back(c.get_string());
  }
  return columns;
}

std::string_view to_string(TokenScope scope) {
  return scope == TokenScope::kRead ? "read" : "read-write";
}

core::Result<TokenScope> parse_token_scope(std::string_view text) {
  if (text == "read") return TokenScope::kRead;
  if (text == "read-write") return TokenScope::kReadWrite;
  return core::Error::field("scope", "must be read or read-write");
}

std::string account_attempt_key(std::string_view email, std::string_view client_address) {
  std::string key(email);
  key += ' ';
  key += client_address;
  return key;
}

std::string_view to_string(AttemptKind kind) {
  return kind == AttemptKind::kAccount ? "account" : "address";
}

core::Error team_in_use_error(const TeamUsage& usage) {
  std::string uses;
  auto count = [&](std::int64_t n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    if (!uses.empty()) uses += ", ";
    uses += std::to_string(n) + " " + std::string(n == 1 ? one : many);
  };
  count(usage.members, "member", "members");
  count(usage.contacts, "contact", "contacts");
  count(usage.companies, "company", "companies");
  return core::Error::conflict("the team still has " + uses +
                               " (the trash included); move them to another team first");
}

}  // namespace rapport::store
