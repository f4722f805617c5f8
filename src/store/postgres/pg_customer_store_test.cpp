// Tests of the PostgreSQL customer store on a throwaway cluster (skipped without
// RAPPORT_TEST_POSTGRES_URL): versions, trash, keyset lists, filters, scope, search, custom fields.
#include "store/postgres/pg_customer_store.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

const core::Timestamp kNow = core::from_millis(1'790'000'000'123);

class PgCustomerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
    auto pool = PgPool::create({schema_->url(), 2, std::chrono::milliseconds(2000)});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    store_ = std::make_unique<PgCustomerStore>(std::move(pool).value());
    auto migrated = store_->migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  }

  // A validated contact; `phone` in any format the default region (TH) reads.
  static core::Contact contact(std::string given, std::string family, std::string phone = "") {
    core::Contact c;
    c.given_name = std::move(given);
    c.family_name = std::move(family);
    if (!phone.empty()) c.phones.push_back({phone, "", "mobile", true, ""});
    core::ContactRules rules;
    core::Status valid = core::validate(c, rules);
    EXPECT_TRUE(valid.ok()) << valid.error().message;
    return c;
  }

  core::Contact create(core::Contact c) {
    core::Contact stored;
    core::Status status = store_->transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(stored, tx.create_contact(c, {7, kNow}));
      return core::ok_status();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return stored;
  }

  core::Result<Page<core::Contact>> list(const core::ListQuery& query,
                                         const RecordScope& scope = RecordScope::all(),
                                         Shelf shelf = Shelf::kLive) {
    core::Result<Page<core::Contact>> page = core::Error::internal("not run");
    core::Status status = store_->read([&](CustomerTx& tx) -> core::Status {
      page = tx.list_contacts(query, scope, shelf, RecordScope::all());
      return core::ok_status();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return page;
  }

  std::vector<std::string> search(std::string q) {
    core::ListQuery query;
    query.search = std::move(q);
    auto page = list(query);
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::string> names;
    if (page.ok()) {
      for (const auto& c : page->items) names.push_back(c.display_name);
    }
    return names;
  }

  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<PgCustomerStore> store_;
};

TEST_F(PgCustomerStoreTest, CreateReadUpdateWithVersions) {
  core::Contact created = create(contact("สมชาย", "ใจดี", "081-234-5678"));
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.meta.version, 1);
  EXPECT_EQ(created.meta.created_at, kNow);
  EXPECT_EQ(created.meta.created_by, 7);
  core::Status status = store_->transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Contact read, tx.get_contact(created.id));
    EXPECT_EQ(read, created);
    read.notes = "โทรกลับพรุ่งนี้";
    RAPPORT_ASSIGN_OR_RETURN(core::Contact updated, tx.update_contact(read, {8, kNow}));
    EXPECT_EQ(updated.meta.version, 2);
    EXPECT_EQ(updated.meta.updated_by, 8);
    EXPECT_EQ(updated.meta.created_by, 7);
    EXPECT_EQ(updated.notes, "โทรกลับพรุ่งนี้");
    EXPECT_EQ(tx.update_contact(read, {8, kNow}).error().kind, core::ErrorKind::kStale);
    EXPECT_EQ(tx.get_contact(created.id + 1000).error().kind, core::ErrorKind::kNotFound);
    return core::ok_status();
  });
  EXPECT_TRUE(status.ok()) << status.error().message;
}

TEST_F(PgCustomerStoreTest, TrashRestoreAndErase) {
  core::Contact c = create(contact("Anna", "de Vries"));
  core::Status status = store_->transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Contact trashed, tx.trash_contact(c.id, 1, {1, kNow}));
    EXPECT_TRUE(trashed.meta.deleted_at.has_value());
    EXPECT_EQ(tx.update_contact(trashed, {1, kNow}).error().kind, core::ErrorKind::kConflict);
    EXPECT_EQ(tx.trash_contact(c.id, 2, {1, kNow}).error().kind, core::ErrorKind::kConflict);
    EXPECT_EQ(tx.restore_contact(c.id, 1, {1, kNow}).error().kind, core::ErrorKind::kStale);
    return core::ok_status();
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_TRUE(list({})->items.empty());
  EXPECT_EQ(list({}, RecordScope::all(), Shelf::kTrash)->items.size(), 1u);
  status = store_->transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Contact restored, tx.restore_contact(c.id, 2, {1, kNow}));
    EXPECT_FALSE(restored.meta.deleted_at.has_value());
    EXPECT_EQ(restored.meta.version, 3);
    RAPPORT_TRY(tx.erase_contact(c.id));
    EXPECT_EQ(tx.get_contact(c.id).error().kind, core::ErrorKind::kNotFound);
    EXPECT_EQ(tx.erase_contact(c.id).error().kind, core::ErrorKind::kNotFound);
    return core::ok_status();
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_TRUE(search("anna").empty());
}

TEST_F(PgCustomerStoreTest, KeysetPagesCoverEveryRowOnce) {
  const char* names[] = {"Bram", "Anouk", "Daan", "Chloé", "Emma", "Anouk", "Finn"};
  for (const char* name : names) create(contact(name, "Jansen"));
  core::ListQuery query;
  query.limit = 3;
  query.sort = core::SortKey{"display_name", true};
  std::vector<std::pair<std::string, core::Id>> seen;
  for (int page_number = 0; page_number < 5; ++page_number) {
    auto page = list(query);
    ASSERT_TRUE(page.ok()) << page.error().message;
    for (const auto& c : page->items) seen.emplace_back(c.display_name, c.id);
    if (page->next.empty()) break;
    query.after = page->next;
  }
  ASSERT_EQ(seen.size(), 7u);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(seen[i - 1], seen[i]) << i;
  }
  core::ListQuery other;
  other.after = query.after;
  EXPECT_EQ(list(other).error().kind, core::ErrorKind::kInvalid);
  other.after = "not-a-cursor";
  EXPECT_EQ(list(other).error().kind, core::ErrorKind::kInvalid);
}

TEST_F(PgCustomerStoreTest, BadQueriesAreInvalid) {
  core::ListQuery query;
  query.limit = core::kMaxPageSize + 1;
  EXPECT_EQ(list(query).error().kind, core::ErrorKind::kInvalid);
  query = {};
  query.sort = core::SortKey{"doc; DROP TABLE contacts", false};
  EXPECT_EQ(list(query).error().kind, core::ErrorKind::kInvalid);
  query = {};
  query.filters.push_back({"password_hash", core::FilterOp::kEq, {"x"}});
  EXPECT_EQ(list(query).error().kind, core::ErrorKind::kInvalid);
  query = {};
  query.filters.push_back({"owner_id", core::FilterOp::kEq, {"1 OR 1=1"}});
  EXPECT_EQ(list(query).error().kind, core::ErrorKind::kInvalid);
  query = {};
  query.filters.push_back({"custom.nope", core::FilterOp::kEq, {"x"}});
  EXPECT_EQ(list(query).error().kind, core::ErrorKind::kInvalid);
}

TEST_F(PgCustomerStoreTest, FiltersTagsAndScope) {
  core::Contact a = contact("Juan", "dela Cruz");
  a.owner_id = 1;
  a.team_id = 10;
  a.lifecycle_stage = "customer";
  a.tags = {"vip", "manila"};
  create(a);
  core::Contact b = contact("Maria", "Santos");
  b.owner_id = 2;
  b.team_id = 20;
  b.tags = {"manila"};
  create(b);
  create(contact("Li", "Wei"));

  core::ListQuery query;
  query.filters = {{"owner_id", core::FilterOp::kEq, {"1"}},
                   {"lifecycle_stage", core::FilterOp::kEq, {"customer"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);
  query.filters = {{"tags", core::FilterOp::kEq, {"manila"}}};
  EXPECT_EQ(list(query)->items.size(), 2u);
  query.filters = {{"tags", core::FilterOp::kEmpty, {"true"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);
  query.filters = {{"owner_id", core::FilterOp::kEmpty, {"true"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);
  query.filters = {{"owner_id", core::FilterOp::kNe, {"1"}}};
  EXPECT_EQ(list(query)->items.size(), 2u);
  query.filters = {{"family_name", core::FilterOp::kContains, {"Cruz"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);

  EXPECT_EQ(list({}, RecordScope::owners({2}))->items.size(), 1u);
  EXPECT_EQ(list({}, RecordScope::teams({10, 20}))->items.size(), 2u);
  EXPECT_TRUE(list({}, RecordScope::owners({}))->items.empty());
  core::ListQuery search_query;
  search_query.search = "Maria";
  EXPECT_TRUE(list(search_query, RecordScope::owners({1}))->items.empty());
}

TEST_F(PgCustomerStoreTest, SearchFindsThaiChineseUnaccentedAndPhones) {
  create(contact("สมชาย", "ใจดี", "+66 81 234 5678"));
  create(contact("小明", "王"));
  create(contact("Nguyễn", "Thị Hoa"));
  create(contact("Piet", "Müller"));
  EXPECT_EQ(search("มชา"), std::vector<std::string>{"สมชาย ใจดี"});
  EXPECT_EQ(search("小明").size(), 1u);
  EXPECT_EQ(search("nguyen").size(), 1u);
  EXPECT_EQ(search("MULLER").size(), 1u);
  EXPECT_EQ(search("081-234-5678").size(), 1u);
  EXPECT_EQ(search("+66 81 234 5678").size(), 1u);
  EXPECT_TRUE(search("100%_").empty());
}

TEST_F(PgCustomerStoreTest, UniqueCustomValuesAndCustomFilters) {
  core::CustomFieldDefinition tier;
  tier.key = "member_no";
  tier.label = "Member number";
  tier.type = core::CustomFieldType::kText;
  tier.unique = true;
  core::CustomFieldDefinition spend;
  spend.key = "spend";
  spend.label = "Spend";
  spend.type = core::CustomFieldType::kNumber;
  core::Status status = store_->transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(tx.create_custom_field(tier, {1, kNow}));
    RAPPORT_TRY(tx.create_custom_field(spend, {1, kNow}));
    EXPECT_EQ(tx.create_custom_field(tier, {1, kNow}).error().kind, core::ErrorKind::kConflict);
    return core::ok_status();
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  core::Contact first = contact("A", "One");
  first.custom["member_no"].text = "M-1";
  first.custom["spend"].text = "250";
  create(first);
  core::Contact second = contact("B", "Two");
  second.custom["member_no"].text = "M-1";
  status = store_->transact([&](CustomerTx& tx) -> core::Status {
    return tx.create_contact(second, {1, kNow}).error();
  });
  EXPECT_EQ(status.error().kind, core::ErrorKind::kConflict);

  core::ListQuery query;
  query.filters = {{"custom.spend", core::FilterOp::kGt, {"100"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);
  query.filters = {{"custom.spend", core::FilterOp::kLt, {"100"}}};
  EXPECT_TRUE(list(query)->items.empty());
  query.filters = {{"custom.member_no", core::FilterOp::kEq, {"M-1"}}};
  EXPECT_EQ(list(query)->items.size(), 1u);

  status = store_->transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto fields, tx.list_custom_fields(core::RecordKind::kContact));
    EXPECT_EQ(fields.size(), 2u);
    RAPPORT_TRY(tx.delete_custom_field(fields[0].id, fields[0].version));
    RAPPORT_ASSIGN_OR_RETURN(core::Contact read, tx.get_contact(1));
    EXPECT_EQ(read.custom.count("member_no"), 0u);
    EXPECT_EQ(read.custom.count("spend"), 1u);
    return core::ok_status();
  });
  EXPECT_TRUE(status.ok()) << status.error().message;
}

}  // namespace
}  // namespace rapport::store::postgres
