// The generic record operations of the store, run for every kind on both engines, over rows
// (store/record_row.hpp) rather than through a kind's typed front: a row comes back as written, the
// version rule and the trash answer the same errors in the same order with the same words,
// references and links to records that do not exist are field errors, and erasure leaves no derived
// row and no link behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/kind_descriptor.hpp"
#include "engine_fixture.hpp"
#include "store/list_planner.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace rapport::store {
namespace {

using core::ErrorKind;
using core::RecordKind;

class RecordStoreConformance : public EngineTest {
 protected:
  Stamp stamp() {
    clock_ += std::chrono::seconds(1);
    return Stamp{7, clock_};
  }

  // A valid row of `kind`, as its codec writes one; `word` goes into its name or subject.
  static RecordRow sample(RecordKind kind, const std::string& word) {
    if (kind == RecordKind::kContact) {
      core::Contact c;
      c.given_name = "Ada " + word;
      c.family_name = "Lovelace";
      c.display_name = "Ada " + word + " Lovelace";
      c.lifecycle_stage = "lead";
      c.preferred_language = "nl";
      core::PostalAddress work;
      work.type = "work";
      work.locality = "Den Haag";
      work.country = "NL";
      c.addresses = {work};
      c.tags = {"vip"};
      return RecordCodec<core::Contact>::to_row(c);
    }
    if (kind == RecordKind::kCompany) {
      core::Company c;
      c.name = "Firm " + word;
      c.tags = {"vip"};
      return RecordCodec<core::Company>::to_row(c);
    }
    core::Activity a;
    a.type = "task";
    a.subject = "Task " + word;
    a.due_at = core::from_millis(1'800'000'000'000);
    a.tags = {"vip"};
    return RecordCodec<core::Activity>::to_row(a);
  }

  core::Result<RecordRow> insert(const RecordRow& row) {
    std::optional<RecordRow> out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.insert_record(row, stamp()));
      return core::ok_status();
    }));
    return std::move(*out);
  }

  core::Result<RecordRow> get(RecordKind kind, core::Id id) {
    std::optional<RecordRow> out;
    RAPPORT_TRY(store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.get_record(kind, id));
      return core::ok_status();
    }));
    return std::move(*out);
  }

  core::Result<RecordRow> update(const RecordRow& row) {
    std::optional<RecordRow> out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.update_record(row, stamp()));
      return core::ok_status();
    }));
    return std::move(*out);
  }

  core::Result<RecordRow> move(RecordKind kind, core::Id id, std::int64_t version, Shelf to) {
    std::optional<RecordRow> out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.move_record(kind, id, version, to, stamp()));
      return core::ok_status();
    }));
    return std::move(*out);
  }

  core::Status erase(RecordKind kind, core::Id id) {
    return store().transact([&](CustomerTx& tx) { return tx.erase_record(kind, id); });
  }

  std::vector<core::Id> list_ids(RecordKind kind, core::ListQuery query, Shelf shelf) {
    std::vector<core::Id> ids;
    auto status = store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          auto page, tx.list_records(kind, query, RecordScope::all(), shelf, RecordScope::all()));
      for (const auto& row : page.items) ids.push_back(row.id);
      return core::ok_status();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return ids;
  }

  core::Timestamp clock_ = core::from_millis(1'700'000'000'000);
};

TEST_P(RecordStoreConformance, ARowComesBackAsWrittenWithItsBookkeeping) {
  for (RecordKind kind : core::kRecordKinds) {
    SCOPED_TRACE(core::to_string(kind));
    const RecordRow written = sample(kind, "alpha");
    auto stored = insert(written);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_GT(stored->id, 0);
    EXPECT_EQ(stored->meta.version, 1);
    EXPECT_EQ(stored->meta.created_by, 7);
    EXPECT_FALSE(stored->meta.deleted_at.has_value());
    EXPECT_EQ(stored->cells, written.cells);
    EXPECT_EQ(stored->links, written.links);
    EXPECT_EQ(stored->doc, written.doc);
    auto read = get(kind, stored->id);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->cells, stored->cells);
    EXPECT_EQ(read->meta, stored->meta);
  }
}

// The version rule and the trash, in the order and the words record_errors.hpp gives.
TEST_P(RecordStoreConformance, VersionAndTrashAnswerTheSameOnBothEngines) {
  for (RecordKind kind : core::kRecordKinds) {
    SCOPED_TRACE(core::to_string(kind));
    const std::string noun(core::to_string(kind));
    auto stored = insert(sample(kind, "beta"));
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    RecordRow next = *stored;
    auto updated = update(next);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->meta.version, 2);

    auto stale = update(next);  // still at version 1
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::kStale);
    EXPECT_EQ(stale.error().message,
              "the " + noun + " was changed by someone else (version 2, not 1)");

    auto trashed = move(kind, stored->id, 2, Shelf::kTrash);
    ASSERT_TRUE(trashed.ok()) << trashed.error().message;
    EXPECT_EQ(trashed->meta.version, 3);
    EXPECT_TRUE(trashed->meta.deleted_at.has_value());
    EXPECT_EQ(list_ids(kind, {}, Shelf::kTrash), std::vector<core::Id>{stored->id});
    EXPECT_TRUE(list_ids(kind, {}, Shelf::kLive).empty());

    next.meta.version = 3;
    auto in_trash = update(next);
    ASSERT_FALSE(in_trash.ok());
    EXPECT_EQ(in_trash.error().kind, ErrorKind::kConflict);
    EXPECT_EQ(in_trash.error().message, "the " + noun + " is in the trash; restore it first");
    auto again = move(kind, stored->id, 3, Shelf::kTrash);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::kConflict);

    auto restored = move(kind, stored->id, 3, Shelf::kLive);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_FALSE(restored->meta.deleted_at.has_value());
    auto not_trashed = move(kind, stored->id, 4, Shelf::kLive);
    ASSERT_FALSE(not_trashed.ok());
    EXPECT_EQ(not_trashed.error().message, "the " + noun + " is not in the trash");

    next.id = 999999;
    auto missing = update(next);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(missing.error().message, "no such " + noun);
    EXPECT_EQ(get(kind, 999999).error().message, "no such " + noun);
  }
}

// References and links to records that do not exist are field errors, checked before the
// version: the answer is the same whatever else is wrong with the write.
TEST_P(RecordStoreConformance, MissingReferencesAreFieldErrorsBeforeTheVersion) {
  RecordRow company = sample(RecordKind::kCompany, "gamma");
  company.set("parent_id", std::optional<core::Id>(424242));
  auto orphan = insert(company);
  ASSERT_FALSE(orphan.ok());
  ASSERT_EQ(orphan.error().fields.size(), 1u);
  EXPECT_EQ(orphan.error().fields[0].field, "parent_id");
  EXPECT_EQ(orphan.error().fields[0].message, "no such company");

  RecordRow activity = sample(RecordKind::kActivity, "gamma");
  auto stored = insert(activity);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  RecordRow linked = *stored;
  linked.set_link_ids("contact_ids", {424242});
  linked.meta.version = 99;  // stale too: the link is the answer
  auto unlinked = update(linked);
  ASSERT_FALSE(unlinked.ok());
  ASSERT_EQ(unlinked.error().fields.size(), 1u);
  EXPECT_EQ(unlinked.error().fields[0].field, "contact_ids/0");
  EXPECT_EQ(unlinked.error().fields[0].message, "no such contact");

  // A titled link names the id inside the link object, as the API spells it.
  RecordRow person = sample(RecordKind::kContact, "gamma");
  person.set_links("companies", {{424242, "Buyer"}});
  auto unemployed = insert(person);
  ASSERT_FALSE(unemployed.ok());
  ASSERT_EQ(unemployed.error().fields.size(), 1u);
  EXPECT_EQ(unemployed.error().fields[0].field, "companies/0/company_id");
  EXPECT_EQ(unemployed.error().fields[0].message, "no such company");
}

// A titled link keeps its title and its place among the record's links; the columns copied from
// the document (a contact's language) and the places are written with the row.
TEST_P(RecordStoreConformance, TitledLinksAndPlacesRoundTrip) {
  auto first = insert(sample(RecordKind::kCompany, "epsilon"));
  auto second = insert(sample(RecordKind::kCompany, "zeta"));
  ASSERT_TRUE(first.ok() && second.ok());
  RecordRow person = sample(RecordKind::kContact, "epsilon");
  const std::vector<RowLink> jobs{{second->id, "Owner"}, {first->id, "Buyer"}};
  person.set_links("companies", jobs);
  auto stored = insert(person);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->linked("companies"), jobs);
  EXPECT_EQ(stored->text("preferred_language"), "nl");
  EXPECT_EQ(engine_.count_rows("contact_places"), 1);

  core::ListQuery in_den_haag;
  in_den_haag.filters.push_back({"city", core::FilterOp::kEq, {"den haag"}});
  EXPECT_EQ(list_ids(RecordKind::kContact, in_den_haag, Shelf::kLive),
            std::vector<core::Id>{stored->id});
  core::ListQuery at_first;
  at_first.filters.push_back({"companies", core::FilterOp::kEq, {std::to_string(first->id)}});
  EXPECT_EQ(list_ids(RecordKind::kContact, at_first, Shelf::kLive),
            std::vector<core::Id>{stored->id});
  core::ListQuery by_company_name;
  by_company_name.search = "zeta";
  EXPECT_EQ(list_ids(RecordKind::kContact, by_company_name, Shelf::kLive),
            std::vector<core::Id>{stored->id});

  core::Contact contact = *RecordCodec<core::Contact>::from_row(*stored);
  contact.addresses.clear();
  RecordRow without_address = RecordCodec<core::Contact>::to_row(contact);
  without_address.set_links("companies", {{first->id, "Chair"}});
  auto updated = update(without_address);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->linked("companies"), (std::vector<RowLink>{{first->id, "Chair"}}));
  EXPECT_EQ(engine_.count_rows("contact_places"), 0);
  EXPECT_TRUE(list_ids(RecordKind::kContact, in_den_haag, Shelf::kLive).empty());
}

// Erasure removes the record's row, its derived rows and every link from or to it.
TEST_P(RecordStoreConformance, ErasureLeavesNoDerivedRowOrLinkBehind) {
  auto firm = insert(sample(RecordKind::kCompany, "delta"));
  ASSERT_TRUE(firm.ok()) << firm.error().message;
  RecordRow task = sample(RecordKind::kActivity, "delta");
  task.set_link_ids("company_ids", {firm->id});
  auto stored = insert(task);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->linked_ids("company_ids"), std::vector<core::Id>{firm->id});
  core::ListQuery by_firm;
  by_firm.filters.push_back({"company_ids", core::FilterOp::kEq, {std::to_string(firm->id)}});
  EXPECT_EQ(list_ids(RecordKind::kActivity, by_firm, Shelf::kLive),
            std::vector<core::Id>{stored->id});

  // The company goes: the activity stays, without the link.
  ASSERT_TRUE(erase(RecordKind::kCompany, firm->id).ok());
  auto after = get(RecordKind::kActivity, stored->id);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_TRUE(after->linked("company_ids").empty());
  EXPECT_EQ(engine_.count_rows("record_links"), 0);

  ASSERT_TRUE(erase(RecordKind::kActivity, stored->id).ok());
  EXPECT_EQ(get(RecordKind::kActivity, stored->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(erase(RecordKind::kActivity, stored->id).error().kind, ErrorKind::kNotFound);
  for (RecordKind kind : core::kRecordKinds) {
    const KindTables& t = kind_tables(kind);
    for (const std::string& table : {t.records, t.tags, t.custom, t.grams, t.places}) {
      if (!table.empty()) {
        EXPECT_EQ(engine_.count_rows(table), 0) << table;
      }
    }
  }
  core::ListQuery search;
  search.search = "delta";
  EXPECT_TRUE(list_ids(RecordKind::kActivity, search, Shelf::kLive).empty());
  EXPECT_TRUE(list_ids(RecordKind::kCompany, search, Shelf::kLive).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordStoreConformance, ::testing::ValuesIn(kEngines),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::store
