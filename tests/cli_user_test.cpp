// `rapport user` and `rapport token` as a shell script uses them, on both engines: reading
// commands never create a database, `user list` has a header and team names, a refused
// `user add` says why in words and leaves nothing behind, a bad option exits 2; and `rapport
// compact`, the maintenance command beside them, says each step it took.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "app/database.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::app {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;  // standard output and error together
};

CliRun run(const std::string& args, const std::string& input = "") {
  CliRun r;
  std::string command = std::string(RAPPORT_BINARY) + " " + args + " 2>&1";
  if (!input.empty()) command = "printf '%s\\n' '" + input + "' | " + command;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  return r;
}

constexpr const char* kPassword = "correct horse battery staple";

class UserCli : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      RAPPORT_POSTGRES_URL_OR_SKIP(base);
      auto schema = store::postgres::PgTestSchema::create(*base);
      ASSERT_TRUE(schema.ok()) << schema.error().message;
      schema_ = std::move(schema).value();
      location_ = schema_->url();
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("rapport_cli_user_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      location_ = (dir_ / "crm.db").string();
    }
  }
  void TearDown() override {
    schema_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::string database() const { return " --database '" + location_ + "'"; }

  std::vector<std::string> team_names() {
    std::vector<std::string> names;
    auto db = open_database(location_, SchemaMode::kCheck, Presence::kMustExist);
    EXPECT_TRUE(db.ok()) << db.error().message;
    if (!db.ok()) return names;
    EXPECT_TRUE((*db)
                    ->identity()
                    .read([&](store::IdentityTx& tx) -> core::Status {
                      RAPPORT_ASSIGN_OR_RETURN(auto teams, tx.list_teams(0, 100));
                      for (const auto& team : teams) names.push_back(team.name);
                      return core::ok_status();
                    })
                    .ok());
    return names;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::postgres::PgTestSchema> schema_;
  std::string location_;
};

TEST(UserCliSqlite, ReadingCommandsNeverCreateADatabase) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_cli_missing_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "typo.db").string();
  for (const std::string command :
       {"user list", "token list --user a@example.org", "user unlock a@example.org", "compact"}) {
    CliRun r = run(command + " --database '" + path + "'");
    EXPECT_EQ(r.exit_code, 1) << command << ": " << r.out;
    EXPECT_NE(r.out.find("no database at " + path), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(path)) << command;
    EXPECT_FALSE(std::filesystem::exists(dir)) << command;
  }
}

TEST_P(UserCli, ListShowsAHeaderAndTeamNames) {
  CliRun added =
      run("user add mali@example.org --role sales --team 'Chiang Mai'" + database(), kPassword);
  ASSERT_EQ(added.exit_code, 0) << added.out;
  CliRun list = run("user list" + database());
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_EQ(list.out.rfind("ID\tEMAIL\tROLE\tTEAM\tSTATE\tNAME\n", 0), 0u) << list.out;
  EXPECT_NE(list.out.find("\tmali@example.org\tsales\tChiang Mai\tactive\tmali\n"),
            std::string::npos)
      << list.out;
  CliRun tokens = run("token list --user mali@example.org" + database());
  ASSERT_EQ(tokens.exit_code, 0) << tokens.out;
  EXPECT_EQ(tokens.out, "ID\tSCOPE\tSTATE\tNAME\n");
}

TEST_P(UserCli, ARefusedAddSaysWhyInWordsAndLeavesNothingBehind) {
  ASSERT_EQ(run("user add ada@example.org --role admin" + database(), kPassword).exit_code, 0);
  CliRun again =
      run("user add ADA@example.org --role sales --team 'Never Made'" + database(), kPassword);
  EXPECT_EQ(again.exit_code, 1) << again.out;
  EXPECT_NE(again.out.find("a user with this e-mail address already exists"), std::string::npos)
      << again.out;
  for (const char* engine_text : {"UNIQUE", "constraint", "users.email", "duplicate key", "step"}) {
    EXPECT_EQ(again.out.find(engine_text), std::string::npos) << again.out;
  }
  EXPECT_TRUE(team_names().empty());

  // A password the policy refuses fails the same way: no user, no team.
  CliRun weak = run("user add bo@example.org --role sales --team 'Never Made'" + database(), "x");
  EXPECT_EQ(weak.exit_code, 2) << weak.out;
  EXPECT_TRUE(team_names().empty());
  EXPECT_EQ(run("user list" + database()).out.find("bo@example.org"), std::string::npos);
}

TEST_P(UserCli, BadOptionsExitTwo) {
  EXPECT_EQ(run("user list --colour" + database()).exit_code, 2);
  EXPECT_EQ(run("user add" + database()).exit_code, 2);
  EXPECT_EQ(run("user add x@example.org --role wizard" + database(), kPassword).exit_code, 2);
  EXPECT_EQ(run("user frobnicate").exit_code, 2);
  EXPECT_EQ(run("user list --help").exit_code, 0);
}

class CompactCli : public UserCli {};

TEST_P(CompactCli, RewritesTheDatabaseAndSaysEachStep) {
  ASSERT_EQ(run("user add ada@example.org --role admin" + database(), kPassword).exit_code, 0);
  CliRun compact = run("compact" + database());
  ASSERT_EQ(compact.exit_code, 0) << compact.out;
  if (GetParam() == "postgresql") {
    // scripts/with-postgres grants the test role pg_checkpoint.
    EXPECT_EQ(compact.out,
              "rapport: tables holding personal data rewritten (VACUUM FULL, ANALYZE)\n"
              "rapport: checkpoint done\n");
  } else {
    EXPECT_EQ(compact.out,
              "rapport: full-text indexes merged, database file rebuilt (VACUUM) and the WAL "
              "checkpointed into it\n");
  }
  CliRun list = run("user list" + database());
  EXPECT_NE(list.out.find("\tada@example.org\tadmin\t"), std::string::npos) << list.out;
}

INSTANTIATE_TEST_SUITE_P(Engines, UserCli, ::testing::Values("sqlite", "postgresql"));
INSTANTIATE_TEST_SUITE_P(Engines, CompactCli, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace rapport::app
