// Tests of the SQLite machinery: connection settings, the statement cache, transactions and the
// migration runner (idempotent, refuses a newer schema), group commit.
#include "store/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/customer_codec.hpp"
#include "store/records.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/sqlite/sqlite_migrations.hpp"

namespace rapport::store::sqlite {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rapport_sqlite_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteDatabaseTest, ConnectionUsesWalAndForeignKeys) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  auto mode = (*conn)->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->step());
  EXPECT_EQ(mode->text_at(0), "wal");
  auto fk = (*conn)->prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(fk.ok());
  ASSERT_TRUE(*fk->step());
  EXPECT_EQ(fk->int64_at(0), 1);
}

TEST_F(SqliteDatabaseTest, StatementsAreCachedAndReset) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  sqlite3_stmt* first = nullptr;
  for (int value : {1, 2}) {
    auto stmt = (*conn)->prepare("SELECT ?1 + 1");
    ASSERT_TRUE(stmt.ok());
    stmt->bind(1, std::int64_t{value});
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->int64_at(0), value + 1);
    sqlite3_stmt* current = sqlite3_next_stmt((*conn)->handle(), nullptr);
    if (first == nullptr) first = current;
    EXPECT_EQ(current, first);
  }
}

// Past kMaxCachedStatements distinct texts, statements still work but are not kept.
TEST_F(SqliteDatabaseTest, StatementCacheIsBounded) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  auto live_statements = [&] {
    std::size_t n = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt((*conn)->handle(), nullptr); s != nullptr;
         s = sqlite3_next_stmt((*conn)->handle(), s)) {
      ++n;
    }
    return n;
  };
  for (std::size_t i = 0; i < kMaxCachedStatements + 100; ++i) {
    auto stmt = (*conn)->prepare("SELECT " + std::to_string(i));
    ASSERT_TRUE(stmt.ok());
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->int64_at(0), static_cast<std::int64_t>(i));
  }
  EXPECT_EQ(live_statements(), kMaxCachedStatements);
}

TEST_F(SqliteDatabaseTest, BadSqlIsAnErrorNotACrash) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  auto stmt = (*conn)->prepare("SELEC nonsense");
  ASSERT_FALSE(stmt.ok());
  EXPECT_EQ(stmt.error().kind, core::ErrorKind::kInternal);
}

TEST_F(SqliteDatabaseTest, WriteCommitsOnSuccessAndRollsBackOnError) {
  auto db = SqliteDatabase::open(path_, 2);
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE((*db)->write([](SqliteConnection& c) { return c.exec("CREATE TABLE t(x)"); }).ok());
  ASSERT_TRUE(
      (*db)->write([](SqliteConnection& c) { return c.exec("INSERT INTO t VALUES (1)"); }).ok());
  core::Status failed = (*db)->write([](SqliteConnection& c) -> core::Status {
    RAPPORT_TRY(c.exec("INSERT INTO t VALUES (2)"));
    return core::Error::conflict("refused");
  });
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kConflict);
  std::int64_t count = -1;
  ASSERT_TRUE((*db)
                  ->read([&](SqliteConnection& c) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(Statement s, c.prepare("SELECT count(*) FROM t"));
                    RAPPORT_TRY(s.step());
                    count = s.int64_at(0);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(count, 1);
}

// Concurrent writers share commits (group commit); a failing write must still lose only its own
// changes, and every acknowledged write must be there.
TEST_F(SqliteDatabaseTest, ConcurrentWritesCommitTogetherAndFailAlone) {
  auto db = SqliteDatabase::open(path_, 1);
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE(
      (*db)->write([](SqliteConnection& c) { return c.exec("CREATE TABLE t(x UNIQUE)"); }).ok());
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 150;
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const std::int64_t x = t * kWritesPerThread + i;
        core::Status status = (*db)->write([x](SqliteConnection& c) -> core::Status {
          RAPPORT_ASSIGN_OR_RETURN(Statement s, c.prepare("INSERT INTO t VALUES (?1)"));
          RAPPORT_TRY(s.bind(1, x).run());
          if (x % 7 == 0) return core::Error::conflict("refused after writing");
          return {};
        });
        if (status.ok()) ++acknowledged;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::int64_t rows = -1;
  std::int64_t refused = -1;
  ASSERT_TRUE((*db)
                  ->read([&](SqliteConnection& c) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(Statement all, c.prepare("SELECT count(*) FROM t"));
                    RAPPORT_TRY(all.step());
                    rows = all.int64_at(0);
                    RAPPORT_ASSIGN_OR_RETURN(Statement bad,
                                             c.prepare("SELECT count(*) FROM t WHERE x % 7 = 0"));
                    RAPPORT_TRY(bad.step());
                    refused = bad.int64_at(0);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(rows, acknowledged.load());
  EXPECT_EQ(rows, kThreads * kWritesPerThread - (kThreads * kWritesPerThread + 6) / 7);
  EXPECT_EQ(refused, 0);
}

TEST_F(SqliteDatabaseTest, ReaderStatsCountLentAndWaitingReaders) {
  auto db = SqliteDatabase::open(path_, 1);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->reader_stats().readers, 1);
  EXPECT_EQ((*db)->reader_stats().in_use, 0);
  std::atomic<bool> release{false};
  std::atomic<bool> holding{false};
  std::thread holder([&] {
    (void)(*db)->read([&](SqliteConnection&) -> core::Status {
      holding = true;
      // Bounded: a test that fails must not hang.
      for (int i = 0; i < 500 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      return core::ok_status();
    });
  });
  while (!holding) std::this_thread::yield();
  std::thread waiter([&] { (void)(*db)->read([](SqliteConnection&) { return core::ok_status(); }); });
  SqliteReaderStats busy;
  for (int i = 0; i < 500 && busy.waiting == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    busy = (*db)->reader_stats();
  }
  EXPECT_EQ(busy.in_use, 1);
  EXPECT_EQ(busy.waiting, 1);
  release = true;
  holder.join();
  waiter.join();
  const SqliteReaderStats idle = (*db)->reader_stats();
  EXPECT_EQ(idle.in_use, 0);
  EXPECT_EQ(idle.waiting, 0);
}

TEST_F(SqliteDatabaseTest, ReadersRefuseWrites) {
  auto db = SqliteDatabase::open(path_, 1);
  ASSERT_TRUE(db.ok());
  core::Status status =
      (*db)->read([](SqliteConnection& c) { return c.exec("CREATE TABLE t(x)"); });
  EXPECT_FALSE(status.ok());
}

TEST_F(SqliteDatabaseTest, MigrateIsIdempotent) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  auto first = migrate(**conn);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, latest_schema_version());
  EXPECT_GE(latest_schema_version(), 1);
  auto second = migrate(**conn);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, *first);
}

TEST_F(SqliteDatabaseTest, MigrateRefusesNewerSchema) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(migrate(**conn).ok());
  auto bump = (*conn)->prepare("INSERT INTO schema_version(version, name) VALUES (?1, 'future')");
  ASSERT_TRUE(bump.ok());
  ASSERT_TRUE(bump->bind(1, std::int64_t{latest_schema_version() + 1}).run().ok());
  auto refused = migrate(**conn);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
}


// A database made before migration 5 keeps its rows, tags, indexes and foreign keys when the
// tables are rebuilt with AUTOINCREMENT, and its ids continue past every id it ever held,
// including ids that only the audit log still names.
TEST(SqliteMigrationTest, AutoincrementRebuildKeepsDataAndNeverReusesIds) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_sqlite_autoinc_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "old.db").string();
  auto opened = SqliteConnection::open(path, false);
  ASSERT_TRUE(opened.ok());
  SqliteConnection& conn = **opened;
  ASSERT_TRUE(conn.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT "
                        "NOT NULL, applied_at TEXT)")
                  .ok());
  for (const Migration& m : embedded_migrations()) {
    if (m.version > 4) break;
    ASSERT_TRUE(conn.exec(m.sql).ok()) << m.name;
    ASSERT_TRUE(conn.exec("INSERT INTO schema_version (version, name) VALUES (" +
                          std::to_string(m.version) + ", 'old')")
                    .ok());
  }
  ASSERT_TRUE(conn.exec("INSERT INTO teams VALUES (1, 'East', 1, 0, 0);"
                        "INSERT INTO contacts (id, given_name, family_name, display_name, "
                        " lifecycle_stage, team_id, doc, version, created_at, updated_at) "
                        " VALUES (1, 'Ada', 'L', 'Ada L', 'lead', 1, '{}', 1, 0, 0),"
                        " (2, 'Bo', 'M', 'Bo M', 'lead', 1, '{}', 1, 0, 0);"
                        "INSERT INTO contact_tags VALUES ('vip', 1);"
                        "INSERT INTO notes (contact_id, body, version, created_at, updated_at) "
                        " VALUES (1, 'hello', 1, 0, 0);"
                        // Contact 7 was erased before the upgrade: only the log remembers it.
                        "INSERT INTO audit_log (actor_id, action, object_type, object_id, changes,"
                        " at, client_address) VALUES (NULL, 'erase', 'contacts', 7, '{}', 0, '')")
                  .ok());

  auto version = migrate(conn);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, latest_schema_version());

  auto count = [&](const std::string& sql) {
    auto s = conn.prepare(sql);
    EXPECT_TRUE(s.ok() && *s->step()) << sql;
    return s->int64_at(0);
  };
  EXPECT_EQ(count("SELECT count(*) FROM contacts"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM contact_tags WHERE record_id = 1"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM notes WHERE parent_kind = 'contact' AND parent_id = 1"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_team'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE instr(sql, '_new') > 0"), 0);
  EXPECT_EQ(count("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(count("SELECT seq FROM sqlite_sequence WHERE name = 'contacts'"), 7);
  EXPECT_EQ(count("SELECT seq FROM sqlite_sequence WHERE name = 'users'"), 0);

  // Erasing the highest contact and adding another: the new one gets a fresh id.
  ASSERT_TRUE(conn.exec("DELETE FROM contacts WHERE id = 2").ok());
  ASSERT_TRUE(conn.exec("INSERT INTO contacts (given_name, family_name, display_name, "
                        "lifecycle_stage, doc, version, created_at, updated_at) "
                        "VALUES ('Cy', 'N', 'Cy N', 'lead', '{}', 1, 0, 0)")
                  .ok());
  EXPECT_EQ(conn.last_insert_rowid(), 8);
  // The rebuilt contacts table is still the parent its children cascade from.
  ASSERT_TRUE(conn.exec("DELETE FROM contacts WHERE id = 1").ok());
  EXPECT_EQ(count("SELECT count(*) FROM contact_tags"), 0);
  opened->reset();
  std::filesystem::remove_all(dir);
}

// A database made before the note_parents migration: its notes move from contact_id/company_id
// to (parent_kind, parent_id), and a new note's id still comes after a deleted one's.
TEST(SqliteMigrationTest, NoteParentsMoveRowsAndKeepTheIdSequence) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_sqlite_note_parents_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto opened = SqliteConnection::open((dir / "old.db").string(), false);
  ASSERT_TRUE(opened.ok());
  SqliteConnection& conn = **opened;
  ASSERT_TRUE(conn.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT "
                        "NOT NULL, applied_at TEXT)")
                  .ok());
  for (const Migration& m : embedded_migrations()) {
    if (m.name == "note_parents") break;
    ASSERT_TRUE(conn.exec(m.sql).ok()) << m.name;
    ASSERT_TRUE(conn.exec("INSERT INTO schema_version (version, name) VALUES (" +
                          std::to_string(m.version) + ", 'old')")
                    .ok());
  }
  ASSERT_TRUE(conn.exec("INSERT INTO contacts (id, given_name, family_name, display_name, "
                        " lifecycle_stage, doc, version, created_at, updated_at) "
                        " VALUES (4, 'Ada', 'L', 'Ada L', 'lead', '{}', 1, 0, 0);"
                        "INSERT INTO companies (id, name, doc, version, created_at, updated_at) "
                        " VALUES (9, 'Acme', '{}', 1, 0, 0);"
                        "INSERT INTO notes (contact_id, company_id, body, version, created_at, "
                        " updated_at) VALUES (4, NULL, 'on Ada', 1, 5, 5), "
                        " (NULL, 9, 'on Acme', 1, 6, 6), (4, NULL, 'deleted', 1, 7, 7);"
                        "DELETE FROM notes WHERE id = 3;")
                  .ok());

  auto version = migrate(conn);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, latest_schema_version());
  std::vector<std::string> rows;
  {
    auto s = conn.prepare("SELECT id, parent_kind, parent_id, body FROM notes ORDER BY id");
    ASSERT_TRUE(s.ok());
    while (*s->step()) {
      rows.push_back(std::to_string(s->int64_at(0)) + " " + s->text_at(1) + " " +
                     std::to_string(s->int64_at(2)) + " " + s->text_at(3));
    }
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"1 contact 4 on Ada", "2 company 9 on Acme"}));
  // The activities migration rebuilt the table again: the deleted note's id is still not reused.
  ASSERT_TRUE(conn.exec("INSERT INTO notes (parent_kind, parent_id, body, version, created_at, "
                        "updated_at) VALUES ('company', 9, 'new', 1, 8, 8)")
                  .ok());
  EXPECT_EQ(conn.last_insert_rowid(), 4);
  opened->reset();
  std::filesystem::remove_all(dir);
}

// A database made before record_links keeps its contacts' links to companies: they move out of
// the documents into rows in their order (a link to a company that no longer exists is dropped),
// the documents keep everything else, and contact_companies is gone.
TEST(SqliteMigrationTest, RecordLinksTakeTheCompanyLinksOutOfContactDocuments) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_sqlite_links_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto opened = SqliteConnection::open((dir / "old.db").string(), false);
  ASSERT_TRUE(opened.ok());
  SqliteConnection& conn = **opened;
  ASSERT_TRUE(conn.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT "
                        "NOT NULL, applied_at TEXT)")
                  .ok());
  for (const Migration& m : embedded_migrations()) {
    if (m.name.find("record_links") != std::string_view::npos) break;
    ASSERT_TRUE(conn.exec(m.sql).ok()) << m.name;
    ASSERT_TRUE(conn.exec("INSERT INTO schema_version (version, name) VALUES (" +
                          std::to_string(m.version) + ", 'old')")
                    .ok());
  }
  core::Contact ada;
  ada.given_name = "Ada";
  ada.family_name = "L";
  ada.emails = {{"ada@example.com", "work", true}};
  ada.notes = "Met at the fair.";
  auto old_doc = [&](std::string_view companies) {
    auto s = conn.prepare("SELECT json_set(?1, '$.companies', json(?2))");
    EXPECT_TRUE(s.ok() && *s->bind(1, store::contact_doc(ada)).bind(2, companies).step());
    return s->text_at(0);
  };
  const std::string linked =
      old_doc(R"([{"company_id":2,"job_title":"Owner"},{"company_id":1,"job_title":"Buyer"},)"
              R"({"company_id":9,"job_title":"Ghost"}])");
  const std::string unlinked = old_doc("[]");
  auto insert = [&](std::int64_t id, const std::string& doc) {
    auto s = conn.prepare(
        "INSERT INTO contacts (id, given_name, family_name, display_name, lifecycle_stage, doc, "
        "version, created_at, updated_at) VALUES (?1, 'Ada', 'L', 'Ada L', 'lead', ?2, 1, 0, 0)");
    return s.ok() && s->bind(1, id).bind(2, doc).run().ok();
  };
  ASSERT_TRUE(insert(1, linked));
  ASSERT_TRUE(insert(2, unlinked));
  ASSERT_TRUE(conn.exec("INSERT INTO companies (id, name, doc, version, created_at, updated_at) "
                        "VALUES (1, 'Aalders', '{}', 1, 0, 0), (2, 'Bangkok', '{}', 1, 0, 0);"
                        "INSERT INTO contact_companies VALUES (1, 1), (2, 1);")
                  .ok());

  auto version = migrate(conn);
  ASSERT_TRUE(version.ok()) << version.error().message;
  auto count = [&](const std::string& sql) {
    auto s = conn.prepare(sql);
    EXPECT_TRUE(s.ok() && *s->step()) << sql;
    return s->int64_at(0);
  };
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE name = 'contact_companies'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM contacts WHERE json_type(doc, '$.companies') IS NOT NULL"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM record_links"), 2);
  SqliteCustomerTx tx(conn);
  auto read = store::get<core::Contact>(tx, 1);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->companies, (std::vector<core::CompanyLink>{{2, "Owner"}, {1, "Buyer"}}));
  EXPECT_EQ(read->emails, ada.emails);
  EXPECT_EQ(read->notes, ada.notes);
  auto other = store::get<core::Contact>(tx, 2);
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_TRUE(other->companies.empty());
  opened->reset();
  std::filesystem::remove_all(dir);
}

// The database and its WAL and shared-memory files are readable by their owner only, whatever
// the umask.
TEST_F(SqliteDatabaseTest, FilesAreCreatedOwnerOnly) {
  const mode_t previous = ::umask(0022);
  auto db = SqliteDatabase::open(path_, 1);
  ::umask(previous);
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE((*db)
                  ->write([](SqliteConnection& conn) {
                    return conn.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
                  })
                  .ok());
  for (const std::string suffix : {"", "-wal", "-shm"}) {
    struct stat info {};
    ASSERT_EQ(::stat((path_ + suffix).c_str(), &info), 0) << suffix;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << suffix;
  }
}

// secure_delete is set explicitly on every connection, not left to how SQLite was built.
TEST_F(SqliteDatabaseTest, SecureDeleteIsOn) {
  auto conn = SqliteConnection::open(path_, false);
  ASSERT_TRUE(conn.ok());
  auto pragma = (*conn)->prepare("PRAGMA secure_delete");
  ASSERT_TRUE(pragma.ok() && *pragma->step());
  EXPECT_EQ(pragma->int64_at(0), 1);
}

}  // namespace
}  // namespace rapport::store::sqlite
