// Loads the demo data set into a database: teams and users through their services, then
// companies, contacts and their activities in large transactions, each batch with one audit
// entry per kind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/team_service.hpp"
#include "services/unit_of_work.hpp"
#include "services/user_service.hpp"

namespace rapport::services {

struct DemoLoadSummary {
  std::size_t teams = 0;  // created now (existing ones are reused)
  std::size_t users = 0;  // created now (existing ones are reused)
  std::size_t companies = 0;
  std::size_t contacts = 0;
  std::size_t activities = 0;  // with about three contacts in ten
};

// Called after each committed batch with the records written so far and the total.
using DemoProgress = std::function<void(std::size_t done, std::size_t total)>;

// Adds `contacts` demo contacts (and their companies, activities, teams and users) made from
// `seed`. Requires that `caller` may import contacts, companies and activities and create users
// and teams
// (forbidden otherwise, before anything is written). Demo users get random passwords nobody
// knows; an admin resets one to sign in as that user. A failed batch is rolled back and its
// error returned; earlier batches stay.
core::Result<DemoLoadSummary> load_demo(UnitOfWork& records, UserService& users, TeamService& teams,
                                        const Caller& caller, std::size_t contacts,
                                        std::uint64_t seed, const DemoProgress& progress);

}  // namespace rapport::services
