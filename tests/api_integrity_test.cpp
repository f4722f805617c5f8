// Data integrity end to end on both engines: ids are never reused, a team still in use is not
// deleted, an erased person's data leaves the SQLite files, and PostgreSQL's at `rapport compact`
// (tests/api_fixture.hpp runs the server).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

std::string lowercase_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::transform(bytes.begin(), bytes.end(), bytes.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return bytes;
}

class IntegrityApi : public ApiTest {
 protected:
  static std::string contact_in_team(std::int64_t team) {
    return R"({"given_name":"Mali","family_name":"Srisuk","team_id":)" + std::to_string(team) + "}";
  }
};

TEST_P(IntegrityApi, AnErasedContactsIdIsNeverGivenToTheNextOne) {
  auto admin = login("admin@example.org");
  const std::string body = R"({"given_name":"Somchai","family_name":"Jaidee"})";
  auto first = admin.write(bhttp::verb::post, "/api/v1/contacts", body);
  ASSERT_EQ(first.status, 201u) << first.body;
  const auto erased = first.json().at("id").as_int64();
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts/" + std::to_string(erased) + "/erase")
                .status,
            204u);
  auto second = admin.write(bhttp::verb::post, "/api/v1/contacts", body);
  ASSERT_EQ(second.status, 201u) << second.body;
  EXPECT_GT(second.json().at("id").as_int64(), erased);

  auto company = admin.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"Siam Ltd"})");
  ASSERT_EQ(company.status, 201u) << company.body;
  const auto erased_company = company.json().at("id").as_int64();
  ASSERT_EQ(admin
                .write(bhttp::verb::post,
                       "/api/v1/companies/" + std::to_string(erased_company) + "/erase")
                .status,
            204u);
  auto next_company = admin.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"Siam Ltd"})");
  ASSERT_EQ(next_company.status, 201u) << next_company.body;
  EXPECT_GT(next_company.json().at("id").as_int64(), erased_company);

  auto team = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"Khon Kaen"})");
  ASSERT_EQ(team.status, 201u) << team.body;
  const auto deleted_team = team.json().at("id").as_int64();
  ASSERT_EQ(admin
                .write(bhttp::verb::delete_, "/api/v1/teams/" + std::to_string(deleted_team), {},
                       {{"If-Match", "\"1\""}})
                .status,
            204u);
  auto next_team = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"Khon Kaen"})");
  ASSERT_EQ(next_team.status, 201u) << next_team.body;
  EXPECT_GT(next_team.json().at("id").as_int64(), deleted_team);
}

TEST_P(IntegrityApi, ATeamWithMembersOrRecordsIsNotDeleted) {
  auto admin = login("admin@example.org");
  auto team = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"Udon Thani"})");
  ASSERT_EQ(team.status, 201u) << team.body;
  const auto id = team.json().at("id").as_int64();
  const auto path = "/api/v1/teams/" + std::to_string(id);
  auto contact = admin.write(bhttp::verb::post, "/api/v1/contacts", contact_in_team(id));
  ASSERT_EQ(contact.status, 201u) << contact.body;
  const auto contact_path =
      "/api/v1/contacts/" + std::to_string(contact.json().at("id").as_int64());
  // In the trash the contact still names the team, and a restore would bring it back.
  ASSERT_EQ(admin.write(bhttp::verb::delete_, contact_path, {}, {{"If-Match", "\"1\""}}).status,
            204u);

  auto refused = admin.write(bhttp::verb::delete_, path, {}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(refused.json().at("detail").as_string(),
            "the team still has 1 contact (the trash included); move them to another team first");
  EXPECT_EQ(admin.send(bhttp::verb::get, path).status, 200u);

  ASSERT_EQ(admin.write(bhttp::verb::post, contact_path + "/erase").status, 204u);
  EXPECT_EQ(admin.write(bhttp::verb::delete_, path, {}, {{"If-Match", "\"1\""}}).status, 204u);
}

TEST_P(IntegrityApi, ConstraintErrorsAreWordsAndControlCharactersAreRefused) {
  auto admin = login("admin@example.org");
  auto taken = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"East"})");
  EXPECT_EQ(taken.status, 409u) << taken.body;
  EXPECT_EQ(taken.json().at("detail").as_string(), "a team with this name already exists");
  EXPECT_EQ(taken.json().at("errors").at(0).at("field").as_string(), "name");
  for (const char* engine_text : {"UNIQUE", "teams.name", "duplicate key", "step", "constraint"}) {
    EXPECT_EQ(taken.body.find(engine_text), std::string::npos) << taken.body;
  }
  auto nul = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Ma\u0000li","family_name":"Srisuk"})");
  EXPECT_EQ(nul.status, 422u) << nul.body;
  EXPECT_EQ(nul.json().at("errors").at(0).at("field").as_string(), "given_name");
  auto c1 = admin.write(bhttp::verb::post, "/api/v1/contacts",
                        R"({"given_name":"Mali","family_name":"Sri\u0085suk","tags":["a\u001b"]})");
  EXPECT_EQ(c1.status, 422u) << c1.body;
}

// The erased values searched for in the raw files, lower-cased.
const std::vector<std::string> kErasedNeedles = {"quixotrel", "zangwillby", "9876543",
                                                 "marmaladefjord", "orrest"};

// Each needle found in `files` (a missing file holds none), as "needle in file".
std::vector<std::string> needles_in(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> found;
  for (const auto& file : files) {
    if (!std::filesystem::exists(file)) continue;
    const std::string bytes = lowercase_file(file);
    for (const auto& needle : kErasedNeedles) {
      if (bytes.find(needle) != std::string::npos) found.push_back(needle + " in " + file.string());
    }
  }
  return found;
}

class ErasureFilesApi : public IntegrityApi {
 protected:
  // Creates a contact with distinctive name, e-mail, phone and note, renames it (an older row
  // version), adds someone who stays (so the pages that held the person are not simply freed),
  // then erases the person.
  void erase_a_person() {
    auto admin = login("admin@example.org");
    const std::string person =
        R"({"given_name":"Quixotrel","family_name":"Zangwillby","emails":[{"address":)"
        R"("quixotrel.zangwillby@example.org","type":"work","primary":true}],"phones":[{"number":)"
        R"("081-987-6543","type":"mobile","primary":true}]})";
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", person);
    ASSERT_EQ(created.status, 201u) << created.body;
    const auto path = "/api/v1/contacts/" + std::to_string(created.json().at("id").as_int64());
    auto note =
        admin.write(bhttp::verb::post, path + "/notes", R"({"body":"Marmaladefjord plans"})");
    ASSERT_EQ(note.status, 201u) << note.body;
    auto renamed = admin.write(bhttp::verb::patch, path, R"({"family_name":"Zangwillby-Orrest"})",
                               {{"If-Match", "\"1\""}});
    ASSERT_EQ(renamed.status, 200u) << renamed.body;
    ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts", contact_in_team(1)).status, 201u);
    ASSERT_EQ(admin.write(bhttp::verb::post, path + "/erase").status, 204u);
  }

  // Flushes PostgreSQL's shared buffers to the relation files (scripts/with-postgres grants the
  // test role pg_checkpoint), then lists the files of every table, index, TOAST table and TOAST
  // index in the test's schema, under the cluster's data directory `data`.
  std::vector<std::filesystem::path> relation_files(const std::filesystem::path& data) {
    auto& conn = schema_->admin();
    auto checkpoint = conn.exec_script("CHECKPOINT");
    EXPECT_TRUE(checkpoint.ok()) << checkpoint.error().message;
    auto rows = conn.exec(
        "WITH mine AS (SELECT oid, reltoastrelid FROM pg_class"
        "              WHERE relnamespace = $1::text::regnamespace AND relkind IN ('r', 'i'))"
        " SELECT pg_relation_filepath(oid) FROM mine"
        " UNION ALL SELECT pg_relation_filepath(reltoastrelid) FROM mine WHERE reltoastrelid <> 0"
        " UNION ALL SELECT pg_relation_filepath(i.indexrelid) FROM mine"
        "   JOIN pg_index i ON i.indrelid = mine.reltoastrelid",
        {schema_->name()});
    std::vector<std::filesystem::path> files;
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    if (!rows.ok()) return files;
    for (int row = 0; row < rows->rows(); ++row) {
      const auto base = data / std::string(rows->text(row, 0));
      files.push_back(base);
      // A relation past 1 GB continues in base.1, base.2 …
      for (int segment = 1;; ++segment) {
        auto next = base;
        next += "." + std::to_string(segment);
        if (!std::filesystem::exists(next)) break;
        files.push_back(next);
      }
    }
    return files;
  }
};

TEST_P(ErasureFilesApi, AnErasedPersonLeavesNoTraceInTheSqliteFiles) {
  ASSERT_NO_FATAL_FAILURE(erase_a_person());
  EXPECT_EQ(needles_in({dir_ / "api.db", dir_ / "api.db-wal", dir_ / "api.db-shm"}),
            std::vector<std::string>{});
}

// PostgreSQL's plain VACUUM after an erase frees the erased row versions' space without
// overwriting it, so the relation files still hold them; `rapport compact` (Database::compact)
// rewrites the files.
class ErasureCompactApi : public ErasureFilesApi {};

TEST_P(ErasureCompactApi, AnErasedPersonLeavesThePostgresFilesAtTheCompact) {
  const char* data = std::getenv("RAPPORT_TEST_POSTGRES_DATA");
  if (data == nullptr) {
    GTEST_SKIP() << "needs the cluster's data directory, RAPPORT_TEST_POSTGRES_DATA, which "
                    "scripts/with-postgres sets";
  }
  ASSERT_NO_FATAL_FAILURE(erase_a_person());
  const auto before = relation_files(data);
  ASSERT_FALSE(before.empty());
  EXPECT_NE(needles_in(before), std::vector<std::string>{})
      << "plain VACUUM left no erased value to find, so this test cannot tell what compact does";

  std::ostringstream report;
  auto compacted = db_->compact(report);
  ASSERT_TRUE(compacted.ok()) << compacted.error().message;
  EXPECT_NE(report.str().find("checkpoint done"), std::string::npos) << report.str();
  auto after = relation_files(data);
  // The files before the rewrite are emptied at its commit and removed at the checkpoint.
  after.insert(after.end(), before.begin(), before.end());
  EXPECT_EQ(needles_in(after), std::vector<std::string>{});
}

RAPPORT_API_ENGINES(IntegrityApi);
INSTANTIATE_TEST_SUITE_P(Sqlite, ErasureFilesApi, ::testing::Values("sqlite"));
INSTANTIATE_TEST_SUITE_P(Postgresql, ErasureCompactApi, ::testing::Values("postgresql"));

}  // namespace
}  // namespace rapport::app
