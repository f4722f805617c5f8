// `rapport demo` end to end: loads into a fresh SQLite file and reuses its users and teams on a
// second run. (The engines themselves are covered by the store conformance suites.)
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

// Runs the binary with `args`; `out` is its standard output, and its error output too when
// `with_errors`.
Run run(const std::string& args, bool with_errors = false) {
  Run r;
  std::string command =
      std::string(RAPPORT_BINARY) + " " + args + (with_errors ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  return r;
}

void loads_and_reuses_people(const std::string& database) {
  Run first = run("demo --contacts 300 --seed 4 --database '" + database + "'");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("300 contacts, 16 companies"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("27 new users, 10 new teams"), std::string::npos) << first.out;

  Run second = run("demo --contacts 10 --seed 4 --database '" + database + "'");
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("0 new users, 0 new teams"), std::string::npos) << second.out;

  Run users = run("user list --database '" + database + "'");
  ASSERT_EQ(users.exit_code, 0);
  EXPECT_NE(users.out.find("sales1.bangkok@rapport.example"), std::string::npos) << users.out;
}

TEST(DemoCommand, LoadsIntoSqlite) {
  auto dir = std::filesystem::temp_directory_path() / ("rapport-demo-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  loads_and_reuses_people((dir / "demo.db").string());
  std::filesystem::remove_all(dir);
}

TEST(DemoCommand, RejectsABadCount) {
  auto dir = std::filesystem::temp_directory_path() / ("rapport-demo-bad-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto database = dir / "demo.db";
  auto refused = run("demo --contacts -5 --database '" + database.string() + "'", true);
  EXPECT_NE(refused.exit_code, 0) << refused.out;
  EXPECT_NE(refused.out.find("--contacts"), std::string::npos) << refused.out;
  EXPECT_FALSE(std::filesystem::exists(database)) << "a refused count must not create the database";
  std::filesystem::remove_all(dir);
}

}  // namespace
