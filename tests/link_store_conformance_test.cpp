// The link store conformance suite: a contact's links to companies (rows of record_links) behave
// the same on every engine — kept in the order written, replaced on every write, the same field
// error for a company that does not exist, gone with either end's erasure, kept through the
// trash, never left dangling by an erasure racing a write, and a company's rename reaching exactly
// its linked contacts without rewriting them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "engine_fixture.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace rapport::store {
namespace {

using core::ErrorKind;
using Links = std::vector<core::CompanyLink>;
using Ids = std::vector<core::Id>;

class LinkStoreConformance : public EngineTest {
 protected:
  std::int64_t link_rows() { return engine_.count_rows("record_links"); }

  Stamp stamp() {
    clock_ += std::chrono::seconds(1);
    return Stamp{7, clock_};
  }

  static core::Contact person(std::string given, std::string family, Links companies = {}) {
    core::Contact c;
    c.given_name = std::move(given);
    c.family_name = std::move(family);
    c.companies = std::move(companies);
    EXPECT_TRUE(core::validate(c, {}).ok());
    return c;
  }

  core::Company company(std::string name) {
    core::Company c;
    c.name = std::move(name);
    EXPECT_TRUE(core::validate(c, {}, "TH").ok());
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(c, store::create(tx, c, stamp()));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return c;
  }

  core::Result<core::Contact> create(const core::Contact& c) {
    core::Contact out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, store::create(tx, c, stamp()));
      return {};
    }));
    return out;
  }

  core::Result<core::Contact> update(const core::Contact& c) {
    core::Contact out;
    RAPPORT_TRY(store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, store::update(tx, c, stamp()));
      return {};
    }));
    return out;
  }

  core::Contact get(core::Id id) {
    core::Contact out;
    auto status = store().read([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(out, store::get<core::Contact>(tx, id));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return out;
  }

  // Every contact matching `query`, following cursors.
  std::vector<core::Contact> all(core::ListQuery query) {
    std::vector<core::Contact> out;
    for (int guard = 0; guard < 100; ++guard) {
      Page<core::Contact> page;
      auto status = store().read([&](CustomerTx& tx) -> core::Status {
        RAPPORT_ASSIGN_OR_RETURN(
            page, store::list<core::Contact>(tx, query, RecordScope::all(), Shelf::kLive,
                                             RecordScope::all()));
        return {};
      });
      EXPECT_TRUE(status.ok()) << status.error().message;
      if (!status.ok()) break;
      out.insert(out.end(), page.items.begin(), page.items.end());
      if (page.next.empty()) break;
      query.after = page.next;
    }
    return out;
  }

  Ids search(const std::string& q) {
    core::ListQuery query;
    query.search = q;
    query.limit = core::kMaxPageSize;
    Ids ids;
    for (const auto& c : all(query)) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  core::Status erase_company(core::Id id) {
    return store().transact([&](CustomerTx& tx) { return store::erase<core::Company>(tx, id); });
  }

  core::Timestamp clock_ = *core::parse_timestamp("2024-01-01T00:00:00Z");
};

TEST_P(LinkStoreConformance, LinksKeepTheOrderWrittenInReadsAndListPages) {
  auto a = company("Aalders"), b = company("Bangkok Rubber"), c = company("Chao Phraya");
  // Not in id order, so that an engine returning them by id would show.
  auto first = create(person("Somchai", "Jaidee", {{c.id, "Owner"}, {a.id, "Buyer"}, {b.id, ""}}));
  auto second = create(person("Lee", "Smith", {{b.id, "CFO"}, {c.id, "Adviser"}}));
  auto third = create(person("Nok", "Sukjai"));
  ASSERT_TRUE(first.ok() && second.ok() && third.ok()) << first.error().message;
  const Links first_links{{c.id, "Owner"}, {a.id, "Buyer"}, {b.id, ""}};
  EXPECT_EQ(first->companies, first_links);
  EXPECT_EQ(get(first->id).companies, first_links);
  EXPECT_EQ(get(second->id).companies, (Links{{b.id, "CFO"}, {c.id, "Adviser"}}));
  EXPECT_TRUE(get(third->id).companies.empty());
  EXPECT_EQ(link_rows(), 5);

  // A list page assembles every row's links (one query per page), in each one's order.
  core::ListQuery query;
  query.limit = 2;
  std::map<core::Id, Links> listed;
  for (const auto& contact : all(query)) listed[contact.id] = contact.companies;
  EXPECT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[first->id], first_links);
  EXPECT_EQ(listed[second->id], (Links{{b.id, "CFO"}, {c.id, "Adviser"}}));
  EXPECT_TRUE(listed[third->id].empty());
}

TEST_P(LinkStoreConformance, WritingAContactReplacesItsLinkRows) {
  auto a = company("Aalders"), b = company("Bangkok Rubber"), c = company("Chao Phraya");
  auto created = create(person("Somchai", "Jaidee", {{a.id, "Buyer"}, {b.id, "Owner"}}));
  ASSERT_TRUE(created.ok()) << created.error().message;

  core::Contact next = *created;
  next.companies = {{c.id, "Chair"}, {a.id, "Buyer, retired"}};
  auto updated = update(next);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->companies, (Links{{c.id, "Chair"}, {a.id, "Buyer, retired"}}));
  EXPECT_EQ(get(created->id).companies, updated->companies);
  EXPECT_EQ(link_rows(), 2);
  EXPECT_TRUE(search("bangkok").empty());
  EXPECT_EQ(search("phraya"), Ids{created->id});

  next = *updated;
  next.companies.clear();
  ASSERT_TRUE(update(next).ok());
  EXPECT_TRUE(get(created->id).companies.empty());
  EXPECT_EQ(link_rows(), 0);
}

TEST_P(LinkStoreConformance, ALinkToAMissingOrErasedCompanyIsTheSameFieldError) {
  auto a = company("Aalders"), gone = company("Gone Trading");
  ASSERT_TRUE(erase_company(gone.id).ok());
  auto expect_no_such_company = [](const core::Result<core::Contact>& result, std::string field) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(result.error().message, field + ": no such company");
    EXPECT_EQ(result.error().fields, (std::vector<core::FieldError>{{field, "no such company"}}));
  };
  expect_no_such_company(create(person("Somchai", "Jaidee", {{a.id, ""}, {a.id + 1000, ""}})),
                         "companies/1/company_id");
  expect_no_such_company(create(person("Somchai", "Jaidee", {{gone.id, "Buyer"}})),
                         "companies/0/company_id");
  EXPECT_EQ(engine_.count_rows("contacts"), 0);
  EXPECT_EQ(link_rows(), 0);

  auto created = create(person("Lee", "Smith", {{a.id, "Buyer"}}));
  ASSERT_TRUE(created.ok()) << created.error().message;
  core::Contact next = *created;
  next.companies = {{a.id, "Buyer"}, {gone.id, "Owner"}};
  expect_no_such_company(update(next), "companies/1/company_id");
  // The link is checked before the version, on both engines.
  next.meta.version = 99;
  expect_no_such_company(update(next), "companies/1/company_id");
  EXPECT_EQ(get(created->id).companies, (Links{{a.id, "Buyer"}}));
  EXPECT_EQ(link_rows(), 1);

  // A company in the trash still exists: a link to it is kept.
  core::Company trashed = company("Trashed Traders");
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_TRY(
                        store::trash<core::Company>(tx, trashed.id, trashed.meta.version, stamp()));
                    return {};
                  })
                  .ok());
  next = *created;
  next.companies = {{trashed.id, "Owner"}};
  auto linked = update(next);
  ASSERT_TRUE(linked.ok()) << linked.error().message;
  EXPECT_EQ(linked->companies, (Links{{trashed.id, "Owner"}}));
}

TEST_P(LinkStoreConformance, ErasingEitherEndLeavesNoLinkRows) {
  auto a = company("Aalders"), b = company("Bangkok Rubber");
  auto both = create(person("Somchai", "Jaidee", {{a.id, "Buyer"}, {b.id, "Owner"}}));
  auto one = create(person("Lee", "Smith", {{a.id, "CFO"}}));
  ASSERT_TRUE(both.ok() && one.ok());
  EXPECT_EQ(link_rows(), 3);

  ASSERT_TRUE(erase_company(a.id).ok());
  EXPECT_EQ(link_rows(), 1);
  core::Contact after = get(both->id);
  EXPECT_EQ(after.companies, (Links{{b.id, "Owner"}}));
  // The contacts are not rewritten: only the link rows go.
  EXPECT_EQ(after.meta.version, both->meta.version);
  EXPECT_EQ(after.meta.updated_at, both->meta.updated_at);
  EXPECT_TRUE(get(one->id).companies.empty());
  EXPECT_TRUE(search("aalders").empty());
  // Still writable: its links name only companies that exist.
  ASSERT_TRUE(update(after).ok());

  ASSERT_TRUE(
      store()
          .transact([&](CustomerTx& tx) { return store::erase<core::Contact>(tx, both->id); })
          .ok());
  EXPECT_EQ(link_rows(), 0);
  EXPECT_EQ(get(one->id).companies, Links{});
}

TEST_P(LinkStoreConformance, TrashingACompanyKeepsItsLinks) {
  auto a = company("Siam Widgets");
  auto linked = create(person("Somchai", "Jaidee", {{a.id, "Owner"}}));
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(search("widgets"), Ids{linked->id});

  core::Company trashed;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(
                        trashed, store::trash<core::Company>(tx, a.id, a.meta.version, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(link_rows(), 1);
  EXPECT_EQ(get(linked->id).companies, (Links{{a.id, "Owner"}}));
  // A company in the trash lends its name to no search.
  EXPECT_TRUE(search("widgets").empty());

  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_TRY(
                        store::restore<core::Company>(tx, a.id, trashed.meta.version, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("widgets"), Ids{linked->id});
}

// No foreign key guards record_links, so the store must: a company erased while a contact is
// being linked to it never leaves the link behind, whichever transaction gets there first.
TEST_P(LinkStoreConformance, ErasureAndALinkRacingForTheSameCompanyLeaveNoDanglingLink) {
  // The link first: the erasure waits for it to commit, then takes it away.
  auto first = company("First Racing");
  std::promise<void> linked;
  core::Id contact_id = 0;
  std::thread writer([&] {
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          auto c, store::create(tx, person("Somchai", "Jaidee", {{first.id, ""}}), stamp()));
      contact_id = c.id;
      linked.set_value();
      // Holds the transaction open while the erasure starts.
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
  });
  linked.get_future().wait();
  EXPECT_TRUE(erase_company(first.id).ok());
  writer.join();
  EXPECT_EQ(link_rows(), 0);
  EXPECT_TRUE(get(contact_id).companies.empty());

  // The erasure first: the link waits for it to commit, then finds no company.
  auto second = company("Second Racing");
  std::promise<void> erased;
  std::thread eraser([&] {
    auto status = store().transact([&](CustomerTx& tx) -> core::Status {
      RAPPORT_TRY(store::erase<core::Company>(tx, second.id));
      erased.set_value();
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
  });
  erased.get_future().wait();
  auto refused = create(person("Lee", "Smith", {{second.id, ""}}));
  eraser.join();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "companies/0/company_id: no such company");
  EXPECT_EQ(link_rows(), 0);
}

// The measure behind issue 8's rename target, at test size: a company with 1,000 linked contacts
// among others. A contact's search text does not hold its companies' names (the list planners
// join record_links from the company's end), so the rename rewrites no contact at all, and search
// finds exactly the linked ones by the new name and none by the old.
TEST_P(LinkStoreConformance, RenamingACompanyReachesExactlyItsLinkedContacts) {
  constexpr int kLinked = 1000;
  constexpr int kOthers = 50;
  auto acme = company("Widget Works");
  auto other = company("Lanna Textiles");
  Ids linked, others;
  std::vector<core::Contact> before;
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    for (int i = 0; i < kLinked + kOthers; ++i) {
                      const bool link = i < kLinked;
                      auto c = person("Person", "Number " + std::to_string(i),
                                      {{link ? acme.id : other.id, link ? "Staff" : "Buyer"}});
                      RAPPORT_ASSIGN_OR_RETURN(auto created, store::create(tx, c, stamp()));
                      (link ? linked : others).push_back(created.id);
                      before.push_back(created);
                    }
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("widget"), linked);

  acme.name = "Chao Phraya Traders";
  ASSERT_TRUE(core::validate(acme, {}, "TH").ok());
  ASSERT_TRUE(store()
                  .transact([&](CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(acme, store::update(tx, acme, stamp()));
                    return {};
                  })
                  .ok());
  EXPECT_EQ(search("phraya"), linked);
  EXPECT_TRUE(search("widget").empty());
  EXPECT_EQ(search("lanna"), others);

  core::ListQuery everyone;
  everyone.limit = core::kMaxPageSize;
  std::map<core::Id, core::Contact> now;
  for (auto& contact : all(everyone)) now.emplace(contact.id, std::move(contact));
  ASSERT_EQ(now.size(), before.size());
  for (const core::Contact& c : before) {
    EXPECT_EQ(now.at(c.id).meta, c.meta) << c.id;
    EXPECT_EQ(now.at(c.id).companies, c.companies) << c.id;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, LinkStoreConformance, ::testing::ValuesIn(kEngines),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::store
