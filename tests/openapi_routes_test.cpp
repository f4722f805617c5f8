// Keeps api/openapi.yaml and the server's routes equal: every registered method + path is
// documented and every documented one is registered.
#include <gtest/gtest.h>
#include <CLI/CLI.hpp>  // CLI11's out-of-line parts, which main.cpp provides to the rapport binary

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "app/api_wiring.hpp"
#include "app/openapi_document.hpp"

namespace rapport::app {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// "get /api/v1/contacts" for each operation under `paths:` (paths at two spaces of indent,
// methods at four).
std::set<std::string> documented_operations(std::string_view yaml) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch"};
  std::set<std::string> out;
  std::istringstream lines{std::string(yaml)};
  std::string line;
  std::string path;
  bool in_paths = false;
  while (std::getline(lines, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths || line.empty() || line.back() != ':') continue;
    if (line[0] != ' ') break;
    if (line.starts_with("  /")) {
      path = line.substr(2, line.size() - 3);
    } else if (line.starts_with("    ") && line[4] != ' ') {
      const std::string key = line.substr(4, line.size() - 5);
      if (kMethods.contains(key)) out.insert(key + " " + path);
    }
  }
  return out;
}

TEST(OpenApiRoutes, DocumentAndRouterAgree) {
  const auto dir = std::filesystem::temp_directory_path() / "rapport_openapi_test";
  std::filesystem::remove_all(dir);
  auto db = open_database((dir / "t.db").string(), SchemaMode::kMigrate);
  ASSERT_TRUE(db.ok()) << db.error().message;
  Api api(**db);
  std::set<std::string> registered;
  for (const auto& route : api.router().routes()) {
    registered.insert(lower(boost::beast::http::to_string(route.method)) + " " + route.pattern);
  }
  const auto documented = documented_operations(openapi_document());
  EXPECT_FALSE(documented.empty());
  for (const auto& op : registered) EXPECT_TRUE(documented.contains(op)) << "undocumented: " << op;
  for (const auto& op : documented) EXPECT_TRUE(registered.contains(op)) << "not served: " << op;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rapport::app
