// Fault injection harness (issue 14, harness 2), on SQLite and PostgreSQL, in process. Every
// write route of the router (a route without a request below fails the harness by name) is sent
// once unarmed to count the database calls it makes (N), then again for each n of 1..N with call
// n failing (store/fault_injection.hpp), each time at a fresh record. Every failure must give a
// clean 5xx problem (the engine's text never shown), the database as before the request (every
// row of every table), and the same request sent again unarmed must succeed: the transaction was
// rolled back and the connection is usable. A failure after the commit (SQLite's checkpoint, the
// PostgreSQL vacuum after an erase) may answer 5xx with the write whole. Then, on SQLite, the
// same over its file writes and syncs (store/sqlite/sqlite_fault_vfs.hpp). Prints the figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "db_snapshot.hpp"
#include "in_process.hpp"
#include "store/fault_injection.hpp"
#include "store/sqlite/sqlite_fault_vfs.hpp"

namespace rapport::reliability {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
namespace fault = store::fault;

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kAdminEmail = "root@example.org";
constexpr std::size_t kFixtureRows = 3000;

// What a route acts on; a fresh one is made for every fault point.
enum class Target {
  kNone,
  kContact,
  kTrashedContact,
  kCompany,
  kTrashedCompany,
  kActivity,
  kTrashedActivity,
  kNote,
  kCustomField,
  kUser,
  kTeam,
  kView,
  kToken
};

// How the request is authenticated: the admin's API token, a fresh browser session of the
// admin's (cookie and CSRF token), or nothing (signing in).
enum class Auth { kToken, kSession, kNone };

struct Spec {
  Target target = Target::kNone;
  std::function<std::string(int serial)> body = nullptr;
  Auth auth = Auth::kToken;
};

std::string n(int serial) { return std::to_string(serial); }

// A contact and a company touching every table a record has: e-mails, phones, addresses, tags,
// a company link, custom fields (one of them unique), the search index.
std::string contact_body(int serial, std::int64_t company) {
  return R"({"given_name":"Fault","family_name":"Case )" + n(serial) +
         R"(","lead_source":"fair","notes":"met at a fair","emails":[{"address":"fault)" +
         n(serial) + R"(@example.org","primary":true},{"address":"other)" + n(serial) +
         R"(@example.org"}],"phones":[{"number":"+66 81 234 5678"}],)"
         R"("addresses":[{"type":"home","street":"Keizersgracht 12","locality":"Den Haag",)"
         R"("postal_code":"2511 CJ","country":"NL"}],"tags":["fault","t)" +
         n(serial) + R"("],"companies":[{"company_id":)" + std::to_string(company) +
         R"(}],"custom":{"tier":"gold","code":"C-)" + n(serial) + R"("}})";
}

std::string company_body(int serial) {
  return R"({"name":"Fault Widgets )" + n(serial) + R"(","domains":["fault)" + n(serial) +
         R"(.example.org"],"industry":"Manufacturing","addresses":[{"type":"work",)"
         R"("street":"1 Rama IV Rd","locality":"Bangkok","country":"TH"}],)"
         R"("tags":["key-account"],"notes":"met at a fair","custom":{"region_code":"R)" +
         n(serial) + R"("}})";
}

// An activity linked to the fixture's company, with tags and a phone number: its row, its links,
// its index rows.
std::string activity_body(int serial, std::int64_t company) {
  return R"({"type":"call","subject":"Fault call )" + n(serial) +
         R"(","body":"asked for a quote","phone":"081 234 5678","duration_seconds":60,)"
         R"("due_at":"2026-12-08T09:00:00Z","tags":["fault"],"company_ids":[)" +
         std::to_string(company) + "]}";
}

// Every write route's request, keyed "METHOD pattern". `company` is the fixture's company that
// contacts link to.
std::map<std::string, Spec> requests(std::int64_t company) {
  std::map<std::string, Spec> m;
  m["POST /api/v1/session"] = {Target::kNone,
                               [](int) {
                                 return std::string(R"({"email":")") + kAdminEmail +
                                        R"(","password":")" + kPassword + "\"}";
                               },
                               Auth::kNone};
  m["DELETE /api/v1/session"] = {Target::kNone, nullptr, Auth::kSession};
  m["POST /api/v1/contacts"] = {Target::kNone,
                                [company](int s) { return contact_body(s, company); }};
  m["PATCH /api/v1/contacts/{id}"] = {
      Target::kContact, [company](int s) { return contact_body(s + 1000000, company); }};
  m["POST /api/v1/companies"] = {Target::kNone, company_body};
  m["PATCH /api/v1/companies/{id}"] = {Target::kCompany,
                                       [](int s) { return company_body(s + 1000000); }};
  m["POST /api/v1/activities"] = {Target::kNone,
                                  [company](int s) { return activity_body(s, company); }};
  m["PATCH /api/v1/activities/{id}"] = {
      Target::kActivity, [company](int s) { return activity_body(s + 1000000, company); }};
  for (const auto& [base, live, trashed, notes] :
       {std::tuple{std::string("/api/v1/contacts"), Target::kContact, Target::kTrashedContact,
                   true},
        std::tuple{std::string("/api/v1/companies"), Target::kCompany, Target::kTrashedCompany,
                   true},
        std::tuple{std::string("/api/v1/activities"), Target::kActivity, Target::kTrashedActivity,
                   false}}) {
    m["DELETE " + base + "/{id}"] = {live};
    m["POST " + base + "/{id}/restore"] = {trashed};
    m["POST " + base + "/{id}/erase"] = {live};
    if (notes) {
      m["POST " + base + "/{id}/notes"] = {
          live, [](int s) { return R"({"body":"a note )" + n(s) + "\"}"; }};
    }
  }
  m["PATCH /api/v1/notes/{id}"] = {Target::kNote,
                                   [](int s) { return R"({"body":"changed )" + n(s) + "\"}"; }};
  m["DELETE /api/v1/notes/{id}"] = {Target::kNote};
  m["POST /api/v1/custom-fields"] = {Target::kNone, [](int s) {
                                       return R"({"entity":"contact","key":"k)" + n(s) +
                                              R"(","label":"K","type":"text"})";
                                     }};
  m["PATCH /api/v1/custom-fields/{id}"] = {Target::kCustomField,
                                           [](int) { return R"({"label":"Renamed"})"; }};
  m["DELETE /api/v1/custom-fields/{id}"] = {Target::kCustomField};
  m["POST /api/v1/users"] = {Target::kNone, [](int s) {
                               return R"({"email":"new)" + n(s) +
                                      R"(@example.org","display_name":"New","role":"sales",)"
                                      R"("password":")" +
                                      kPassword + "\"}";
                             }};
  m["PATCH /api/v1/users/{id}"] = {Target::kUser, [](int s) {
                                     return R"({"display_name":"Renamed )" + n(s) +
                                            R"(","role":"manager","active":false})";
                                   }};
  m["POST /api/v1/users/{id}/unlock"] = {Target::kUser};
  m["POST /api/v1/users/{id}/password"] = {
      Target::kUser, [](int) { return R"({"password":"another horse battery"})"; }};
  m["POST /api/v1/teams"] = {Target::kNone,
                             [](int s) { return R"({"name":"Team )" + n(s) + "\"}"; }};
  m["PATCH /api/v1/teams/{id}"] = {Target::kTeam,
                                   [](int s) { return R"({"name":"Renamed )" + n(s) + "\"}"; }};
  m["DELETE /api/v1/teams/{id}"] = {Target::kTeam};
  m["POST /api/v1/tokens"] = {
      Target::kNone,
      [](int) {
        return std::string(R"({"name":"t","scope":"read-write","password":")") + kPassword + "\"}";
      },
      Auth::kSession};
  m["DELETE /api/v1/tokens/{id}"] = {Target::kToken};
  m["PATCH /api/v1/me"] = {Target::kNone, [](int s) {
                             return std::string(R"({"language":")") + (s % 2 ? "th" : "nl") +
                                    R"(","time_zone":"Asia/Manila"})";
                           }};
  m["POST /api/v1/views"] = {Target::kNone, [](int s) {
                               return R"({"kind":"contact","name":"View )" + n(s) +
                                      R"(","query":"sort=-updated_at","columns":["given_name"]})";
                             }};
  m["PATCH /api/v1/views/{id}"] = {Target::kView,
                                   [](int s) { return R"({"name":"Renamed )" + n(s) + "\"}"; }};
  m["DELETE /api/v1/views/{id}"] = {Target::kView};
  m["PATCH /api/v1/settings"] = {
      Target::kNone,
      [](int s) { return std::string(R"({"default_region":")") + (s % 2 ? "DE" : "NL") + "\"}"; }};
  return m;
}

// The rows in one dump and not the other, the first few, for a failure message.
std::string differences(const Snapshot& before, const Snapshot& after) {
  std::vector<std::string> only_before, only_after;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                      std::back_inserter(only_before));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::back_inserter(only_after));
  std::string out;
  for (const auto& [sign, rows] : {std::pair{"\n  - ", &only_before}, {"\n  + ", &only_after}}) {
    for (std::size_t i = 0; i < rows->size() && i < 6; ++i) out += sign + (*rows)[i].substr(0, 160);
  }
  return out;
}

// Rows changed outside the search indexes (the n-gram tables, SQLite's FTS5 shadow tables),
// whose size varies with their own housekeeping (FTS5 merges segments every so many writes):
// what a write changes, the same every time it is made. A rollback is checked on every row.
int changed_records(const Snapshot& before, const Snapshot& after) {
  const auto records = [](const Snapshot& all) {
    Snapshot out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const std::string& row) {
      const std::string table = row.substr(0, row.find('|'));
      return !is_index(table) && table.find("_search_") == std::string::npos;
    });
    return out;
  };
  return changed_rows(records(before), records(after));
}

bool unsafe(Method m) { return m != Method::get && m != Method::head; }

std::string key_of(const http::Route& route) {
  return std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
}

// The detail a 5xx problem may carry: the server's own sentences, never the engine's text.
bool clean_detail(const std::string& body) {
  try {
    const json::value problem = json::parse(body);
    const auto* detail = problem.as_object().if_contains("detail");
    return detail && detail->is_string() &&
           (detail->as_string() == "The server failed to handle the request; it has been logged." ||
            detail->as_string() == "A service the server needs is unavailable; try again later.");
  } catch (const std::exception&) {
    return false;
  }
}

struct Figures {
  int routes = 0;
  int points = 0;          // fault points swept (route × failing call)
  int rolled_back = 0;     // answered 5xx, database as before
  int committed_5xx = 0;   // failed after the commit: answered 5xx, the write whole
  int absorbed = 0;        // answered 2xx, the write whole (a retried or optional call)
  int not_reached = 0;     // the request made fewer calls this time
  int partial = 0;         // database neither as before nor as the write leaves it
  int unclean = 0;         // not a 5xx problem with the server's own words (or a lost 2xx)
  int crashes = 0;         // an exception out of the handler
  int failed_retries = 0;  // the same request, unarmed, did not succeed afterwards
  int calls_most = 0;      // the most calls one request made
};

class FaultInjection : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { open_fixture(); }

  // A fresh database with the admin, their token, the custom fields the bodies fill and the
  // company contacts link to. Every fault point adds records, and a dump's cost grows with them:
  // a route starts on a fresh one once the last dump passed kFixtureRows.
  void open_fixture() {
    pg_.reset();
    h_.reset();
    h_ = std::make_unique<Harness>();
    app::ApiOptions options;
    options.limits.enabled = false;
    RAPPORT_OPEN_HARNESS(*h_, GetParam(), "fault_injection", std::move(options));
    if (GetParam() == "postgresql") {
      auto conn = store::postgres::PgConnection::connect(h_->schema()->url());
      ASSERT_TRUE(conn.ok()) << conn.error().message;
      pg_ = std::move(*conn);
    }
    services::PasswordHasher hasher(kTestPasswordCost);
    services::UserService users(h_->db().identity(), hasher, h_->clock.function());
    auto admin = users.create(services::console_caller(),
                              {kAdminEmail, "Root", core::Role::kAdmin, std::nullopt, kPassword});
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    admin_id_ = admin->id;
    services::TokenService tokens(h_->db().identity(), h_->clock.function());
    auto token = tokens.create({admin_id_, core::Role::kAdmin, std::nullopt, false, "test"},
                               "fault", store::TokenScope::kReadWrite, std::nullopt);
    ASSERT_TRUE(token.ok()) << token.error().message;
    token_ = token->secret;
    // The custom fields the record bodies fill, one of them unique (its own index table).
    for (
        const char* field :
        {R"({"entity":"contact","key":"tier","label":"Tier","type":"single_select","options":["gold","silver"]})",
         R"({"entity":"contact","key":"code","label":"Code","type":"text","unique":true})",
         R"({"entity":"company","key":"region_code","label":"Region","type":"text"})"}) {
      ASSERT_EQ(as_admin(Method::post, "/api/v1/custom-fields", field).status, 201u) << field;
    }
    company_ = created("/api/v1/companies", company_body(0));
  }

  void TearDown() override {
    pg_.reset();
    h_.reset();
  }

  Reply as_admin(Method method, const std::string& target, const std::string& body = {},
                 Headers headers = {}) {
    headers.emplace_back("Authorization", "Bearer " + token_);
    return h_->send(method, target, body, headers);
  }

  std::int64_t created(const std::string& path, const std::string& body) {
    const Reply r = as_admin(Method::post, path, body);
    EXPECT_EQ(r.status, 201u) << path << ": " << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }

  std::int64_t make_target(Target t, int serial) {
    const auto trashed = [&](const std::string& base, const std::string& body) {
      const std::int64_t id = created(base, body);
      EXPECT_EQ(as_admin(Method::delete_, base + "/" + std::to_string(id), {}, {{"If-Match", "*"}})
                    .status,
                204u);
      return id;
    };
    switch (t) {
      case Target::kNone:
        return 0;
      case Target::kContact:
        return created("/api/v1/contacts", contact_body(serial, company_));
      case Target::kTrashedContact:
        return trashed("/api/v1/contacts", contact_body(serial, company_));
      case Target::kCompany:
        return created("/api/v1/companies", company_body(serial));
      case Target::kTrashedCompany:
        return trashed("/api/v1/companies", company_body(serial));
      case Target::kActivity:
        return created("/api/v1/activities", activity_body(serial, company_));
      case Target::kTrashedActivity:
        return trashed("/api/v1/activities", activity_body(serial, company_));
      case Target::kNote: {
        const std::int64_t contact = created("/api/v1/contacts", contact_body(serial, company_));
        return created("/api/v1/contacts/" + std::to_string(contact) + "/notes",
                       R"({"body":"the first words"})");
      }
      case Target::kCustomField:
        return created("/api/v1/custom-fields", R"({"entity":"company","key":"f)" + n(serial) +
                                                    R"(","label":"F","type":"text"})");
      case Target::kUser:
        return created("/api/v1/users", R"({"email":"target)" + n(serial) +
                                            R"(@example.org","display_name":"Target",)"
                                            R"("role":"sales","password":")" +
                                            kPassword + "\"}");
      case Target::kTeam:
        return created("/api/v1/teams", R"({"name":"Spare )" + n(serial) + "\"}");
      case Target::kView:
        return created("/api/v1/views",
                       R"({"kind":"company","name":"Spare )" + n(serial) + R"(","query":"q=x"})");
      case Target::kToken: {
        services::TokenService tokens(h_->db().identity(), h_->clock.function());
        auto token = tokens.create({admin_id_, core::Role::kAdmin, std::nullopt, false, "test"},
                                   "target", store::TokenScope::kRead, std::nullopt);
        EXPECT_TRUE(token.ok());
        return token.ok() ? token->record.id : 0;
      }
    }
    return 0;
  }

  // The headers of `auth`: a fresh session is signed in (before the snapshot) for kSession.
  Headers headers_for(Auth auth, const http::Route& route) {
    Headers h;
    if (auth == Auth::kToken) h.emplace_back("Authorization", "Bearer " + token_);
    if (auth == Auth::kSession) {
      const Reply r = h_->send(
          Method::post, "/api/v1/session",
          std::string(R"({"email":")") + kAdminEmail + R"(","password":")" + kPassword + "\"}");
      EXPECT_EQ(r.status, 201u) << r.body;
      if (r.status == 201) {
        const std::string set_cookie = r.header("Set-Cookie");
        h.emplace_back("Cookie", set_cookie.substr(0, set_cookie.find(';')));
        h.emplace_back("X-CSRF-Token", std::string(r.json().at("csrf_token").as_string()));
      }
    }
    if (route.options.requires_if_match) h.emplace_back("If-Match", "*");
    return h;
  }

  // Every row of every table, sessions and last-use times included: the clock stands still, so
  // no request touches them but the ones whose write they are.
  Snapshot snapshot() {
    auto snap = pg_ ? postgres_snapshot(*pg_, Volatile::kKept)
                    : sqlite_snapshot(h_->location(), Volatile::kKept);
    EXPECT_TRUE(snap.ok()) << snap.error().message;
    dumped_rows_ = snap.ok() ? snap->size() : 0;
    return snap.ok() ? std::move(*snap) : Snapshot{};
  }

  // Sends one request; an exception out of the handler is a crash (the server would log a 500).
  std::optional<Reply> send(const http::Route& route, const std::string& target,
                            const std::string& body, const Headers& headers) {
    try {
      return h_->send(route.method, target, body, headers);
    } catch (const std::exception& e) {
      ADD_FAILURE() << key_of(route) << ": exception " << e.what();
      return std::nullopt;
    }
  }

  // One route: the unarmed run, then every fault point.
  void sweep(const http::Route& route, const Spec& spec, fault::Counted counted, int stride) {
    const std::string key = key_of(route);
    const auto started = std::chrono::steady_clock::now();
    const int points_before = f_.points;
    if (dumped_rows_ > kFixtureRows) open_fixture();
    if (HasFatalFailure()) return;
    const auto prepare = [&](int serial, Headers& headers) {
      headers = headers_for(spec.auth, route);
      std::string target = route.pattern;
      const auto at = target.find("{id}");
      if (at != std::string::npos) {
        target.replace(at, 4, std::to_string(make_target(spec.target, serial)));
      }
      return target;
    };
    // The unarmed run: how many calls, which one commits last, how many rows the write changes.
    // Twice, the second measured: a first write of its kind adds rows later ones only change
    // (sqlite_sequence's).
    Headers headers;
    int serial = 0;
    std::string target, body;
    Snapshot before;
    fault::Tally tally;
    int writes = 0;
    for (int run = 0; run < 2; ++run) {
      serial = ++serial_;
      target = prepare(serial, headers);
      body = spec.body ? spec.body(serial) : std::string();
      before = snapshot();
      fault::arm(0, fault::Failure::kUnavailable, counted);
      const auto clean = send(route, target, body, headers);
      tally = fault::disarm();
      ASSERT_TRUE(clean && clean->status >= 200 && clean->status < 300)
          << key << " unarmed: " << (clean ? clean->body : "exception");
      writes = changed_records(before, snapshot());
    }
    const int calls = static_cast<int>(tally.calls.size());
    int commit = 0;  // the last COMMIT's call number: a failure after it cannot roll back
    for (int i = 0; i < calls; ++i) {
      // A commit is its COMMIT call, or for file writes its frames written to the WAL.
      const bool committing = counted == fault::Counted::kCalls ? tally.calls[i] == "COMMIT"
                                                                : tally.calls[i] == "write WAL";
      if (committing) commit = i + 1;
    }
    ++f_.routes;
    f_.calls_most = std::max(f_.calls_most, calls);
    // Every `stride`th point, the last one always.
    const auto next = [&](int nth) {
      return nth < calls && nth + stride > calls ? calls : nth + stride;
    };
    for (int nth = 1; nth <= calls; nth = next(nth)) {
      serial = ++serial_;
      target = prepare(serial, headers);
      body = spec.body ? spec.body(serial) : std::string();
      before = snapshot();
      // Odd calls fail as the database being unavailable (503), even ones as an I/O error (500).
      fault::arm(nth, nth % 2 ? fault::Failure::kUnavailable : fault::Failure::kIoError, counted);
      const auto reply = send(route, target, body, headers);
      const fault::Tally armed = fault::disarm();
      ++f_.points;
      const std::string label = key + " failing call " + std::to_string(nth) + " of " +
                                std::to_string(calls) + " (" +
                                (armed.fired ? armed.calls[nth - 1] : tally.calls[nth - 1]) + ")";
      // In WAL mode a commit is its frames written to the WAL; the database file is written
      // and the WAL synced only by checkpoints, after it (their number varies from run to run).
      const bool after_commit = counted == fault::Counted::kCalls
                                    ? nth > commit
                                    : armed.fired && armed.calls[nth - 1] != "write WAL";
      if (!reply) {
        ++f_.crashes;
        continue;
      }
      const Snapshot after = snapshot();
      const int changed = changed_rows(before, after);
      const int records = changed_records(before, after);
      const bool ok = reply->status >= 200 && reply->status < 300;
      const bool server_error = reply->status >= 500 && reply->status < 600;
      if (!armed.fired) {
        // Fewer calls this time (FTS5 decides for itself when to merge its segments): no fault.
        ++f_.not_reached;
        EXPECT_TRUE(ok) << label << ": " << reply->status << " unarmed: " << reply->body;
      } else if (ok) {
        if (records == writes) {
          ++f_.absorbed;
        } else {
          ++f_.partial;
          ADD_FAILURE() << label << ": " << reply->status << " with " << records << " rows changed "
                        << "where the write changes " << writes << differences(before, after);
        }
      } else if (!server_error || reply->content_type != "application/problem+json" ||
                 !clean_detail(reply->body)) {
        ++f_.unclean;
        ADD_FAILURE() << label << ": not a clean 5xx problem: " << reply->status << " "
                      << reply->content_type << " " << reply->body;
      } else if (changed == 0) {
        ++f_.rolled_back;
      } else if (after_commit && records == writes) {
        ++f_.committed_5xx;
      } else {
        ++f_.partial;
        ADD_FAILURE() << label << ": " << reply->status << " left " << records
                      << " rows changed (a partial commit), where the write changes " << writes
                      << differences(before, after);
      }
      // The next request succeeds: after a rollback the very same one, else a new contact.
      const bool same = server_error && changed == 0;
      const Reply next =
          same ? h_->send(route.method, target, body, headers)
               : as_admin(Method::post, "/api/v1/contacts", contact_body(++serial_, company_));
      if (next.status < 200 || next.status >= 300) {
        ++f_.failed_retries;
        ADD_FAILURE() << label << ": the next request failed: " << next.status << " " << next.body;
      }
    }
    std::printf("  %s: %d calls (%d after the commit), %d fault points, %.1f s\n", key.c_str(),
                calls, calls - commit, f_.points - points_before,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }

  std::unique_ptr<Harness> h_;
  std::unique_ptr<store::postgres::PgConnection> pg_;
  std::int64_t admin_id_ = 0;
  std::int64_t company_ = 0;
  std::string token_;
  int serial_ = 0;
  std::size_t dumped_rows_ = 0;
  Figures f_;

  // Every write route × every database call it makes.
  // Every write route × every database call (or file write) it makes.
  void run(fault::Counted counted, int stride) {
    const auto specs = requests(company_);
    std::set<std::string> seen;
    const auto started = std::chrono::steady_clock::now();
    // Copied: each sweep opens a new Api.
    const std::vector<http::Route> routes = h_->api().router().routes();
    for (const http::Route& route : routes) {
      if (!unsafe(route.method)) continue;
      const std::string key = key_of(route);
      seen.insert(key);
      const auto found = specs.find(key);
      if (found == specs.end()) {
        ADD_FAILURE() << key << " has no request in the fault injection harness";
        continue;
      }
      sweep(route, found->second, counted, stride);
    }
    for (const auto& [key, spec] : specs) {
      EXPECT_TRUE(seen.contains(key)) << key << " has a request but is no longer registered";
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "fault_injection %s, %s: %d write routes, %d fault points swept (every %d; at most %d per "
        "request): %d rolled back (5xx, nothing written), %d failed after the commit "
        "(5xx, the write whole), %d absorbed (2xx, the write whole), %d not reached; %d partial "
        "commits, %d unclean answers, %d crashes, %d failed next requests; %.1f s\n",
        GetParam().c_str(), counted == fault::Counted::kCalls ? "database calls" : "file writes",
        f_.routes, f_.points, stride, f_.calls_most, f_.rolled_back, f_.committed_5xx, f_.absorbed,
        f_.not_reached, f_.partial, f_.unclean, f_.crashes, f_.failed_retries, seconds);
    EXPECT_EQ(f_.partial, 0);
    EXPECT_EQ(f_.unclean, 0);
    EXPECT_EQ(f_.crashes, 0);
    EXPECT_EQ(f_.failed_retries, 0);
  }
};

// Every `stride`th fault point from the environment variable `name` (at least 1), else `fallback`.
int stride_from(const char* name, int fallback) {
  const char* text = std::getenv(name);
  return text ? std::max(1, std::atoi(text)) : fallback;
}

// Every database call in the release build; the sanitizer build, several times slower, samples
// every RAPPORT_FAULT_CALL_STRIDE-th (tests/reliability/CMakeLists.txt sets it there).
TEST_P(FaultInjection, EveryWriteRouteEveryDatabaseCall) {
  run(fault::Counted::kCalls, stride_from("RAPPORT_FAULT_CALL_STRIDE", 1));
}

INSTANTIATE_TEST_SUITE_P(Engines, FaultInjection, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// SQLite only: the file writes and syncs of every write route failing in turn inside SQLite
// (store/sqlite/sqlite_fault_vfs.hpp): SQLite's own rollback of a commit whose WAL frames could
// not be written, and the connection usable afterwards. Every 4th write in `make test` (a
// request writes up to 160 pages, most of them alike); RAPPORT_FAULT_FILE_STRIDE=1, as
// `make soak` sets it, fails every one.
class FileFaultInjection : public FaultInjection {};

TEST_P(FileFaultInjection, EveryWriteRouteEveryFileWrite) {
  ASSERT_TRUE(store::sqlite::install_fault_vfs().ok());
  open_fixture();  // again, on the fault VFS
  run(fault::Counted::kFileWrites, stride_from("RAPPORT_FAULT_FILE_STRIDE", 4));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, FileFaultInjection, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::reliability
