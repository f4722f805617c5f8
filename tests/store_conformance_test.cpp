// The store conformance suite: the same behaviour required of every engine. Parameterised over
// engines; SQLite runs on a temporary file, PostgreSQL (when its adapter is built) on the URL in
// RAPPORT_TEST_POSTGRES_URL.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "core/collation.hpp"
#include "core/text_rules.hpp"
#include "engine_fixture.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace rapport::store {
namespace {

using core::ErrorKind;
using core::FilterOp;

core::Timestamp at(const char* text) { return *core::parse_timestamp(text); }

class StoreConformance : public EngineTest {
 protected:
  Stamp stamp() {
    clock_ += std::chrono::seconds(1);
    return Stamp{7, clock_};
  }

  core::Contact person(std::string given, std::string family) {
    core::Contact c;
    c.given_name = std::move(given);
    c.family_name = std::move(family);
    return c;
  }

  core::Result<core::Contact> create(core::Contact c,
                                     const std::vector<core::CustomFieldDefinition>& defs = {}) {
    core::ContactRules rules;
    rules.custom_fields = defs;
    RAPPORT_TRY(core::validate(c, rules));
    core::Contact out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, store::create(tx, c, stamp()));
      return {};
    }));
    return out;
  }

  core::Company firm(std::string name) {
    core::Company c;
    c.name = std::move(name);
    EXPECT_TRUE(core::validate(c, {}, "TH").ok());
    return c;
  }

  core::Result<core::Company> create_company(const core::Company& c) {
    core::Company out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, store::create(tx, c, stamp()));
      return {};
    }));
    return out;
  }

  core::Result<Page<core::Contact>> list(const core::ListQuery& q,
                                         const RecordScope& scope = RecordScope::all(),
                                         Shelf shelf = Shelf::kLive,
                                         const RecordScope& companies = RecordScope::all()) {
    Page<core::Contact> page;
    RAPPORT_TRY(store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(page, store::list<core::Contact>(tx, q, scope, shelf, companies));
      return {};
    }));
    return page;
  }

  // Ids of every contact matching `q`, following cursors.
  std::vector<core::Id> all_ids(core::ListQuery q, const RecordScope& scope = RecordScope::all(),
                                Shelf shelf = Shelf::kLive) {
    std::vector<core::Id> ids;
    for (int guard = 0; guard < 1000; ++guard) {
      auto page = list(q, scope, shelf);
      EXPECT_TRUE(page.ok()) << page.error().message;
      if (!page.ok()) break;
      for (const auto& c : page->items) ids.push_back(c.id);
      if (page->next.empty()) break;
      q.after = page->next;
    }
    return ids;
  }

  std::vector<core::Id> search(const std::string& q,
                               const RecordScope& scope = RecordScope::all()) {
    core::ListQuery query;
    query.search = q;
    return all_ids(query, scope);
  }

  core::CustomFieldDefinition define(std::string key, core::CustomFieldType type,
                                     std::vector<std::string> options = {}, bool unique = false) {
    core::CustomFieldDefinition d;
    d.key = std::move(key);
    d.label = d.key;
    d.type = type;
    d.options = std::move(options);
    d.unique = unique;
    EXPECT_TRUE(core::validate(d).ok());
    core::CustomFieldDefinition out;
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.create_custom_field(d, stamp()));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return out;
  }

  core::Timestamp clock_ = at("2024-01-01T00:00:00Z");
};

core::Filter filter(std::string field, FilterOp op, std::vector<std::string> values) {
  return core::Filter{std::move(field), op, std::move(values)};
}

core::ListQuery where(std::vector<core::Filter> filters) {
  core::ListQuery q;
  q.filters = std::move(filters);
  return q;
}

TEST_P(StoreConformance, ContactRoundTripsEveryField) {
  auto tier = define("tier", core::CustomFieldType::kSingleSelect, {"gold", "silver"});
  auto score = define("score", core::CustomFieldType::kNumber);
  auto langs = define("langs", core::CustomFieldType::kMultiSelect, {"th", "en", "zh"});
  auto budget = define("budget", core::CustomFieldType::kMoney);
  core::Company acme;
  acme.name = "Siam Widgets";
  ASSERT_TRUE(core::validate(acme, {}, "TH").ok());
  core::Company stored_company;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(stored_company, store::create(tx, acme, stamp()));
                    return {};
                  })
                  .ok());

  core::Contact c = person("สมชาย", "ใจดี");
  c.display_name = "Khun Somchai";
  c.emails = {{"Somchai@Example.co.th", "work", true}, {"s@home.example", "home", false}};
  c.phones = {{"081-234-5678", "", "mobile", true, ""},
              {"+31 20 123 4567", "", "work", false, ""}};
  c.addresses = {{"work", "99 Rama IV Rd", "Bangkok", "Bangkok", "10500", "TH"}};
  c.companies = {{stored_company.id, "Buyer"}};
  c.lifecycle_stage = "customer";
  c.lead_source = "trade fair";
  c.owner_id = 11;
  c.team_id = 3;
  c.tags = {"vip", "ลูกค้าใหม่"};
  c.preferred_language = "th";
  c.time_zone = "Asia/Bangkok";
  c.consents = {{"email", true, at("2024-05-01T10:00:00Z"), "web form"}};
  c.notes = "Prefers LINE.\nSecond line.";
  c.custom["tier"] = {"gold", {}, {}};
  c.custom["score"] = {"12.5", {}, {}};
  c.custom["langs"] = {"", {"th", "en"}, {}};
  c.custom["budget"] = {"", {}, core::Money{1500000, "THB"}};
  auto created = create(c, {tier, score, langs, budget});
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->meta.version, 1);
  EXPECT_EQ(created->meta.created_by, 7);
  EXPECT_FALSE(created->meta.deleted_at.has_value());

  core::Contact read;
  ASSERT_TRUE(store()
                  .read([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(read, store::get<core::Contact>(tx, created->id));
                    return {};
                  })
                  .ok());
  core::ContactRules rules;
  rules.custom_fields = {tier, score, langs, budget};
  ASSERT_TRUE(core::validate(c, rules).ok());
  EXPECT_EQ(*created, read);  // what create returns is what a get returns, on every engine
  c.id = read.id;
  c.meta = read.meta;
  EXPECT_EQ(read, c);
  EXPECT_EQ(read.phones[0].e164, "+66812345678");
}

TEST_P(StoreConformance, CompanyRoundTripsEveryField) {
  core::Company parent;
  parent.name = "Parent Holdings";
  ASSERT_TRUE(core::validate(parent, {}, "TH").ok());
  core::Company c;
  c.name = "Nederlandse Fietsen B.V.";
  c.domains = {"fietsen.nl", "fietsen.example"};
  c.industry = "retail";
  c.size = "51-200";
  c.annual_revenue = core::Money{123456789, "EUR"};
  c.addresses = {{"billing", "Damrak 1", "Amsterdam", "NH", "1012 LG", "NL"}};
  c.owner_id = 4;
  c.team_id = 2;
  c.tags = {"partner"};
  c.notes = "Since 2019";
  ASSERT_TRUE(core::validate(c, {}, "TH").ok());
  core::Company read;
  auto status = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Company p, store::create(tx, parent, stamp()));
    c.parent_id = p.id;
    RAPPORT_ASSIGN_OR_RETURN(core::Company created, store::create(tx, c, stamp()));
    RAPPORT_ASSIGN_OR_RETURN(read, store::get<core::Company>(tx, created.id));
    EXPECT_EQ(created, read);  // what create returns is what a get returns, on every engine
    return {};
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  c.id = read.id;
  c.meta = read.meta;
  EXPECT_EQ(read, c);
  EXPECT_EQ(read.meta.version, 1);
}

TEST_P(StoreConformance, StaleVersionIsRefused) {
  auto created = create(person("Anna", "de Vries"));
  ASSERT_TRUE(created.ok());
  core::Contact first = *created, second = *created;
  first.notes = "first writer";
  second.notes = "second writer";
  core::Contact updated;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(updated, store::update(tx, first, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(updated.meta.version, 2);
  EXPECT_EQ(updated.notes, "first writer");
  auto stale = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::update(tx, second, stamp()));
    return {};
  });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kStale);
  auto stale_trash = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::trash<core::Contact>(tx, created->id, 1, stamp()));
    return {};
  });
  EXPECT_EQ(stale_trash.error().kind, ErrorKind::kStale);
  auto missing = store().transact([&](CustomerTx& tx) -> core::Status {
    core::Contact ghost = first;
    ghost.id = 999999;
    RAPPORT_TRY(store::update(tx, ghost, stamp()));
    return {};
  });
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

// One kind's operations, for the checks that run alike on contacts and companies.
struct KindWrites {
  std::string noun;
  core::Id id;
  std::function<core::Status(CustomerTx&, core::Id)> get;
  std::function<core::Status(CustomerTx&, core::Id, std::int64_t)> update, trash, restore;
  std::function<core::Status(CustomerTx&, core::Id)> erase;
};

void expect_error(const core::Status& status, ErrorKind kind, const std::string& message) {
  ASSERT_FALSE(status.ok()) << message;
  EXPECT_EQ(status.error().kind, kind) << message;
  EXPECT_EQ(status.error().message, message);
  EXPECT_TRUE(status.error().fields.empty()) << message;
}

// The same words on every engine, and the same order of the checks: existence, then the version,
// then the shelf (a stale version wins over the trash).
TEST_P(StoreConformance, RecordStateErrorsAndTheirOrderAreTheSameOnEveryEngine) {
  auto contact = create(person("Anna", "de Vries"));
  ASSERT_TRUE(contact.ok()) << contact.error().message;
  auto company = create_company(firm("Aalders"));
  ASSERT_TRUE(company.ok()) << company.error().message;
  std::vector<KindWrites> kinds;
  kinds.push_back(
      {"contact", contact->id,
       [](CustomerTx& tx, core::Id id) -> core::Status {
         RAPPORT_TRY(store::get<core::Contact>(tx, id));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         core::Contact c = *contact;
         c.id = id;
         c.meta.version = version;
         RAPPORT_TRY(store::update(tx, c, stamp()));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         RAPPORT_TRY(store::trash<core::Contact>(tx, id, version, stamp()));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         RAPPORT_TRY(store::restore<core::Contact>(tx, id, version, stamp()));
         return {};
       },
       [](CustomerTx& tx, core::Id id) { return store::erase<core::Contact>(tx, id); }});
  kinds.push_back(
      {"company", company->id,
       [](CustomerTx& tx, core::Id id) -> core::Status {
         RAPPORT_TRY(store::get<core::Company>(tx, id));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         core::Company c = *company;
         c.id = id;
         c.meta.version = version;
         RAPPORT_TRY(store::update(tx, c, stamp()));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         RAPPORT_TRY(store::trash<core::Company>(tx, id, version, stamp()));
         return {};
       },
       [&](CustomerTx& tx, core::Id id, std::int64_t version) -> core::Status {
         RAPPORT_TRY(store::restore<core::Company>(tx, id, version, stamp()));
         return {};
       },
       [](CustomerTx& tx, core::Id id) { return store::erase<core::Company>(tx, id); }});
  for (const KindWrites& k : kinds) {
    SCOPED_TRACE(k.noun);
    auto run = [&](const auto& op, auto... args) {
      return store().transact([&](CustomerTx& tx) { return op(tx, args...); });
    };
    const core::Id ghost = 999999;
    const std::string missing = "no such " + k.noun;
    expect_error(run(k.get, ghost), ErrorKind::kNotFound, missing);
    expect_error(run(k.update, ghost, std::int64_t{1}), ErrorKind::kNotFound, missing);
    expect_error(run(k.trash, ghost, std::int64_t{1}), ErrorKind::kNotFound, missing);
    expect_error(run(k.restore, ghost, std::int64_t{1}), ErrorKind::kNotFound, missing);
    expect_error(run(k.erase, ghost), ErrorKind::kNotFound, missing);

    auto stale = [&](int stored, int expected) {
      return "the " + k.noun + " was changed by someone else (version " + std::to_string(stored) +
             ", not " + std::to_string(expected) + ")";
    };
    ASSERT_TRUE(run(k.update, k.id, std::int64_t{1}).ok());
    expect_error(run(k.update, k.id, std::int64_t{1}), ErrorKind::kStale, stale(2, 1));
    expect_error(run(k.trash, k.id, std::int64_t{1}), ErrorKind::kStale, stale(2, 1));

    ASSERT_TRUE(run(k.trash, k.id, std::int64_t{2}).ok());
    const std::string in_trash = "the " + k.noun + " is in the trash; restore it first";
    expect_error(run(k.update, k.id, std::int64_t{3}), ErrorKind::kConflict, in_trash);
    expect_error(run(k.trash, k.id, std::int64_t{3}), ErrorKind::kConflict, in_trash);
    expect_error(run(k.update, k.id, std::int64_t{1}), ErrorKind::kStale, stale(3, 1));
    expect_error(run(k.restore, k.id, std::int64_t{2}), ErrorKind::kStale, stale(3, 2));

    ASSERT_TRUE(run(k.restore, k.id, std::int64_t{3}).ok());
    expect_error(run(k.restore, k.id, std::int64_t{4}), ErrorKind::kConflict,
                 "the " + k.noun + " is not in the trash");
    expect_error(run(k.restore, k.id, std::int64_t{1}), ErrorKind::kStale, stale(4, 1));
  }
}

// A parent company that does not exist (never, or erased) is the same field error on every
// engine, checked before the write and before the version; a unique custom value is checked
// after the version.
TEST_P(StoreConformance, ParentIsCheckedBeforeTheVersionAndUniqueValuesAfterIt) {
  auto gone = create_company(firm("Gone Trading"));
  ASSERT_TRUE(gone.ok()) << gone.error().message;
  ASSERT_TRUE(
      store()
          .transact([&](CustomerTx& tx) { return store::erase<core::Company>(tx, gone->id); })
          .ok());
  auto expect_no_parent = [](const core::Status& status) {
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(status.error().message, "parent_id: no such company");
    EXPECT_EQ(status.error().fields,
              (std::vector<core::FieldError>{{"parent_id", "no such company"}}));
  };
  auto write = [&](const core::Company& c, bool fresh) {
    return store().transact([&](CustomerTx& tx) -> core::Status {
      if (fresh) {
        RAPPORT_TRY(store::create(tx, c, stamp()));
      } else {
        RAPPORT_TRY(store::update(tx, c, stamp()));
      }
      return {};
    });
  };
  core::Company orphan = firm("Orphan Holdings");
  for (core::Id parent : {gone->id, core::Id{999999}}) {
    orphan.parent_id = parent;
    expect_no_parent(write(orphan, true));
  }
  EXPECT_EQ(engine_.count_rows("companies"), 0);

  auto child = create_company(firm("Child Holdings"));
  ASSERT_TRUE(child.ok()) << child.error().message;
  core::Company next = *child;
  next.parent_id = gone->id;
  expect_no_parent(write(next, false));
  next.meta.version = 99;
  expect_no_parent(write(next, false));
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_TRY(store::trash<core::Company>(tx, child->id, 1, stamp()));
                    return {};
                  })
                  .ok());
  next.meta.version = 2;
  expect_no_parent(write(next, false));

  auto code = define("code", core::CustomFieldType::kText, {}, true);
  auto holder = person("Unique", "Holder");
  holder.custom["code"] = {"C-1", {}, {}};
  ASSERT_TRUE(create(holder, {code}).ok());
  auto other = create(person("Unique", "Other"), {code});
  ASSERT_TRUE(other.ok()) << other.error().message;
  core::Contact taking = *other;
  taking.custom["code"] = {"C-1", {}, {}};
  auto update = [&](const core::Contact& c) {
    return store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_TRY(store::update(tx, c, stamp()));
      return {};
    });
  };
  taking.meta.version = 5;
  expect_error(update(taking), ErrorKind::kStale,
               "the contact was changed by someone else (version 1, not 5)");
  taking.meta.version = 1;
  auto taken = update(taking);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(taken.error().message, "custom/code: this value is already in use");
  EXPECT_EQ(taken.error().fields,
            (std::vector<core::FieldError>{{"custom/code", "this value is already in use"}}));
}

// Custom field definitions: the same words and the same order on every engine (existence, the
// fixed identity, then the version), and what a write returns is what a list returns.
TEST_P(StoreConformance, CustomFieldErrorsAndWritesAreTheSameOnEveryEngine) {
  auto code = define("code", core::CustomFieldType::kText);
  auto run = [&](const std::function<core::Status(CustomerTx&)>& work) {
    return store().transact(work);
  };
  auto listed = [&] {
    std::vector<core::CustomFieldDefinition> fields;
    EXPECT_TRUE(store()
                    .read([&](CustomerTx& tx) -> core::Status {
                      RAPPORT_ASSIGN_OR_RETURN(fields,
                                               tx.list_custom_fields(core::RecordKind::kContact));
                      return {};
                    })
                    .ok());
    return fields;
  };
  EXPECT_EQ(listed(), std::vector<core::CustomFieldDefinition>{code});

  auto duplicate = run([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(tx.create_custom_field(code, stamp()));
    return {};
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(duplicate.error().message, "a custom field with this key already exists");
  EXPECT_EQ(duplicate.error().fields,
            (std::vector<core::FieldError>{{"key", "is already used by another custom field"}}));

  auto update = [&](const core::CustomFieldDefinition& d) {
    return run([&](CustomerTx& tx) -> core::Status {
      RAPPORT_TRY(tx.update_custom_field(d, stamp()));
      return {};
    });
  };
  core::CustomFieldDefinition ghost = code;
  ghost.id = 999999;
  expect_error(update(ghost), ErrorKind::kNotFound, "no such custom field");
  expect_error(run([&](CustomerTx& tx) { return tx.delete_custom_field(ghost.id, 1); }),
               ErrorKind::kNotFound, "no such custom field");

  core::CustomFieldDefinition rekeyed = code;
  rekeyed.key = "other_code";
  rekeyed.type = core::CustomFieldType::kNumber;
  rekeyed.version = 9;  // the identity is checked before the version
  auto fixed = update(rekeyed);
  ASSERT_FALSE(fixed.ok());
  EXPECT_EQ(fixed.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(fixed.error().message, "the field's identity cannot change");
  EXPECT_EQ(fixed.error().fields,
            (std::vector<core::FieldError>{{"key", "cannot change"}, {"type", "cannot change"}}));

  core::CustomFieldDefinition relabelled = code;
  relabelled.label = "Customer code";
  relabelled.unique = true;
  core::CustomFieldDefinition updated;
  ASSERT_TRUE(run([&](CustomerTx& tx) -> core::Status {
                RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_custom_field(relabelled, stamp()));
                return {};
              }).ok());
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(listed(), std::vector<core::CustomFieldDefinition>{updated});
  const std::string stale = "the custom field was changed by someone else";
  expect_error(update(relabelled), ErrorKind::kStale, stale);
  expect_error(run([&](CustomerTx& tx) { return tx.delete_custom_field(code.id, 1); }),
               ErrorKind::kStale, stale);
}

TEST_P(StoreConformance, FailedTransactionLeavesNothing) {
  auto status = store().transact([&](CustomerTx& tx) -> core::Status {
    core::Contact c = person("Rolled", "Back");
    RAPPORT_TRY(core::validate(c, {}));
    RAPPORT_TRY(store::create(tx, c, stamp()));
    return core::Error::forbidden("refused after the write");
  });
  EXPECT_EQ(status.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(all_ids({}).empty());
}

TEST_P(StoreConformance, TrashRestoreAndErase) {
  auto kept = create(person("Kept", "Person"));
  auto gone = create(person("Forgotten", "Zebediah"));
  ASSERT_TRUE(kept.ok() && gone.ok());
  core::Contact trashed;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(trashed,
                                             store::trash<core::Contact>(tx, gone->id, 1, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(trashed.meta.deleted_at.has_value());
  EXPECT_EQ(trashed.meta.version, 2);
  EXPECT_EQ(all_ids({}), std::vector<core::Id>{kept->id});
  EXPECT_EQ(all_ids({}, RecordScope::all(), Shelf::kTrash), std::vector<core::Id>{gone->id});
  auto again = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::trash<core::Contact>(tx, gone->id, 2, stamp()));
    return {};
  });
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  auto edit_trashed = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::update(tx, trashed, stamp()));
    return {};
  });
  EXPECT_EQ(edit_trashed.error().kind, ErrorKind::kConflict);
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(
                        auto r, store::restore<core::Contact>(tx, gone->id, 2, stamp()));
                    EXPECT_FALSE(r.meta.deleted_at.has_value());
                    EXPECT_EQ(r.meta.version, 3);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("zebediah"), std::vector<core::Id>{gone->id});
  ASSERT_TRUE(
      store()
          .transact([&](CustomerTx& tx) { return store::erase<core::Contact>(tx, gone->id); })
          .ok());
  EXPECT_TRUE(search("zebediah").empty());
  EXPECT_TRUE(search("ze").empty());
  auto lookup = store().read([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::get<core::Contact>(tx, gone->id));
    return {};
  });
  EXPECT_EQ(lookup.error().kind, ErrorKind::kNotFound);
  auto erase_again =
      store().transact([&](CustomerTx& tx) { return store::erase<core::Contact>(tx, gone->id); });
  EXPECT_EQ(erase_again.error().kind, ErrorKind::kNotFound);
}

TEST_P(StoreConformance, PagingHasNoDuplicatesOrGapsAndSurvivesInserts) {
  std::vector<core::Id> created;
  for (int i = 0; i < 57; ++i) {
    auto c = create(person("P" + std::to_string(i % 7), "Family"));
    ASSERT_TRUE(c.ok());
    created.push_back(c->id);
  }
  core::ListQuery q;
  q.limit = 10;
  std::vector<core::Id> seen;
  for (int page_no = 0;; ++page_no) {
    auto page = list(q);
    ASSERT_TRUE(page.ok()) << page.error().message;
    for (const auto& c : page->items) seen.push_back(c.id);
    if (page_no == 1) {
      // Records written between pages must not shift the remaining pages.
      ASSERT_TRUE(create(person("Late", "Arrival")).ok());
    }
    if (page->next.empty()) break;
    q.after = page->next;
  }
  std::set<core::Id> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size());
  for (core::Id id : created) EXPECT_TRUE(unique.contains(id)) << id;
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));  // newest first by default
}

TEST_P(StoreConformance, SearchResultsPageWithoutDuplicatesOrGaps) {
  std::set<core::Id> expected;
  for (int i = 0; i < 23; ++i) {
    auto c = create(person("Pagewalker", std::to_string(i)));
    ASSERT_TRUE(c.ok());
    expected.insert(c->id);
    ASSERT_TRUE(create(person("Other", std::to_string(i))).ok());
  }
  for (bool descending : {true, false}) {
    core::ListQuery q;
    q.search = "pagewalk";
    q.limit = 5;
    q.sort = core::SortKey{"id", descending};
    auto ids = all_ids(q);
    EXPECT_EQ(std::set<core::Id>(ids.begin(), ids.end()), expected);
    EXPECT_EQ(ids.size(), expected.size());
    EXPECT_TRUE(descending ? std::is_sorted(ids.rbegin(), ids.rend())
                           : std::is_sorted(ids.begin(), ids.end()));
  }
}

TEST_P(StoreConformance, SortsBothWaysAcrossPages) {
  for (const char* name : {"Chanida", "anna", "Bram", "Zhang Wei", "Élodie", "Mark", "Bram"}) {
    ASSERT_TRUE(create(person(name, "X")).ok());
  }
  for (bool descending : {false, true}) {
    core::ListQuery q;
    q.sort = core::SortKey{"display_name", descending};
    q.limit = 2;
    std::vector<std::pair<std::string, core::Id>> rows;
    for (;;) {
      auto page = list(q);
      ASSERT_TRUE(page.ok()) << page.error().message;
      for (const auto& c : page->items) rows.emplace_back(c.display_name, c.id);
      if (page->next.empty()) break;
      q.after = page->next;
    }
    ASSERT_EQ(rows.size(), 7u);
    auto sorted = rows;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return std::pair(core::collation_key(a.first), a.second) <
             std::pair(core::collation_key(b.first), b.second);
    });
    if (descending) std::reverse(sorted.begin(), sorted.end());
    EXPECT_EQ(rows, sorted) << "descending=" << descending;
  }
  core::ListQuery mismatched;
  mismatched.sort = core::SortKey{"display_name", false};
  mismatched.limit = 2;
  auto first = list(mismatched);
  mismatched.sort->descending = true;
  mismatched.after = first->next;
  EXPECT_EQ(list(mismatched).error().kind, ErrorKind::kInvalid);
}

// Names in list order, following cursors with pages of two.
template <typename List>
std::vector<std::string> paged_names(List list, core::ListQuery q) {
  std::vector<std::string> names;
  q.limit = 2;
  for (int guard = 0; guard < 100; ++guard) {
    auto page = list(q);
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (!page.ok()) break;
    for (const auto& record : page->items) names.push_back(record.display_name);
    if (page->next.empty()) break;
    q.after = page->next;
  }
  return names;
}

core::ListQuery sorted_by(std::string field, bool descending = false) {
  core::ListQuery q;
  q.sort = core::SortKey{std::move(field), descending};
  return q;
}

TEST_P(StoreConformance, NamesSortByLanguageRulesWithExactKeysetPages) {
  for (const char* family : {"van Dijk", "Ĳsselmeer", "de Vries", "Dekker", "zandvoort", "Ibrahim",
                             "Émile", "Bakker", "Edwards", "jansen", "DEKKER"}) {
    core::Contact c = person("X", family);
    c.display_name = family;
    ASSERT_TRUE(create(c).ok());
  }
  auto contacts = [this](const core::ListQuery& q) { return list(q); };
  using V = std::vector<std::string>;
  // "Dekker" and "DEKKER" are the same name to a reader: they keep the order they were stored in.
  V ascending{"Bakker",  "de Vries",  "Dekker", "DEKKER",   "Edwards",  "Émile",
              "Ibrahim", "Ĳsselmeer", "jansen", "van Dijk", "zandvoort"};
  EXPECT_EQ(paged_names(contacts, sorted_by("family_name")), ascending);
  V descending(ascending.rbegin(), ascending.rend());
  EXPECT_EQ(paged_names(contacts, sorted_by("family_name", true)), descending);
  EXPECT_EQ(paged_names(contacts, sorted_by("display_name")), ascending);

  // Renaming moves the record to its new place.
  core::ListQuery by_name = sorted_by("family_name");
  by_name.limit = 1;
  auto first = list(by_name);
  ASSERT_TRUE(first.ok() && first->items.size() == 1);
  core::Contact renamed = first->items[0];
  renamed.family_name = "Zwart";
  renamed.display_name = "Zwart";
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_TRY(store::update(tx, renamed, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(paged_names(contacts, sorted_by("family_name")).back(), "Zwart");

  for (const char* name : {"ĲsselTech", "de Boer BV", "Aalders", "émaille", "Deventer"}) {
    core::Company co;
    co.name = name;
    ASSERT_TRUE(store()
                    .transact([&](CustomerTx& tx) -> core::Status {
                      RAPPORT_TRY(store::create(tx, co, stamp()));
                      return {};
                    })
                    .ok());
  }
  std::vector<std::string> companies;
  core::ListQuery q = sorted_by("name");
  q.limit = 2;
  for (;;) {
    Page<core::Company> page;
    ASSERT_TRUE(store()
                    .read([&](CustomerTx& tx) -> core::Status {
                      RAPPORT_ASSIGN_OR_RETURN(page, store::list<core::Company>(
                                                         tx, q, RecordScope::all(), Shelf::kLive));
                      return {};
                    })
                    .ok());
    for (const auto& co : page.items) companies.push_back(co.name);
    if (page.next.empty()) break;
    q.after = page.next;
  }
  EXPECT_EQ(companies, (V{"Aalders", "de Boer BV", "Deventer", "émaille", "ĲsselTech"}));
}

TEST_P(StoreConformance, OwnerLanguageAndTimeZoneSortAndFilter) {
  struct Row {
    const char* name;
    std::optional<core::Id> owner;
    const char* language;
    const char* zone;
  };
  for (const Row& r : {Row{"Ann", 2, "nl", "Europe/Amsterdam"}, Row{"Ben", std::nullopt, "", ""},
                       Row{"Cor", 1, "th", "Asia/Bangkok"}, Row{"Dan", 2, "fil", "Asia/Manila"},
                       Row{"Eve", std::nullopt, "nl", "Europe/Amsterdam"}}) {
    core::Contact c = person(r.name, "");
    c.display_name = r.name;
    c.owner_id = r.owner;
    c.preferred_language = r.language;
    c.time_zone = r.zone;
    ASSERT_TRUE(create(c).ok());
  }
  auto contacts = [this](const core::ListQuery& q) { return list(q); };
  using V = std::vector<std::string>;
  // Records without an owner come first, none is lost between pages.
  EXPECT_EQ(paged_names(contacts, sorted_by("owner_id")), (V{"Ben", "Eve", "Cor", "Ann", "Dan"}));
  EXPECT_EQ(paged_names(contacts, sorted_by("owner_id", true)),
            (V{"Dan", "Ann", "Cor", "Eve", "Ben"}));
  EXPECT_EQ(paged_names(contacts, sorted_by("preferred_language")),
            (V{"Ben", "Dan", "Ann", "Eve", "Cor"}));
  EXPECT_EQ(paged_names(contacts, sorted_by("time_zone", true)),
            (V{"Eve", "Ann", "Dan", "Cor", "Ben"}));
  core::ListQuery dutch = where({filter("preferred_language", FilterOp::kEq, {"nl"})});
  EXPECT_EQ(paged_names(contacts, dutch), (V{"Eve", "Ann"}));
  core::ListQuery asia = where({filter("time_zone", FilterOp::kContains, {"Asia/"})});
  asia.sort = core::SortKey{"display_name", false};
  EXPECT_EQ(paged_names(contacts, asia), (V{"Cor", "Dan"}));
}

TEST_P(StoreConformance, CustomFieldsSortWithMissingValuesFirst) {
  auto score = define("score", core::CustomFieldType::kNumber);
  auto city = define("home_town", core::CustomFieldType::kText);
  struct Row {
    const char* name;
    const char* score;
    const char* town;
  };
  for (const Row& r :
       {Row{"A", "10", "Zwolle"}, Row{"B", "-2.5", "ĲsselStein"}, Row{"C", nullptr, nullptr},
        Row{"D", "2", "almere"}, Row{"E", "-30", "Émmen"}, Row{"F", "2", nullptr}}) {
    core::Contact c = person(r.name, "");
    c.display_name = r.name;
    if (r.score) c.custom["score"] = {r.score, {}, {}};
    if (r.town) c.custom["home_town"] = {r.town, {}, {}};
    auto created = create(c, {score, city});
    ASSERT_TRUE(created.ok()) << created.error().message;
  }
  auto contacts = [this](const core::ListQuery& q) { return list(q); };
  using V = std::vector<std::string>;
  EXPECT_EQ(paged_names(contacts, sorted_by("custom.score")), (V{"C", "E", "B", "D", "F", "A"}));
  EXPECT_EQ(paged_names(contacts, sorted_by("custom.score", true)),
            (V{"A", "F", "D", "B", "E", "C"}));
  EXPECT_EQ(paged_names(contacts, sorted_by("custom.home_town")),
            (V{"C", "F", "D", "E", "B", "A"}));
  EXPECT_EQ(list(sorted_by("custom.nope")).error().kind, ErrorKind::kInvalid);
}

TEST_P(StoreConformance, FilterOperators) {
  auto tier = define("tier", core::CustomFieldType::kSingleSelect, {"gold", "silver"});
  auto score = define("score", core::CustomFieldType::kNumber);
  std::map<core::Id, std::string> created_at;
  auto make = [&](const char* name, const char* stage, std::optional<core::Id> owner,
                  std::vector<std::string> tags, const char* tier_value, const char* score_value) {
    core::Contact c = person(name, "F");
    c.lifecycle_stage = stage;
    c.owner_id = owner;
    c.tags = std::move(tags);
    if (tier_value) c.custom["tier"] = {tier_value, {}, {}};
    if (score_value) c.custom["score"] = {score_value, {}, {}};
    auto created = create(c, {tier, score});
    EXPECT_TRUE(created.ok()) << created.error().message;
    created_at[created->id] = core::format_timestamp(created->meta.created_at);
    return created->id;
  };
  core::Id a = make("Alpha", "lead", 1, {"vip"}, "gold", "10");
  core::Id b = make("Bravo", "customer", 2, {"vip", "churn"}, "silver", "2.5");
  core::Id c = make("Charlie", "customer", std::nullopt, {}, nullptr, nullptr);
  auto ids = [&](std::vector<core::Filter> f) {
    auto out = all_ids(where(std::move(f)));
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<core::Id>;
  EXPECT_EQ(ids({filter("lifecycle_stage", FilterOp::kEq, {"customer"})}), (V{b, c}));
  EXPECT_EQ(ids({filter("lifecycle_stage", FilterOp::kNe, {"customer"})}), (V{a}));
  EXPECT_EQ(ids({filter("owner_id", FilterOp::kIn, {"1", "2"})}), (V{a, b}));
  EXPECT_EQ(ids({filter("owner_id", FilterOp::kNe, {"1"})}), (V{b, c}));
  EXPECT_EQ(ids({filter("owner_id", FilterOp::kEmpty, {"true"})}), (V{c}));
  EXPECT_EQ(ids({filter("owner_id", FilterOp::kEq, {"1"}),
                 filter("lifecycle_stage", FilterOp::kEq, {"lead"})}),
            (V{a}));
  EXPECT_EQ(ids({filter("display_name", FilterOp::kContains, {"rav"})}), (V{b}));
  EXPECT_EQ(ids({filter("display_name", FilterOp::kContains, {"%"})}), (V{}));
  EXPECT_EQ(ids({filter("display_name", FilterOp::kLt, {"B"})}), (V{a}));
  EXPECT_EQ(ids({filter("created_at", FilterOp::kGt, {created_at[a]})}), (V{b, c}));
  EXPECT_EQ(ids({filter("created_at", FilterOp::kLt, {created_at[c]}),
                 filter("created_at", FilterOp::kGt, {created_at[a]})}),
            (V{b}));
  EXPECT_EQ(ids({filter("tags", FilterOp::kEq, {"vip"})}), (V{a, b}));
  EXPECT_EQ(ids({filter("tags", FilterOp::kNe, {"churn"})}), (V{a, c}));
  EXPECT_EQ(ids({filter("tags", FilterOp::kIn, {"churn", "nope"})}), (V{b}));
  EXPECT_EQ(ids({filter("tags", FilterOp::kContains, {"hur"})}), (V{b}));
  EXPECT_EQ(ids({filter("tags", FilterOp::kEmpty, {"true"})}), (V{c}));
  EXPECT_EQ(ids({filter("custom.tier", FilterOp::kEq, {"gold"})}), (V{a}));
  EXPECT_EQ(ids({filter("custom.tier", FilterOp::kNe, {"gold"})}), (V{b, c}));
  EXPECT_EQ(ids({filter("custom.tier", FilterOp::kEmpty, {"false"})}), (V{a, b}));
  EXPECT_EQ(ids({filter("custom.score", FilterOp::kGt, {"3"})}), (V{a}));
  EXPECT_EQ(ids({filter("custom.score", FilterOp::kLt, {"3"})}), (V{b}));
  EXPECT_EQ(ids({filter("custom.score", FilterOp::kIn, {"10", "11"})}), (V{a}));

  for (const auto& bad :
       {filter("password_hash", FilterOp::kEq, {"x"}), filter("custom.nope", FilterOp::kEq, {"x"}),
        filter("owner_id", FilterOp::kEq, {"one"}), filter("owner_id", FilterOp::kContains, {"1"}),
        filter("created_at", FilterOp::kGt, {"yesterday"}), filter("tags", FilterOp::kLt, {"a"}),
        filter("owner_id", FilterOp::kEmpty, {"maybe"}), filter("owner_id", FilterOp::kIn, {}),
        filter("custom.score", FilterOp::kGt, {"x"})}) {
    auto page = list(where({bad}));
    ASSERT_FALSE(page.ok()) << bad.field;
    EXPECT_EQ(page.error().kind, ErrorKind::kInvalid) << bad.field;
  }
  core::ListQuery bad_sort;
  bad_sort.sort = core::SortKey{"doc; DROP TABLE contacts", false};
  EXPECT_EQ(list(bad_sort).error().kind, ErrorKind::kInvalid);
  core::ListQuery huge;
  huge.limit = 100000;
  EXPECT_EQ(list(huge).error().kind, ErrorKind::kInvalid);
  core::ListQuery forged;
  forged.after = "djF8aWR8ZHxpfDF8MQ' OR 1=1";
  EXPECT_EQ(list(forged).error().kind, ErrorKind::kInvalid);
}

TEST_P(StoreConformance, RecordScopeRestrictsListsAndSearch) {
  auto mine = person("Scoped", "Mine");
  mine.owner_id = 1;
  mine.team_id = 10;
  auto theirs = person("Scoped", "Theirs");
  theirs.owner_id = 2;
  theirs.team_id = 20;
  auto a = create(mine);
  auto b = create(theirs);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(all_ids({}, RecordScope::owners({1})), std::vector<core::Id>{a->id});
  EXPECT_EQ(all_ids({}, RecordScope::teams({20})), std::vector<core::Id>{b->id});
  EXPECT_TRUE(all_ids({}, RecordScope::owners({})).empty());
  EXPECT_EQ(search("scoped", RecordScope::teams({10})), std::vector<core::Id>{a->id});
  EXPECT_EQ(search("theirs", RecordScope::owners({1})), std::vector<core::Id>{});
  EXPECT_EQ(search("scoped").size(), 2u);
  // A team scope covers its holder's own records in other teams too, as reading one by id does.
  EXPECT_EQ(all_ids({}, RecordScope::teams({10}, 2)), (std::vector<core::Id>{b->id, a->id}));
  EXPECT_EQ(search("theirs", RecordScope::teams({10}, 2)), std::vector<core::Id>{b->id});
  EXPECT_EQ(search("theirs", RecordScope::teams({10}, 1)), std::vector<core::Id>{});
}

TEST_P(StoreConformance, SearchFindsNamesAcrossScriptsPhonesAndCompanies) {
  core::Company company;
  company.name = "Bangkok Rubber Co.";
  ASSERT_TRUE(core::validate(company, {}, "TH").ok());
  core::Id company_id = 0;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto c, store::create(tx, company, stamp()));
                    company_id = c.id;
                    return {};
                  })
                  .ok());
  auto nguyen = person("Văn An", "Nguyễn");
  auto muller = person("Jürgen", "Müller");
  muller.notes = "Met at the Hannover fair";
  auto thai = person("สมชาย", "ใจดี");
  thai.phones = {{"081-234-5678", "", "mobile", true, ""}};
  thai.companies = {{company_id, "Owner"}};
  auto chinese = person("小明", "王");
  chinese.display_name = "王小明";
  auto other = person("Lee", "Smith");
  other.emails = {{"lee.smith@example.com", "work", true}};
  auto n = create(nguyen), m = create(muller), t = create(thai), z = create(chinese),
       o = create(other);
  ASSERT_TRUE(n.ok() && m.ok() && t.ok() && z.ok() && o.ok());
  using V = std::vector<core::Id>;
  EXPECT_EQ(search("Nguyen"), V{n->id});
  EXPECT_EQ(search("nguyễn"), V{n->id});
  EXPECT_EQ(search("MULLER"), V{m->id});
  EXPECT_EQ(search("Müll"), V{m->id});
  EXPECT_EQ(search("hannover"), V{m->id});
  EXPECT_EQ(search("มชา"), V{t->id});
  EXPECT_EQ(search("王小明"), V{z->id});
  EXPECT_EQ(search("小明"), V{z->id});
  EXPECT_EQ(search("+66 81 234 5678"), V{t->id});
  EXPECT_EQ(search("081-234-5678"), V{t->id});
  EXPECT_EQ(search("2345678"), V{t->id});
  EXPECT_EQ(search("rubber"), V{t->id});
  EXPECT_EQ(search("smith@example"), V{o->id});
  EXPECT_TRUE(search("nobody-here").empty());
  EXPECT_EQ(search("王"), V{z->id});
}

TEST_P(StoreConformance, ShortCjkAndThaiQueriesFindNameInitialsCompanyNamesAndNoteText) {
  core::Company precision;
  precision.name = "台灣精密工業";
  precision.notes = "年度合約";
  ASSERT_TRUE(core::validate(precision, {}, "TW").ok());
  core::Id company_id = 0;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto c, store::create(tx, precision, stamp()));
                    company_id = c.id;
                    return {};
                  })
                  .ok());
  auto chan = person("大文", "陳");
  chan.display_name = "陳大文";
  chan.companies = {{company_id, "經理"}};
  auto chan2 = person("美玲", "陳");
  chan2.display_name = "陳美玲";
  auto lin = person("志明", "林");
  lin.display_name = "林志明";
  lin.notes = "下週去台灣拜訪客戶";
  auto thai = person("สมชาย", "ใจดี");
  thai.notes = "ลูกค้าดีมาก";
  auto latin = person("Anna", "de Vries");
  latin.notes = "an ok visit";
  auto a = create(chan), b = create(chan2), c = create(lin), t = create(thai), l = create(latin);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok() && t.ok() && l.ok());
  auto sorted = [this](const std::string& q) {
    auto ids = search(q);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  using V = std::vector<core::Id>;
  // One character: the names (or words of names) that start with it.
  EXPECT_EQ(sorted("陳"), (V{a->id, b->id}));
  EXPECT_EQ(sorted("林"), V{c->id});
  EXPECT_TRUE(sorted("文").empty());
  EXPECT_EQ(sorted("ส"), V{t->id});
  EXPECT_EQ(sorted("V"), V{l->id});
  // Two characters: names, the linked company's name and note text.
  EXPECT_EQ(sorted("台灣"), (V{a->id, c->id}));
  EXPECT_EQ(sorted("精密"), V{a->id});
  EXPECT_EQ(sorted("拜訪"), V{c->id});
  EXPECT_EQ(sorted("大文"), V{a->id});
  EXPECT_EQ(sorted("มา"), V{t->id});
  EXPECT_TRUE(sorted("合約").empty());  // the company's notes are not the contact's
  EXPECT_TRUE(sorted("ok").empty());    // Latin words in notes are found from three letters
  std::vector<core::Id> companies;
  for (const char* q : {"台灣", "精密", "合約", "台"}) {
    core::ListQuery query;
    query.search = q;
    ASSERT_TRUE(store()
                    .read([&](CustomerTx& tx) -> core::Status {
                      RAPPORT_ASSIGN_OR_RETURN(
                          auto page,
                          store::list<core::Company>(tx, query, RecordScope::all(), Shelf::kLive));
                      for (const auto& item : page.items) companies.push_back(item.id);
                      return {};
                    })
                    .ok());
  }
  EXPECT_EQ(companies, (V{company_id, company_id, company_id, company_id}));
}

TEST_P(StoreConformance, SearchReachesContactsOnlyThroughCompaniesTheCallerMayRead) {
  core::Company hidden, open;
  hidden.name = "Hidden Widgets 精密";
  hidden.owner_id = 2;
  hidden.team_id = 20;
  open.name = "Open Textiles";
  open.owner_id = 1;
  open.team_id = 10;
  ASSERT_TRUE(core::validate(hidden, {}, "TH").ok());
  ASSERT_TRUE(core::validate(open, {}, "TH").ok());
  core::Id hidden_id = 0, open_id = 0;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto h, store::create(tx, hidden, stamp()));
                    RAPPORT_ASSIGN_OR_RETURN(auto o, store::create(tx, open, stamp()));
                    hidden_id = h.id;
                    open_id = o.id;
                    return {};
                  })
                  .ok());
  auto contact = person("Somchai", "Jaidee");
  contact.owner_id = 1;
  contact.team_id = 10;
  contact.companies = {{hidden_id, "Buyer"}, {open_id, "Owner"}};
  auto created = create(contact);
  ASSERT_TRUE(created.ok());
  const auto team = RecordScope::teams({10});
  auto found = [&](const std::string& q, const RecordScope& companies) {
    core::ListQuery query;
    query.search = q;
    auto page = list(query, team, Shelf::kLive, companies);
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<core::Id> ids;
    if (page.ok()) {
      for (const auto& c : page->items) ids.push_back(c.id);
    }
    return ids;
  };
  using V = std::vector<core::Id>;
  EXPECT_EQ(found("widgets", RecordScope::all()), V{created->id});
  EXPECT_EQ(found("精密", RecordScope::all()), V{created->id});
  EXPECT_TRUE(found("widgets", team).empty());
  EXPECT_TRUE(found("hidden", team).empty());
  EXPECT_TRUE(found("精密", team).empty());
  EXPECT_TRUE(found("h", team).empty());
  EXPECT_TRUE(found("widgets", RecordScope::owners({})).empty());
  EXPECT_EQ(found("textiles", team), V{created->id});
  EXPECT_EQ(found("somchai textiles", team), V{created->id});
  EXPECT_TRUE(found("somchai widgets", team).empty());
  EXPECT_EQ(found("te", team), V{created->id});
  EXPECT_EQ(found("o", team), V{created->id});
  // A trashed company no longer lends its name.
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto o, store::get<core::Company>(tx, open_id));
                    RAPPORT_TRY(store::trash<core::Company>(tx, open_id, o.meta.version, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(found("textiles", team).empty());
  EXPECT_EQ(found("somchai", team), V{created->id});
}

TEST_P(StoreConformance, CompanyRenameAndErasureReachTheLinkedContacts) {
  core::Company siam, other;
  siam.name = "Siam Widgets";
  other.name = "Lanna Textiles";
  ASSERT_TRUE(core::validate(siam, {}, "TH").ok());
  ASSERT_TRUE(core::validate(other, {}, "TH").ok());
  core::Company stored;
  core::Id other_id = 0;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(stored, store::create(tx, siam, stamp()));
                    RAPPORT_ASSIGN_OR_RETURN(auto o, store::create(tx, other, stamp()));
                    other_id = o.id;
                    return {};
                  })
                  .ok());
  auto linked = person("Somchai", "Jaidee");
  linked.companies = {{other_id, "Buyer"}, {stored.id, "Owner"}};
  auto unlinked = person("Lee", "Smith");
  auto l = create(linked), u = create(unlinked);
  ASSERT_TRUE(l.ok() && u.ok());
  using V = std::vector<core::Id>;
  EXPECT_EQ(search("widgets"), V{l->id});

  stored.name = "Chao Phraya Traders";
  ASSERT_TRUE(core::validate(stored, {}, "TH").ok());
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(stored, store::update(tx, stored, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("phraya"), V{l->id});
  EXPECT_TRUE(search("widgets").empty());
  EXPECT_EQ(search("lanna"), V{l->id});

  ASSERT_TRUE(
      store()
          .transact([&](CustomerTx& tx) { return store::erase<core::Company>(tx, stored.id); })
          .ok());
  EXPECT_TRUE(search("phraya").empty());
  EXPECT_EQ(search("lanna"), V{l->id});
  core::Contact after;
  ASSERT_TRUE(store()
                  .read([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(after, store::get<core::Contact>(tx, l->id));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(after.companies, (std::vector<core::CompanyLink>{{other_id, "Buyer"}}));
  EXPECT_EQ(after.meta.version, l->meta.version);
  // The contact stays writable: its links name only companies that exist.
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_TRY(store::update(tx, after, stamp()));
                    return {};
                  })
                  .ok());
}

TEST_P(StoreConformance, SqlMetacharactersAreData) {
  std::vector<std::string> nasty = {"Robert'); DROP TABLE contacts;--", "\"quoted\" name",
                                    "100% _done_ \\", "a' OR '1'='1", "NEAR(a b) AND OR *"};
  std::vector<core::Id> ids;
  for (const auto& text : nasty) {
    auto c = person(text, "Meta");
    c.notes = text;
    c.tags = {text.substr(0, 20)};
    auto created = create(c);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_EQ(created->given_name, text);
    ids.push_back(created->id);
  }
  for (std::size_t i = 0; i < nasty.size(); ++i) {
    auto found = search(nasty[i]);
    EXPECT_NE(std::find(found.begin(), found.end(), ids[i]), found.end()) << nasty[i];
    auto by_name = all_ids(where({filter("given_name", FilterOp::kEq, {nasty[i]})}));
    EXPECT_EQ(by_name, std::vector<core::Id>{ids[i]}) << nasty[i];
    auto by_tag = all_ids(where({filter("tags", FilterOp::kEq, {nasty[i].substr(0, 20)})}));
    EXPECT_EQ(by_tag, std::vector<core::Id>{ids[i]}) << nasty[i];
  }
  EXPECT_EQ(all_ids({}).size(), nasty.size());
}

TEST_P(StoreConformance, NaughtyStringsRoundTripByteIdentical) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json");
  ASSERT_TRUE(in) << "blns.json not found under RAPPORT_SHARED_DATA";
  std::stringstream text;
  text << in.rdbuf();
  auto strings = boost::json::parse(text.str()).as_array();
  ASSERT_GT(strings.size(), 500u);
  int stored = 0;
  auto status = store().transact([&](CustomerTx& tx) -> core::Status {
    for (const auto& value : strings) {
      std::string s(value.as_string());
      core::Contact c = person("Naughty", "String");
      c.notes = s;
      RAPPORT_TRY(core::validate(c, {}));
      RAPPORT_ASSIGN_OR_RETURN(auto created, store::create(tx, c, stamp()));
      RAPPORT_ASSIGN_OR_RETURN(auto read, store::get<core::Contact>(tx, created.id));
      EXPECT_EQ(read.notes, s);
      ++stored;
    }
    return {};
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(stored, static_cast<int>(strings.size()));
  for (const char* fragment : {"DROP TABLE", "<script>", "田中さん"}) {
    EXPECT_FALSE(search(fragment).empty()) << fragment;
  }
}

TEST_P(StoreConformance, CustomFieldDefinitionsAndUniqueValues) {
  auto code = define("code", core::CustomFieldType::kText, {}, true);
  EXPECT_EQ(code.version, 1);
  core::CustomFieldDefinition duplicate = code;
  auto dup = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(tx.create_custom_field(duplicate, stamp()));
    return {};
  });
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
  auto first = person("Unique", "One");
  first.custom["code"] = {"C-1", {}, {}};
  auto second = person("Unique", "Two");
  second.custom["code"] = {"C-1", {}, {}};
  auto a = create(first, {code});
  ASSERT_TRUE(a.ok()) << a.error().message;
  auto b = create(second, {code});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(b.error().fields.at(0).field, "custom/code");

  code.label = "Customer code";
  core::CustomFieldDefinition renamed;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(renamed, tx.update_custom_field(code, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(renamed.version, 2);
  EXPECT_EQ(renamed.label, "Customer code");
  auto stale = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(tx.update_custom_field(code, stamp()));
    return {};
  });
  EXPECT_EQ(stale.error().kind, ErrorKind::kStale);
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) {
                    return tx.delete_custom_field(renamed.id, renamed.version);
                  })
                  .ok());
  ASSERT_TRUE(store()
                  .read([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto fields,
                                             tx.list_custom_fields(core::RecordKind::kContact));
                    EXPECT_TRUE(fields.empty());
                    RAPPORT_ASSIGN_OR_RETURN(auto c, store::get<core::Contact>(tx, a->id));
                    EXPECT_TRUE(c.custom.empty());
                    return {};
                  })
                  .ok());
}

TEST_P(StoreConformance, CustomOptionUsesDuplicatesAndDeletedValuesLeaveSearch) {
  auto tier = define("tier", core::CustomFieldType::kSingleSelect, {"gold", "silver"});
  auto langs = define("langs", core::CustomFieldType::kMultiSelect, {"th", "en"});
  auto code = define("code", core::CustomFieldType::kText);
  const std::vector<core::CustomFieldDefinition> defs{tier, langs, code};
  std::vector<core::Id> ids;
  for (const char* value : {"X-1", "X-1", "quokkaberry", "X-1"}) {
    auto c = person("Usage", "Person");
    c.custom["tier"] = {"gold", {}, {}};
    c.custom["langs"] = {"", {"th"}, {}};
    c.custom["code"] = {value, {}, {}};
    auto created = create(c, defs);
    ASSERT_TRUE(created.ok()) << created.error().message;
    ids.push_back(created->id);
  }
  ASSERT_TRUE(store()
                  .read([&](CustomerTx& tx) -> core::Status {
                    EXPECT_EQ(*tx.count_option_uses(tier, "gold"), 4);
                    EXPECT_EQ(*tx.count_option_uses(tier, "silver"), 0);
                    EXPECT_EQ(*tx.count_option_uses(langs, "th"), 4);
                    EXPECT_EQ(*tx.count_option_uses(langs, "en"), 0);
                    RAPPORT_ASSIGN_OR_RETURN(auto duplicates, tx.custom_duplicates(code, 20));
                    EXPECT_EQ(duplicates, (std::vector<CustomDuplicate>{
                                              {"X-1", {ids[0], ids[1], ids[3]}}}));
                    RAPPORT_ASSIGN_OR_RETURN(auto none, tx.custom_duplicates(tier, 0));
                    EXPECT_TRUE(none.empty());
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("quokkaberry"), std::vector<core::Id>{ids[2]});
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) {
                    return tx.delete_custom_field(code.id, code.version);
                  })
                  .ok());
  EXPECT_TRUE(search("quokkaberry").empty());
  EXPECT_EQ(search("usage").size(), 4u);
}

TEST_P(StoreConformance, MigrationsAreIdempotentAndRefuseNewerSchemas) {
  auto again = store().migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, store().latest_schema_version());
  EXPECT_EQ(*store().schema_version(), store().latest_schema_version());
  engine_.bump_schema();
  auto refused = store().migrate();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreConformance, ::testing::ValuesIn(kEngines),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::store
