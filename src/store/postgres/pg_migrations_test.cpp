// Tests of the PostgreSQL migration runner: fresh schema, idempotence, concurrent starts,
// refusal of a newer schema, pg_trgm available to a non-superuser owner, and the data moves of
// migrations that take data apart (record_links, notes' parents).
#include "store/postgres/pg_migrations.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/customer_codec.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/records.hpp"

namespace rapport::store::postgres {
namespace {

class PgMigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
  }
  std::unique_ptr<PgConnection> connect() {
    auto conn = PgConnection::connect(schema_->url());
    EXPECT_TRUE(conn.ok());
    return conn.ok() ? std::move(conn).value() : nullptr;
  }
  std::unique_ptr<PgTestSchema> schema_;
};

TEST(PgMigrationFiles, NumberedFromOneWithoutGaps) {
  auto all = embedded_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
    EXPECT_FALSE(all[i].sql.empty());
  }
  EXPECT_EQ(latest_schema_version(), static_cast<int>(all.size()));
}

TEST_F(PgMigrationsTest, FreshSchemaReachesLatestOnceAndRerunIsANoOp) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  EXPECT_EQ(*schema_version(*conn), 0);
  auto first = migrate(*conn);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, latest_schema_version());
  auto second = migrate(*conn);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, latest_schema_version());
  auto rows = conn->exec("SELECT count(*) FROM schema_version");
  EXPECT_EQ(rows->int64(0, 0), latest_schema_version());
}

TEST_F(PgMigrationsTest, ConcurrentStartsApplyEachMigrationOnce) {
  constexpr int kProcesses = 4;
  std::vector<std::unique_ptr<PgConnection>> conns;
  for (int i = 0; i < kProcesses; ++i) conns.push_back(connect());
  std::vector<core::Result<int>> results(kProcesses, core::Result<int>(0));
  std::vector<std::thread> threads;
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&, i] { results[i] = migrate(*conns[i]); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, latest_schema_version());
  }
  auto rows = conns[0]->exec("SELECT count(*), count(DISTINCT version) FROM schema_version");
  EXPECT_EQ(rows->int64(0, 0), latest_schema_version());
  EXPECT_EQ(rows->int64(0, 1), latest_schema_version());
}

TEST_F(PgMigrationsTest, NewerSchemaIsRefusedUnchanged) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(migrate(*conn).ok());
  int newer = latest_schema_version() + 1;
  ASSERT_TRUE(
      conn->exec("INSERT INTO schema_version (version, name) VALUES ($1, 'future')", {newer}).ok());
  auto refused = migrate(*conn);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(*schema_version(*conn), newer);
}

// A schema made before the note_parents migration: its notes move from contact_id/company_id to
// (parent_kind, parent_id), checked against the kind names.
TEST_F(PgMigrationsTest, NoteParentsMoveRows) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(conn->exec_script("CREATE TABLE schema_version (version integer PRIMARY KEY,"
                                " name text NOT NULL, applied_at timestamptz NOT NULL"
                                " DEFAULT now())")
                  .ok());
  for (const Migration& m : embedded_migrations()) {
    if (m.name == "note_parents") break;
    auto applied = conn->exec_script(m.sql);
    ASSERT_TRUE(applied.ok()) << m.name << ": " << applied.error().message;
    ASSERT_TRUE(
        conn->exec("INSERT INTO schema_version (version, name) VALUES ($1, 'old')", {m.version})
            .ok());
  }
  auto old = conn->exec_script(
      "INSERT INTO contacts (id, given_name, family_name, display_name, lifecycle_stage, doc,"
      " version, created_at, updated_at) VALUES (4, 'Ada', 'L', 'Ada L', 'lead', '{}', 1, 0, 0);"
      "INSERT INTO companies (id, name, doc, version, created_at, updated_at)"
      " VALUES (9, 'Acme', '{}', 1, 0, 0);"
      "INSERT INTO notes (id, contact_id, company_id, body, version, created_at, updated_at)"
      " VALUES (1, 4, NULL, 'on Ada', 1, 5, 5), (2, NULL, 9, 'on Acme', 1, 6, 6)");
  ASSERT_TRUE(old.ok()) << old.error().message;

  auto migrated = migrate(*conn);
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  auto rows = conn->exec("SELECT id, parent_kind, parent_id, body FROM notes ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->rows(), 2);
  EXPECT_EQ(rows->text(0, 1), "contact");
  EXPECT_EQ(rows->int64(0, 2), 4);
  EXPECT_EQ(rows->text(0, 3), "on Ada");
  EXPECT_EQ(rows->text(1, 1), "company");
  EXPECT_EQ(rows->int64(1, 2), 9);
  EXPECT_FALSE(conn->exec("INSERT INTO notes (parent_kind, parent_id, body, version, created_at,"
                          " updated_at) VALUES ('deal', 1, 'x', 1, 0, 0)")
                   .ok());
}

TEST_F(PgMigrationsTest, TrigramSearchAvailableToTheNonSuperuserOwner) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  auto super = conn->exec("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  ASSERT_TRUE(super.ok());
  EXPECT_FALSE(super->boolean(0, 0));
  ASSERT_TRUE(migrate(*conn).ok());
  auto similar = conn->exec("SELECT similarity($1, $2) > 0.3", {"สมชาย", "สมชาย ใจดี"});
  ASSERT_TRUE(similar.ok()) << similar.error().message;
  EXPECT_TRUE(similar->boolean(0, 0));
}

// A database made before record_links keeps its contacts' links to companies: they move out of
// the documents into rows in their order (a link to a company that no longer exists is dropped),
// the documents keep everything else, and contact_companies is gone.
TEST_F(PgMigrationsTest, RecordLinksTakeTheCompanyLinksOutOfContactDocuments) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(
      conn->exec_script("CREATE TABLE schema_version (version integer PRIMARY KEY,"
                        " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
          .ok());
  for (const Migration& m : embedded_migrations()) {
    if (m.name.find("record_links") != std::string_view::npos) break;
    ASSERT_TRUE(conn->exec_script(m.sql).ok()) << m.name;
    ASSERT_TRUE(
        conn->exec("INSERT INTO schema_version (version, name) VALUES ($1, 'old')", {m.version})
            .ok());
  }
  core::Contact ada;
  ada.given_name = "Ada";
  ada.family_name = "L";
  ada.emails = {{"ada@example.com", "work", true}};
  ada.notes = "Met at the fair.\nTab\there.";
  // Documents as the program wrote them before: the links inside, after the notes.
  std::string doc = store::contact_doc(ada);
  doc.pop_back();
  const std::string linked = doc + R"(,"companies":[{"company_id":2,"job_title":"Owner"},)"
                                   R"({"company_id":1,"job_title":"Buyer"},)"
                                   R"({"company_id":9,"job_title":"Ghost"}]})";
  const std::string unlinked = doc + R"(,"companies":[]})";
  for (auto [id, text] : {std::pair{1, linked}, std::pair{2, unlinked}}) {
    ASSERT_TRUE(conn->exec("INSERT INTO contacts (id, given_name, family_name, display_name,"
                           " lifecycle_stage, doc, version, created_at, updated_at)"
                           " VALUES ($1, 'Ada', 'L', 'Ada L', 'lead', $2, 1, 0, 0)",
                           {id, text})
                    .ok());
  }
  ASSERT_TRUE(
      conn->exec_script("INSERT INTO companies (id, name, doc, version, created_at, updated_at)"
                        " VALUES (1, 'Aalders', '{}', 1, 0, 0), (2, 'Bangkok', '{}', 1, 0, 0);"
                        "INSERT INTO contact_companies VALUES (1, 1), (2, 1);")
          .ok());

  auto version = migrate(*conn);
  ASSERT_TRUE(version.ok()) << version.error().message;
  auto gone = conn->exec("SELECT to_regclass('contact_companies') IS NULL");
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(gone->boolean(0, 0));
  auto left =
      conn->exec("SELECT count(*) FROM contacts WHERE doc::json -> 'companies' IS NOT NULL");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->int64(0, 0), 0);
  PgCustomerTx tx(*conn);
  auto read = store::get<core::Contact>(tx, 1);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->companies, (std::vector<core::CompanyLink>{{2, "Owner"}, {1, "Buyer"}}));
  EXPECT_EQ(read->emails, ada.emails);
  EXPECT_EQ(read->notes, ada.notes);
  auto other = store::get<core::Contact>(tx, 2);
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_TRUE(other->companies.empty());
  EXPECT_EQ(other->notes, ada.notes);
}

}  // namespace
}  // namespace rapport::store::postgres
