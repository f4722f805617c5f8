// The note store conformance suite: notes on contacts and companies behave the same on every
// engine — version rule, newest-first keyset pages, keyed by (parent kind, parent id), search of
// the parent by its notes' words, notes kept through the trash and gone with an erased record.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "engine_fixture.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace rapport::store {
namespace {

using core::ErrorKind;
using core::NoteParent;

NoteParent on_contact(core::Id id) { return {core::RecordKind::kContact, id}; }
NoteParent on_company(core::Id id) { return {core::RecordKind::kCompany, id}; }

class NoteStoreConformance : public EngineTest {
 protected:
  Stamp stamp(core::Id actor = 7) {
    clock_ += std::chrono::seconds(1);
    return Stamp{actor, clock_};
  }

  core::Id contact(std::string given, std::string family, std::string notes = {}) {
    core::Contact c;
    c.given_name = std::move(given);
    c.family_name = std::move(family);
    c.notes = std::move(notes);
    EXPECT_TRUE(core::validate(c, {}).ok());
    core::Id id = 0;
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(auto created, store::create(tx, c, stamp()));
      id = created.id;
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return id;
  }

  core::Id company(std::string name) {
    core::Company c;
    c.name = std::move(name);
    EXPECT_TRUE(core::validate(c, {}, "TH").ok());
    core::Id id = 0;
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(auto created, store::create(tx, c, stamp()));
      id = created.id;
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return id;
  }

  core::Result<core::Note> add_note(const NoteParent& parent, std::string body,
                                    std::optional<Stamp> at = std::nullopt) {
    core::Note n;
    n.parent = parent;
    n.body = std::move(body);
    RAPPORT_TRY(core::validate(n));
    core::Note out;
    const Stamp when = at ? *at : stamp();
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.create_note(n, when));
      return {};
    }));
    return out;
  }

  core::Result<core::Note> get(core::Id id) {
    core::Note out;
    RAPPORT_TRY(store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.get_note(id));
      return {};
    }));
    return out;
  }

  core::Result<core::Note> edit(core::Note note, std::string body, std::int64_t version,
                                core::Id actor = 7) {
    note.body = std::move(body);
    note.meta.version = version;
    core::Note out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.update_note(note, stamp(actor)));
      return {};
    }));
    return out;
  }

  core::Status remove(core::Id id, std::int64_t version) {
    return store().transact([&](CustomerTx& tx) { return tx.delete_note(id, version); });
  }

  core::Result<Page<core::Note>> page(const NoteParent& parent, int limit,
                                      const std::string& after = {}) {
    Page<core::Note> out;
    RAPPORT_TRY(store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, tx.list_notes(parent, limit, after));
      return {};
    }));
    return out;
  }

  // Every note id of `parent`, following cursors `limit` at a time.
  std::vector<core::Id> all_ids(const NoteParent& parent, int limit) {
    std::vector<core::Id> ids;
    std::string after;
    for (int guard = 0; guard < 1000; ++guard) {
      auto p = page(parent, limit, after);
      EXPECT_TRUE(p.ok()) << p.error().message;
      if (!p.ok()) break;
      EXPECT_LE(static_cast<int>(p->items.size()), limit);
      for (const auto& n : p->items) ids.push_back(n.id);
      if (p->next.empty()) break;
      after = p->next;
    }
    return ids;
  }

  std::vector<core::Id> find_contacts(const std::string& q) {
    core::ListQuery query;
    query.search = q;
    std::vector<core::Id> ids;
    auto status = store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          auto found, store::list<core::Contact>(tx, query, RecordScope::all(), Shelf::kLive,
                                                 RecordScope::all()));
      for (const auto& c : found.items) ids.push_back(c.id);
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return ids;
  }

  std::vector<core::Id> find_companies(const std::string& q) {
    core::ListQuery query;
    query.search = q;
    std::vector<core::Id> ids;
    auto status = store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          auto found, store::list<core::Company>(tx, query, RecordScope::all(), Shelf::kLive));
      for (const auto& c : found.items) ids.push_back(c.id);
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return ids;
  }

  core::Timestamp clock_ = *core::parse_timestamp("2024-01-01T00:00:00Z");
};

TEST_P(NoteStoreConformance, RoundTripAndVersionRule) {
  core::Id somchai = contact("Somchai", "Jaidee");
  const Stamp written = stamp(11);
  auto created = add_note(on_contact(somchai), "ประชุมวันอังคาร\nเรื่องราคา", written);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->parent, on_contact(somchai));
  EXPECT_EQ(created->meta.version, 1);
  EXPECT_EQ(created->meta.created_at, written.now);
  EXPECT_EQ(created->meta.created_by, 11);
  EXPECT_EQ(created->meta.updated_at, written.now);
  EXPECT_EQ(*get(created->id), *created);

  auto edited = edit(*created, "ประชุมวันพุธ", 1, 12);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->meta.version, 2);
  EXPECT_EQ(edited->body, "ประชุมวันพุธ");
  EXPECT_EQ(edited->meta.created_by, 11);
  EXPECT_EQ(edited->meta.updated_by, 12);
  EXPECT_GT(edited->meta.updated_at, edited->meta.created_at);
  EXPECT_EQ(*get(created->id), *edited);

  EXPECT_EQ(edit(*created, "lost update", 1).error().kind, ErrorKind::kStale);
  core::Note ghost = *created;
  ghost.id = 999999;
  EXPECT_EQ(edit(ghost, "nobody", 1).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(get(created->id)->body, "ประชุมวันพุธ");

  EXPECT_EQ(remove(created->id, 1).error().kind, ErrorKind::kStale);
  EXPECT_TRUE(remove(created->id, 2).ok());
  EXPECT_EQ(get(created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(remove(created->id, 2).error().kind, ErrorKind::kNotFound);
}

TEST_P(NoteStoreConformance, ParentMustExist) {
  EXPECT_EQ(add_note(on_contact(999999), "orphan").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(add_note(on_company(999999), "orphan").error().kind, ErrorKind::kNotFound);
  core::Id acme = company("Acme");
  auto renewal = add_note(on_company(acme), "Renewal in March");
  ASSERT_TRUE(renewal.ok()) << renewal.error().message;
  EXPECT_EQ(renewal->parent, on_company(acme));
  EXPECT_EQ(*get(renewal->id), *renewal);
}

TEST_P(NoteStoreConformance, ListsNewestFirstInKeysetPages) {
  core::Id a = contact("Anna", "Timeline");
  core::Id b = contact("Bert", "Other");
  std::vector<core::Id> expected;
  for (int i = 0; i < 7; ++i) {
    auto n = add_note(on_contact(a), "note " + std::to_string(i));
    ASSERT_TRUE(n.ok());
    expected.push_back(n->id);
  }
  // Two notes in the same millisecond: the id breaks the tie.
  const Stamp same = stamp();
  for (int i = 0; i < 2; ++i) {
    auto n = add_note(on_contact(a), "same time " + std::to_string(i), same);
    ASSERT_TRUE(n.ok());
    expected.push_back(n->id);
  }
  ASSERT_TRUE(add_note(on_contact(b), "not Anna's").ok());
  std::reverse(expected.begin(), expected.end());
  for (int limit : {1, 2, 3, 4, 9, 50}) {
    EXPECT_EQ(all_ids(on_contact(a), limit), expected) << "limit " << limit;
  }
  auto full = page(on_contact(a), 9);
  ASSERT_TRUE(full.ok());
  EXPECT_TRUE(full->next.empty());
  EXPECT_EQ(all_ids(on_company(a), 10), std::vector<core::Id>{});

  EXPECT_EQ(page(on_contact(a), 0).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(page(on_contact(a), core::kMaxPageSize + 1).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(page(on_contact(a), 5, "garbage!").error().kind, ErrorKind::kInvalid);
}

TEST_P(NoteStoreConformance, SearchFindsTheParentByItsNotes) {
  core::Id somchai = contact("Somchai", "Jaidee", "Met at Müller GmbH");
  core::Id other = contact("Other", "Person");
  auto note = add_note(on_contact(somchai), "ประชุมที่สีลม กับ 王小明");
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(find_contacts("ประชุม"), std::vector<core::Id>{somchai});
  EXPECT_EQ(find_contacts("王小明"), std::vector<core::Id>{somchai});
  EXPECT_EQ(find_contacts("muller"), std::vector<core::Id>{somchai});

  // Editing the contact keeps its notes searchable.
  auto updated = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Contact c, store::get<core::Contact>(tx, somchai));
    c.lead_source = "fair";
    RAPPORT_TRY(store::update(tx, c, stamp()));
    return {};
  });
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(find_contacts("ประชุม"), std::vector<core::Id>{somchai});

  auto edited = edit(*note, "quarterly review", 1);
  ASSERT_TRUE(edited.ok());
  EXPECT_TRUE(find_contacts("ประชุม").empty());
  EXPECT_EQ(find_contacts("quarterly"), std::vector<core::Id>{somchai});
  ASSERT_TRUE(remove(note->id, 2).ok());
  EXPECT_TRUE(find_contacts("quarterly").empty());
  EXPECT_EQ(find_contacts("muller"), std::vector<core::Id>{somchai});
  EXPECT_EQ(find_contacts("person"), std::vector<core::Id>{other});

  core::Id acme = company("Acme Trading");
  auto company_note = add_note(on_company(acme), "会议纪要: renewal");
  ASSERT_TRUE(company_note.ok());
  EXPECT_EQ(find_companies("会议纪要"), std::vector<core::Id>{acme});
  EXPECT_TRUE(find_contacts("会议纪要").empty());
  ASSERT_TRUE(remove(company_note->id, 1).ok());
  EXPECT_TRUE(find_companies("会议纪要").empty());
}

TEST_P(NoteStoreConformance, TrashKeepsNotesEraseRemovesThem) {
  core::Id kept = contact("Kept", "Notes");
  core::Id gone = contact("Erased", "Person");
  core::Id firm = company("Gone Company");
  auto kept_note = add_note(on_contact(kept), "stays");
  auto gone_note = add_note(on_contact(gone), "forgotten words");
  auto firm_note = add_note(on_company(firm), "company words");
  ASSERT_TRUE(kept_note.ok() && gone_note.ok() && firm_note.ok());

  auto trashed = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(store::trash<core::Contact>(tx, kept, 1, stamp()));
    return {};
  });
  ASSERT_TRUE(trashed.ok()) << trashed.error().message;
  EXPECT_EQ(all_ids(on_contact(kept), 10), std::vector<core::Id>{kept_note->id});
  EXPECT_TRUE(get(kept_note->id).ok());

  ASSERT_TRUE(
      store().transact([&](CustomerTx& tx) { return store::erase<core::Contact>(tx, gone); }).ok());
  ASSERT_TRUE(
      store().transact([&](CustomerTx& tx) { return store::erase<core::Company>(tx, firm); }).ok());
  EXPECT_EQ(get(gone_note->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(get(firm_note->id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(all_ids(on_contact(gone), 10).empty());
  EXPECT_TRUE(find_contacts("forgotten").empty());
  EXPECT_TRUE(get(kept_note->id).ok());
}

// A contact and a company with the same id number: the kind keeps their notes apart in lists,
// search and erasure.
TEST_P(NoteStoreConformance, TheParentKindKeepsEqualIdsApart) {
  core::Id person = contact("Same", "Number");
  core::Id firm = company("Same Number Ltd");
  ASSERT_EQ(person, firm) << "each kind numbers its records from 1";
  auto on_person = add_note(on_contact(person), "person words");
  auto on_firm = add_note(on_company(firm), "company words");
  ASSERT_TRUE(on_person.ok() && on_firm.ok());
  EXPECT_EQ(all_ids(on_contact(person), 10), std::vector<core::Id>{on_person->id});
  EXPECT_EQ(all_ids(on_company(firm), 10), std::vector<core::Id>{on_firm->id});
  EXPECT_EQ(find_contacts("company"), std::vector<core::Id>{});
  EXPECT_EQ(find_companies("person"), std::vector<core::Id>{});

  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) { return store::erase<core::Contact>(tx, person); })
                  .ok());
  EXPECT_EQ(get(on_person->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(all_ids(on_company(firm), 10), std::vector<core::Id>{on_firm->id});
  EXPECT_EQ(find_companies("company"), std::vector<core::Id>{firm});
  // The erased contact's id takes no new notes: its parent is gone.
  EXPECT_EQ(add_note(on_contact(person), "late").error().kind, ErrorKind::kNotFound);
}

TEST_P(NoteStoreConformance, FailedTransactionLeavesNoNote) {
  core::Id id = contact("Rolled", "Back");
  core::Note n;
  n.parent = on_contact(id);
  n.body = "never committed";
  auto status = store().transact([&](CustomerTx& tx) -> core::Status {
    RAPPORT_TRY(tx.create_note(n, stamp()));
    return core::Error::forbidden("refused after the write");
  });
  EXPECT_EQ(status.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(all_ids(on_contact(id), 10).empty());
  EXPECT_TRUE(find_contacts("committed").empty());
}

TEST_P(NoteStoreConformance, NaughtyStringsRoundTripByteIdentical) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json");
  ASSERT_TRUE(in) << "blns.json not found under RAPPORT_SHARED_DATA";
  std::stringstream text;
  text << in.rdbuf();
  auto strings = boost::json::parse(text.str()).as_array();
  ASSERT_GT(strings.size(), 500u);
  core::Id id = contact("Naughty", "Notes");
  int stored = 0;
  int refused = 0;
  auto status = store().transact([&](CustomerTx& tx) -> core::Status {
    for (const auto& value : strings) {
      core::Note n;
      n.parent = on_contact(id);
      n.body = std::string(value.as_string());
      if (!core::validate(n).ok()) {
        ++refused;
        continue;
      }
      RAPPORT_ASSIGN_OR_RETURN(auto created, tx.create_note(n, stamp()));
      RAPPORT_ASSIGN_OR_RETURN(auto read, tx.get_note(created.id));
      EXPECT_EQ(read.body, n.body);
      ++stored;
    }
    return {};
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(refused, 2);  // "" and " ": a note needs words
  EXPECT_EQ(stored + refused, static_cast<int>(strings.size()));
  for (const char* fragment : {"DROP TABLE", "<script>", "田中さん"}) {
    EXPECT_EQ(find_contacts(fragment), std::vector<core::Id>{id}) << fragment;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, NoteStoreConformance, ::testing::ValuesIn(kEngines),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::store
