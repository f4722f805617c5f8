// The engines the store suites run on: a fresh customer store on a temporary SQLite file or in a
// throwaway PostgreSQL schema (RAPPORT_TEST_POSTGRES_URL), shared by the conformance test files.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_migrations.hpp"
#include "store/store.hpp"

namespace rapport::store {

// One engine under test: how to open a fresh store, how to mark its schema as newer than this
// binary (for the refusal test) and how many rows a table of it holds (for what the store's
// interface does not show, such as link rows left behind).
struct EngineFixture {
  std::unique_ptr<CustomerStore> store;
  std::function<void()> bump_schema;
  std::function<std::int64_t(const std::string& table)> count_rows;
  std::function<void()> cleanup;
};

inline EngineFixture make_sqlite(const std::string& test_name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("rapport_conformance_" + std::to_string(::getpid()) + "_" + test_name);
  std::filesystem::remove_all(dir);
  std::string path = (dir / "store.db").string();
  auto opened = open(path);
  if (!opened.ok()) throw std::runtime_error(opened.error().message);
  EngineFixture f;
  f.store = std::move(opened).value();
  f.bump_schema = [path] {
    auto conn = sqlite::SqliteConnection::open(path, false);
    auto stmt = (*conn)->prepare("INSERT INTO schema_version(version, name) VALUES (?1, 'future')");
    (void)stmt->bind(1, std::int64_t{sqlite::latest_schema_version() + 1}).run();
  };
  f.count_rows = [path](const std::string& table) -> std::int64_t {
    auto conn = sqlite::SqliteConnection::open(path, true);
    if (!conn.ok()) throw std::runtime_error(conn.error().message);
    auto stmt = (*conn)->prepare("SELECT count(*) FROM " + table);
    if (!stmt.ok()) throw std::runtime_error(stmt.error().message);
    auto row = stmt->step();
    if (!row.ok() || !*row) throw std::runtime_error("cannot count " + table);
    return stmt->int64_at(0);
  };
  f.cleanup = [dir] { std::filesystem::remove_all(dir); };
  return f;
}

// A fresh schema of its own in the database RAPPORT_TEST_POSTGRES_URL names, so tests running
// in parallel never meet; dropped at cleanup.
inline EngineFixture make_postgres(const std::string& base) {
  auto schema = postgres::PgTestSchema::create(base);
  if (!schema.ok()) throw std::runtime_error(schema.error().message);
  std::shared_ptr<postgres::PgTestSchema> owned = std::move(schema).value();
  auto opened = open(owned->url());
  if (!opened.ok()) throw std::runtime_error(opened.error().message);
  EngineFixture f;
  f.store = std::move(opened).value();
  f.bump_schema = [owned] {
    (void)owned->admin().exec(
        "INSERT INTO " + owned->name() + ".schema_version (version, name) VALUES ($1, 'future')",
        {postgres::latest_schema_version() + 1});
  };
  f.count_rows = [owned](const std::string& table) -> std::int64_t {
    auto rows = owned->admin().exec("SELECT count(*) FROM " + owned->name() + "." + table);
    if (!rows.ok()) throw std::runtime_error(rows.error().message);
    return rows->int64(0, 0);
  };
  f.cleanup = [owned]() mutable { owned.reset(); };
  return f;
}

// Adding an engine: one entry here and one in kEngines.
inline EngineFixture make_engine(const std::string& engine, const std::string& test_name) {
  if (engine == "sqlite") return make_sqlite(test_name);
  if (engine == "postgresql") {
    auto base = postgres::PgTestSchema::base_url();
    if (base) return make_postgres(*base);
  }
  throw std::runtime_error("unknown engine " + engine);
}

inline const std::vector<std::string> kEngines = {"sqlite", "postgresql"};

// The base of the store suites, parameterised by engine name: each test gets a migrated store of
// its own. A PostgreSQL test without RAPPORT_TEST_POSTGRES_URL is skipped (failed under CI=true).
class EngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->test_suite_name()) + "_" + test->name();
    std::replace(name.begin(), name.end(), '/', '_');
    if (GetParam() == "postgresql") {
      RAPPORT_POSTGRES_URL_OR_SKIP(base);
    }
    engine_ = make_engine(GetParam(), name);
    auto migrated = store().migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  }
  void TearDown() override {
    engine_.store.reset();
    if (engine_.cleanup) engine_.cleanup();
  }

  CustomerStore& store() { return *engine_.store; }

  EngineFixture engine_;
};

}  // namespace rapport::store
