// Crash durability harness (issue 14, harness 1): writers create, update (If-Match) and trash
// contacts and companies and create, update and delete notes through the real `rapport serve`,
// counting a write only once its 2xx answer arrived; a supervisor kills the server with SIGKILL
// at a seeded random moment (on PostgreSQL optionally stops the cluster with `pg_ctl -m
// immediate` instead), restarts it and checks that every acknowledged write is there with its
// content and version, that a write left without an answer is wholly applied or wholly absent
// (row, search index, tags, audit entry), that SQLite's integrity_check is ok and that the audit
// log counts exactly the writes the data shows. Prints the figures; exits non-zero on any loss.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/json.hpp>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "server_process.hpp"

namespace {

using namespace rapport::reliability;
namespace json = boost::json;

struct Options {
  std::string binary;
  std::string engine;  // sqlite or postgres
  int cycles = 20;
  std::uint64_t seed = 0;
  int pg_immediate_every = 0;  // on PostgreSQL: every Nth crash is `pg_ctl restart -m immediate`
  int full_scan_every = 1;     // cycles between comparisons of every stored record with the model
  int writers = 3;
};

enum class Kind { contact, company };
std::string path_of(Kind k) { return k == Kind::contact ? "contacts" : "companies"; }
std::string name_field(Kind k) { return k == Kind::contact ? "family_name" : "name"; }

struct Record {
  Kind kind;
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string marker;  // the family name (contacts) or name (companies), also its only tag
  bool trashed = false;
  std::string previous_marker;  // before this cycle's acknowledged update, to check the index
};

struct Note {
  std::int64_t id = 0;
  Kind parent_kind;
  std::int64_t parent_id = 0;
  std::int64_t version = 0;
  std::string body;
  bool deleted = false;
};

// A write that was sent but whose 2xx answer never came: the server may or may not have done it.
struct Uncertain {
  enum class Op { none, create_record, update_record, trash_record, create_note, update_note,
                  delete_note } op = Op::none;
  Kind kind = Kind::contact;
  std::size_t index = 0;  // the record's or note's index in the writer's model
  std::string marker;     // the new name or body
};

// One writer's records and notes: writers never share a record, so If-Match never conflicts.
struct WriterModel {
  std::vector<Record> records;
  std::vector<Note> notes;
  Uncertain uncertain;
  std::vector<std::size_t> touched_records;  // this cycle
  std::vector<std::size_t> touched_parents;  // records whose notes changed this cycle
  std::uint64_t acknowledged = 0;
};

struct Figures {
  std::uint64_t acknowledged = 0, unanswered = 0, unanswered_applied = 0, lost = 0,
                half_written = 0, integrity_checks = 0, pg_immediate = 0, sigkills = 0;
};

std::mutex failures_mutex;
std::vector<std::string> failures;
void fail(std::uint64_t& counter, const std::string& what) {
  std::lock_guard lock(failures_mutex);
  ++counter;
  if (failures.size() < 30) failures.push_back(what);
}

std::string url_encode(const std::string& s) {
  std::ostringstream out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out << c;
    } else {
      out << '%' << std::uppercase << std::hex << std::setw(2) << std::setfill('0')
          << static_cast<int>(c) << std::dec;
    }
  }
  return out.str();
}

// An API client on one keep-alive connection with a bearer token.
class Api {
 public:
  Api(int port, std::string token) : port_(port), token_(std::move(token)) {}

  // One attempt; nullopt when no whole answer came.
  std::optional<Answer> send(const std::string& method, const std::string& target,
                             const std::string& body = {}, std::int64_t if_match = 0) {
    if (!conn_ || !conn_->ok()) conn_ = std::make_unique<Connection>(port_);
    if (!conn_->ok()) return std::nullopt;
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
                          token_ + "\r\n";
    if (if_match > 0) request += "If-Match: \"" + std::to_string(if_match) + "\"\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH") {
      request += "Content-Type: application/json\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
    auto answer = round_trip(*conn_, request);
    if (!answer) conn_.reset();
    return answer;
  }

  // A read, retried while the server (or its database) comes back: its status and JSON body.
  std::pair<int, json::value> get(const std::string& target) {
    const auto deadline = Clock::now() + 60s;
    while (true) {
      auto answer = send("GET", target);
      if (answer && answer->status < 500) {
        json::value body;
        if (!answer->body.empty()) body = json::parse(answer->body);
        return {answer->status, body};
      }
      if (Clock::now() > deadline) throw std::runtime_error("GET " + target + " never answered");
      std::this_thread::sleep_for(100ms);
    }
  }

 private:
  int port_;
  std::string token_;
  std::unique_ptr<Connection> conn_;
};

std::int64_t int_of(const json::value& v, const char* key) { return v.at(key).as_int64(); }
std::string str_of(const json::value& v, const char* key) {
  return std::string(v.at(key).as_string());
}

// The writer: random writes on its own records until the server stops answering or `stop`.
void write_until_crash(Api& api, WriterModel& m, std::mt19937_64& rng, const std::string& prefix,
                       std::uint64_t& counter, const std::atomic<bool>& stop) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto fresh_marker = [&] {
    std::ostringstream s;
    s << prefix << std::setw(7) << std::setfill('0') << counter++;
    return s.str();
  };
  auto live_records = [&] {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m.records.size(); ++i) {
      if (!m.records[i].trashed) out.push_back(i);
    }
    return out;
  };
  auto record_body = [](Kind kind, const std::string& marker) {
    json::object o;
    // display_name is kept from the create unless sent, so it follows the marker too.
    if (kind == Kind::contact) o["given_name"] = "Crash", o["display_name"] = "Crash " + marker;
    o[name_field(kind)] = marker;
    o["tags"] = json::array{json::value(marker)};
    return json::serialize(o);
  };
  while (!stop.load()) {
    const int roll = static_cast<int>(rng() % 100);
    const auto live = live_records();
    Uncertain u;
    std::optional<Answer> answer;
    if (roll < 30 || live.empty()) {
      u = {Uncertain::Op::create_record, rng() % 2 ? Kind::contact : Kind::company, 0,
           fresh_marker()};
      answer = api.send("POST", "/api/v1/" + path_of(u.kind), record_body(u.kind, u.marker));
      if (answer && answer->status == 201) {
        json::value v = json::parse(answer->body);
        m.records.push_back({u.kind, int_of(v, "id"), int_of(v, "version"), u.marker, false, {}});
        m.touched_records.push_back(m.records.size() - 1);
      }
    } else if (roll < 60) {
      const std::size_t i = live[pick(live.size())];
      Record& r = m.records[i];
      u = {Uncertain::Op::update_record, r.kind, i, fresh_marker()};
      answer = api.send("PATCH", "/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id),
                        record_body(r.kind, u.marker), r.version);
      if (answer && answer->status == 200) {
        if (r.previous_marker.empty()) r.previous_marker = r.marker;
        r.marker = u.marker;
        r.version = int_of(json::parse(answer->body), "version");
        m.touched_records.push_back(i);
      }
    } else if (roll < 70) {
      const std::size_t i = live[pick(live.size())];
      Record& r = m.records[i];
      u = {Uncertain::Op::trash_record, r.kind, i, {}};
      answer = api.send("DELETE", "/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id), {},
                        r.version);
      if (answer && answer->status == 204) {
        r.trashed = true;
        ++r.version;  // a trash is a new version (its audit entry says "delete")
        m.touched_records.push_back(i);
      }
    } else {
      std::vector<std::size_t> notes;
      for (std::size_t n = 0; n < m.notes.size(); ++n) {
        if (!m.notes[n].deleted) notes.push_back(n);
      }
      // Notes of records in the trash cannot change: only notes whose parent is live.
      std::erase_if(notes, [&](std::size_t n) {
        for (const auto& r : m.records) {
          if (r.id == m.notes[n].parent_id && r.kind == m.notes[n].parent_kind) return r.trashed;
        }
        return true;
      });
      if (roll < 88 || notes.empty()) {
        const std::size_t i = live[pick(live.size())];
        const Record& r = m.records[i];
        u = {Uncertain::Op::create_note, r.kind, i, fresh_marker()};
        answer = api.send("POST",
                          "/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id) + "/notes",
                          json::serialize(json::object{{"body", u.marker}}));
        if (answer && answer->status == 201) {
          json::value v = json::parse(answer->body);
          m.notes.push_back({int_of(v, "id"), r.kind, r.id, int_of(v, "version"), u.marker, {}});
          m.touched_parents.push_back(i);
        }
      } else {
        const std::size_t n = notes[pick(notes.size())];
        Note& note = m.notes[n];
        std::size_t parent = 0;
        while (m.records[parent].id != note.parent_id || m.records[parent].kind != note.parent_kind)
          ++parent;
        if (roll < 95) {
          u = {Uncertain::Op::update_note, note.parent_kind, n, fresh_marker()};
          answer = api.send("PATCH", "/api/v1/notes/" + std::to_string(note.id),
                            json::serialize(json::object{{"body", u.marker}}), note.version);
          if (answer && answer->status == 200) {
            note.body = u.marker;
            note.version = int_of(json::parse(answer->body), "version");
            m.touched_parents.push_back(parent);
          }
        } else {
          u = {Uncertain::Op::delete_note, note.parent_kind, n, {}};
          answer = api.send("DELETE", "/api/v1/notes/" + std::to_string(note.id), {}, note.version);
          if (answer && answer->status == 204) {
            note.deleted = true;
            m.touched_parents.push_back(parent);
          }
        }
      }
    }
    if (answer && answer->status >= 200 && answer->status < 300) {
      ++m.acknowledged;
      continue;
    }
    if (answer && answer->status >= 400 && answer->status < 500) {
      // A refusal the harness did not expect: its model would be wrong from here on.
      throw std::runtime_error("unexpected " + std::to_string(answer->status) + ": " + answer->body);
    }
    m.uncertain = u;  // no answer, or a 5xx while the database went away
    return;
  }
}

// Counts of audit entries by object type, object id and action, read incrementally.
class AuditLedger {
 public:
  void catch_up(Api& api) {
    std::int64_t newest = seen_;
    std::string after;
    bool done = false;
    while (!done) {
      auto [status, page] =
          api.get("/api/v1/audit?limit=500" + (after.empty() ? "" : "&after=" + url_encode(after)));
      if (status != 200) throw std::runtime_error("audit: " + std::to_string(status));
      for (const auto& item : page.at("items").as_array()) {
        const std::int64_t id = int_of(item, "id");
        if (id <= seen_) {
          done = true;
          break;
        }
        newest = std::max(newest, id);
        if (item.at("object_id").is_null()) continue;
        const std::string type = str_of(item, "object_type");
        const std::string action = str_of(item, "action");
        ++counts_[{type, int_of(item, "object_id"), action}];
      }
      if (page.at("next").is_null()) break;
      after = std::string(page.at("next").as_string());
    }
    seen_ = newest;
  }
  std::int64_t count(Kind kind, std::int64_t id, const std::string& action) const {
    auto it = counts_.find({path_of(kind), id, action});
    return it == counts_.end() ? 0 : it->second;
  }

 private:
  std::int64_t seen_ = 0;
  std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> counts_;
};

// The ids a list query answers.
std::vector<std::int64_t> listed(Api& api, const std::string& target) {
  auto [status, page] = api.get(target);
  if (status != 200) throw std::runtime_error("GET " + target + ": " + std::to_string(status));
  std::vector<std::int64_t> ids;
  for (const auto& item : page.at("items").as_array()) ids.push_back(int_of(item, "id"));
  return ids;
}

bool lists(Api& api, const std::string& target, std::int64_t id) {
  return std::ranges::count(listed(api, target), id) > 0;
}

// Checks one record against the model: stored content and version, search index and tags.
void check_record(Api& api, const Record& r, Figures& f) {
  const std::string base = "/api/v1/" + path_of(r.kind);
  const std::string what = path_of(r.kind) + " " + std::to_string(r.id);
  auto [status, v] = api.get(base + "/" + std::to_string(r.id));
  if (status != 200) {
    fail(f.lost, what + ": acknowledged, answers " + std::to_string(status));
    return;
  }
  if (int_of(v, "version") != r.version || str_of(v, name_field(r.kind).c_str()) != r.marker ||
      v.at("deleted_at").is_null() == r.trashed) {
    fail(f.lost, what + ": version " + std::to_string(int_of(v, "version")) + " name " +
                     str_of(v, name_field(r.kind).c_str()) + ", acknowledged version " +
                     std::to_string(r.version) + " name " + r.marker);
    return;
  }
  const std::string shelf = r.trashed ? "&shelf=trash" : "";
  if (!lists(api, base + "?q=" + r.marker + shelf, r.id)) {
    fail(f.half_written, what + ": search does not find " + r.marker);
  }
  if (!lists(api, base + "?filter%5Btags%5D=" + r.marker + shelf, r.id)) {
    fail(f.half_written, what + ": the tag filter does not find " + r.marker);
  }
  if (!r.previous_marker.empty() && lists(api, base + "?q=" + r.previous_marker + shelf, r.id)) {
    fail(f.half_written, what + ": search still finds the replaced name " + r.previous_marker);
  }
}

// Resolves the writer's unanswered write: the data shows it wholly done or not at all.
void resolve(Api& api, WriterModel& m, Figures& f) {
  Uncertain u = std::exchange(m.uncertain, {});
  if (u.op == Uncertain::Op::none) return;
  ++f.unanswered;
  auto applied = [&] { ++f.unanswered_applied; };
  switch (u.op) {
    case Uncertain::Op::none:
      break;
    case Uncertain::Op::create_record: {
      const std::string base = "/api/v1/" + path_of(u.kind);
      std::vector<json::value> found;
      for (const char* shelf : {"", "&shelf=trash"}) {
        auto [status, page] = api.get(base + "?q=" + u.marker + shelf);
        // Only exact names: the trigram search may also answer near ones.
        for (const auto& item : page.at("items").as_array()) {
          if (str_of(item, name_field(u.kind).c_str()) == u.marker) found.push_back(item);
        }
      }
      if (found.size() > 1) {
        fail(f.half_written, "create " + u.marker + " stored " + std::to_string(found.size()) +
                                 " times");
      } else if (found.size() == 1) {
        applied();
        m.records.push_back({u.kind, int_of(found[0], "id"), int_of(found[0], "version"),
                             u.marker, false, {}});
        m.touched_records.push_back(m.records.size() - 1);
      } else if (!listed(api, base + "?filter%5Btags%5D=" + u.marker).empty()) {
        fail(f.half_written, "create " + u.marker + ": its tag without its row");
      }
      // A row the search index missed is found by the full scan as a record the model lacks.
      break;
    }
    case Uncertain::Op::update_record:
    case Uncertain::Op::trash_record: {
      Record& r = m.records[u.index];
      auto [status, v] = api.get("/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id));
      const std::int64_t version = status == 200 ? int_of(v, "version") : -1;
      const bool trashed = status == 200 && !v.at("deleted_at").is_null();
      const std::string name = status == 200 ? str_of(v, name_field(r.kind).c_str()) : "";
      if (version == r.version && name == r.marker && !trashed) break;  // not applied
      const bool update = u.op == Uncertain::Op::update_record;
      if (version == r.version + 1 && name == (update ? u.marker : r.marker) && trashed == !update) {
        applied();
        if (update) {
          if (r.previous_marker.empty()) r.previous_marker = r.marker;
          r.marker = u.marker;
        }
        r.trashed = !update;
        r.version = version;
        m.touched_records.push_back(u.index);
        break;
      }
      fail(f.half_written, path_of(r.kind) + " " + std::to_string(r.id) +
                               ": an unanswered write left version " + std::to_string(version) +
                               " name " + name);
      break;
    }
    case Uncertain::Op::create_note: {
      const Record& r = m.records[u.index];
      auto [status, page] =
          api.get("/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id) + "/notes?limit=500");
      for (const auto& item : page.at("items").as_array()) {
        if (str_of(item, "body") == u.marker) {
          applied();
          m.notes.push_back({int_of(item, "id"), r.kind, r.id, int_of(item, "version"), u.marker, {}});
        }
      }
      m.touched_parents.push_back(u.index);
      break;
    }
    case Uncertain::Op::update_note:
    case Uncertain::Op::delete_note: {
      Note& n = m.notes[u.index];
      auto [status, v] = api.get("/api/v1/notes/" + std::to_string(n.id));
      for (std::size_t i = 0; i < m.records.size(); ++i) {
        if (m.records[i].id == n.parent_id && m.records[i].kind == n.parent_kind) {
          m.touched_parents.push_back(i);
        }
      }
      if (status == 200 && int_of(v, "version") == n.version && str_of(v, "body") == n.body) break;
      if (u.op == Uncertain::Op::delete_note && status == 404) {
        applied();
        n.deleted = true;
      } else if (u.op == Uncertain::Op::update_note && status == 200 &&
                 int_of(v, "version") == n.version + 1 && str_of(v, "body") == u.marker) {
        applied();
        n.body = u.marker;
        n.version = n.version + 1;
      } else {
        fail(f.half_written, "note " + std::to_string(n.id) + ": an unanswered write left " +
                                 std::to_string(status));
      }
      break;
    }
  }
}

// The notes of one record on the server against the model.
void check_notes(Api& api, const WriterModel& m, const Record& r, Figures& f) {
  auto [status, page] =
      api.get("/api/v1/" + path_of(r.kind) + "/" + std::to_string(r.id) + "/notes?limit=500");
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> stored;
  for (const auto& item : page.at("items").as_array()) {
    stored[int_of(item, "id")] = {int_of(item, "version"), str_of(item, "body")};
  }
  for (const auto& n : m.notes) {
    if (n.parent_id != r.id || n.parent_kind != r.kind) continue;
    auto it = stored.find(n.id);
    if (n.deleted) {
      if (it != stored.end()) fail(f.lost, "note " + std::to_string(n.id) + ": deleted, still there");
      continue;
    }
    if (it == stored.end() || it->second != std::make_pair(n.version, n.body)) {
      fail(f.lost, "note " + std::to_string(n.id) + ": acknowledged version " +
                       std::to_string(n.version) + " is not what is stored");
    }
    if (it != stored.end()) stored.erase(it);
  }
  for (const auto& [id, _] : stored) {
    fail(f.half_written, "note " + std::to_string(id) + " on " + path_of(r.kind) + " " +
                             std::to_string(r.id) + ": stored, never written");
  }
}

// The audit log against the data: one create, one entry per later version, notes likewise.
void check_audit(const AuditLedger& audit, const std::vector<WriterModel>& models, Figures& f) {
  std::map<std::pair<Kind, std::int64_t>, std::array<std::int64_t, 3>> note_counts;
  for (const auto& m : models) {
    for (const auto& n : m.notes) {
      auto& c = note_counts[{n.parent_kind, n.parent_id}];
      ++c[0];
      c[1] += n.version - 1;
      c[2] += n.deleted ? 1 : 0;
    }
  }
  for (const auto& m : models) {
    for (const auto& r : m.records) {
      const std::string what = path_of(r.kind) + " " + std::to_string(r.id) + ": audit has ";
      const auto creates = audit.count(r.kind, r.id, "create");
      const auto updates = audit.count(r.kind, r.id, "update");
      const auto deletes = audit.count(r.kind, r.id, "delete");
      if (creates != 1 || deletes != (r.trashed ? 1 : 0) || updates + deletes != r.version - 1) {
        fail(f.half_written, what + std::to_string(creates) + " create, " +
                                 std::to_string(updates) + " update, " + std::to_string(deletes) +
                                 " delete for version " + std::to_string(r.version));
      }
      const auto expected = note_counts[{r.kind, r.id}];
      const std::array<std::int64_t, 3> got{audit.count(r.kind, r.id, "create_note"),
                                            audit.count(r.kind, r.id, "update_note"),
                                            audit.count(r.kind, r.id, "delete_note")};
      if (got != expected) {
        fail(f.half_written, what + "note entries " + std::to_string(got[0]) + "/" +
                                 std::to_string(got[1]) + "/" + std::to_string(got[2]) +
                                 ", the notes show " + std::to_string(expected[0]) + "/" +
                                 std::to_string(expected[1]) + "/" + std::to_string(expected[2]));
      }
    }
  }
}

// Every stored contact and company, live and in the trash, against the model.
void full_scan(Api& api, const std::vector<WriterModel>& models, Figures& f) {
  std::map<std::pair<Kind, std::int64_t>, const Record*> expected;
  for (const auto& m : models) {
    for (const auto& r : m.records) expected[{r.kind, r.id}] = &r;
  }
  for (Kind kind : {Kind::contact, Kind::company}) {
    for (const char* shelf : {"live", "trash"}) {
      std::string after;
      while (true) {
        auto [status, page] = api.get("/api/v1/" + path_of(kind) + "?limit=500&shelf=" + shelf +
                                      (after.empty() ? "" : "&after=" + url_encode(after)));
        for (const auto& item : page.at("items").as_array()) {
          const std::int64_t id = int_of(item, "id");
          auto it = expected.find({kind, id});
          const std::string name = str_of(item, name_field(kind).c_str());
          if (it == expected.end()) {
            fail(f.half_written, path_of(kind) + " " + std::to_string(id) + " (" + name +
                                     "): stored, but no write of it was acknowledged or found");
            continue;
          }
          const Record& r = *it->second;
          if (int_of(item, "version") != r.version || name != r.marker ||
              (std::string(shelf) == "trash") != r.trashed) {
            fail(f.lost, path_of(kind) + " " + std::to_string(id) + ": listed as version " +
                             std::to_string(int_of(item, "version")) + " on the " + shelf +
                             " shelf, acknowledged version " + std::to_string(r.version));
          }
          expected.erase(it);
        }
        if (page.at("next").is_null()) break;
        after = std::string(page.at("next").as_string());
      }
    }
  }
  for (const auto& [key, r] : expected) {
    fail(f.lost, path_of(r->kind) + " " + std::to_string(r->id) + ": acknowledged, not listed");
  }
}

std::string run_command(const std::string& command, const std::string& input = {}) {
  const std::string with_input =
      input.empty() ? command : "printf '%s' '" + input + "' | " + command;
  std::FILE* pipe = ::popen(with_input.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (::pclose(pipe) != 0) throw std::runtime_error(command + " failed");
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string shell_quoted(const std::string& s) { return "'" + s + "'"; }

// PRAGMA integrity_check on the file the killed server left; the first open recovers the WAL.
bool sqlite_intact(const std::string& path, std::string& result) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    result = sqlite3_errmsg(db);
    sqlite3_close(db);
    return false;
  }
  result.clear();
  char* error = nullptr;
  sqlite3_exec(
      db, "PRAGMA integrity_check",
      [](void* out, int, char** values, char**) {
        auto* text = static_cast<std::string*>(out);
        if (!text->empty()) *text += "; ";
        *text += values[0] ? values[0] : "";
        return 0;
      },
      &result, &error);
  if (error) {
    result = error;
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return result == "ok";
}

// A schema of its own in RAPPORT_TEST_POSTGRES_URL's database, dropped at the end.
class PgSchema {
 public:
  explicit PgSchema(std::string base) : base_(std::move(base)) {
    name_ = "rapport_crash_" + std::to_string(::getpid());
    run("SET client_min_messages = warning; DROP SCHEMA IF EXISTS " + name_ + " CASCADE; " +
        "CREATE SCHEMA " + name_);
  }
  ~PgSchema() {
    try {
      run("SET client_min_messages = warning; DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception& e) {
      std::cerr << "crash_durability: " << e.what() << "\n";
    }
  }
  std::string url() const {
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + name_ + "%2Cpublic";
  }

 private:
  void run(const std::string& sql) {
    PGconn* conn = PQconnectdb(base_.c_str());
    PGresult* result = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    const std::string error = PQerrorMessage(conn);
    PQclear(result);
    PQfinish(conn);
    if (!ok) throw std::runtime_error("PostgreSQL: " + error);
  }
  std::string base_;
  std::string name_;
};

// `pg_ctl restart -m immediate` on the cluster scripts/with-postgres started: PostgreSQL's own
// crash (no shutdown checkpoint, recovery from its WAL at start).
void pg_restart_immediately() {
  const char* data = std::getenv("RAPPORT_TEST_POSTGRES_DATA");
  const char* bin = std::getenv("RAPPORT_TEST_POSTGRES_BIN");
  if (!data || !bin) {
    throw std::runtime_error("--pg-immediate needs scripts/with-postgres's RAPPORT_TEST_POSTGRES_DATA");
  }
  const std::string as_owner = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
  run_command(as_owner + std::string(bin) + "/pg_ctl -D " + shell_quoted(data) +
              " restart -m immediate -w -t 120 >/dev/null 2>&1");
}

int run(const Options& o) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_crash_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::unique_ptr<PgSchema> schema;
  std::string database = (dir / "crash.db").string();
  if (o.engine == "postgres") {
    const char* base = std::getenv("RAPPORT_TEST_POSTGRES_URL");
    schema = std::make_unique<PgSchema>(base);
    database = schema->url();
  }
  const std::string cli = shell_quoted(o.binary);
  run_command(cli + " migrate --database " + shell_quoted(database) + " >/dev/null");
  run_command(cli + " user add crash@rapport.example --role admin --database " + shell_quoted(database) +
                  " >/dev/null",
              "crash harness password 1");
  const std::string token = run_command(cli + " token create --user crash@rapport.example " +
                                        "--scope read-write --database " + shell_quoted(database) +
                                        " 2>/dev/null");

  std::mt19937_64 supervisor(o.seed);
  std::vector<WriterModel> models(static_cast<std::size_t>(o.writers));
  std::vector<std::uint64_t> counters(models.size(), 0);
  AuditLedger audit;
  Figures f;
  std::unique_ptr<ServerProcess> server;
  int port = 0;
  auto start = [&] {
    server = std::make_unique<ServerProcess>(
        o.binary, std::vector<std::string>{"--database", database, "--rate-limit", "0"},
        dir / "serve.log");
    port = server->wait_for_port();
    if (port == 0) {
      std::ostringstream log;
      log << std::ifstream(server->log()).rdbuf();
      throw std::runtime_error("the server did not start: " + log.str());
    }
  };
  const auto began = Clock::now();
  for (int cycle = 1; cycle <= o.cycles; ++cycle) {
    if (!server) start();
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> ready{0};
    std::vector<std::thread> threads;
    std::vector<std::string> thread_errors(models.size());
    for (std::size_t w = 0; w < models.size(); ++w) {
      models[w].touched_records.clear();
      models[w].touched_parents.clear();
      for (auto& r : models[w].records) r.previous_marker.clear();
      threads.emplace_back([&, w, seed = supervisor()] {
        bool counted = false;
        try {
          std::mt19937_64 rng(seed);
          Api api(port, token);
          // A read first, so that the kill lands among writes rather than the server's first
          // database connections (PostgreSQL's pool opens them on demand).
          api.get("/api/v1/contacts?limit=1");
          ready.fetch_add(1);
          counted = true;
          std::ostringstream prefix;
          prefix << "zq" << o.seed % 100000 << "w" << w << "n";
          write_until_crash(api, models[w], rng, prefix.str(), counters[w], stop);
        } catch (const std::exception& e) {
          thread_errors[w] = e.what();
        }
        if (!counted) ready.fetch_add(1);
      });
    }
    while (ready.load() < models.size()) std::this_thread::sleep_for(1ms);
    const auto wait = std::chrono::milliseconds(10 + supervisor() % 200);
    const bool pg_immediate =
        o.engine == "postgres" && o.pg_immediate_every > 0 && cycle % o.pg_immediate_every == 0;
    std::this_thread::sleep_for(wait);
    if (pg_immediate) {
      pg_restart_immediately();
      ++f.pg_immediate;
    } else {
      server->stop(SIGKILL);
      server.reset();
      ++f.sigkills;
    }
    stop = true;
    for (auto& t : threads) t.join();
    for (const auto& e : thread_errors) {
      if (!e.empty()) throw std::runtime_error("writer: " + e);
    }
    if (o.engine == "sqlite" && !pg_immediate) {
      std::string result;
      ++f.integrity_checks;
      if (!sqlite_intact(database, result)) {
        fail(f.half_written, "cycle " + std::to_string(cycle) + ": integrity_check: " + result);
      }
    }
    if (!server) start();
    Api api(port, token);
    for (auto& m : models) {
      resolve(api, m, f);
      for (std::size_t i : m.touched_records) check_record(api, m.records[i], f);
      for (std::size_t i : m.touched_parents) check_notes(api, m, m.records[i], f);
    }
    audit.catch_up(api);
    check_audit(audit, models, f);
    if (cycle % o.full_scan_every == 0 || cycle == o.cycles) full_scan(api, models, f);
    if (cycle % 50 == 0) {
      std::cout << "crash durability: cycle " << cycle << ", "
                << std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - began).count()
                << " s" << std::endl;
    }
  }
  server.reset();
  for (const auto& m : models) f.acknowledged += m.acknowledged;
  std::filesystem::remove_all(dir);

  for (const auto& what : failures) std::cout << "FAIL  " << what << "\n";
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - began).count();
  std::cout << "crash durability (" << o.engine << ", seed " << o.seed << "): " << o.cycles
            << " cycles (" << f.sigkills << " SIGKILL of the server, " << f.pg_immediate
            << " pg_ctl -m immediate), " << f.acknowledged << " acknowledged writes, "
            << f.unanswered << " unanswered (" << f.unanswered_applied << " found applied), "
            << f.lost << " lost, "  << f.half_written << " half-written (a failed integrity check counts here), "
            << f.integrity_checks << " SQLite integrity checks, " << seconds << " s\n";
  return f.lost == 0 && f.half_written == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2 || (args[1] != "sqlite" && args[1] != "postgres")) {
    std::cerr << "usage: crash_durability PATH-TO-RAPPORT sqlite|postgres [--cycles N] [--seed N]"
                 " [--pg-immediate-every N] [--full-scan-every N]\n";
    return 2;
  }
  o.binary = args[0];
  o.engine = args[1];
  o.seed = std::random_device{}();
  for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
    const std::uint64_t value = std::stoull(args[i + 1]);
    if (args[i] == "--cycles") o.cycles = static_cast<int>(value);
    else if (args[i] == "--seed") o.seed = value;
    else if (args[i] == "--pg-immediate-every") o.pg_immediate_every = static_cast<int>(value);
    else if (args[i] == "--full-scan-every") o.full_scan_every = static_cast<int>(value);
    else {
      std::cerr << "crash_durability: unknown option " << args[i] << "\n";
      return 2;
    }
  }
  std::cout << "crash durability: seed " << o.seed << " (rerun with --seed " << o.seed << ")"
            << std::endl;
  if (o.engine == "postgres") {
    const char* url = std::getenv("RAPPORT_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') {
      // Skipped is not passed: under CI the missing cluster is a failure.
      const char* ci = std::getenv("CI");
      std::cerr << "crash_durability: RAPPORT_TEST_POSTGRES_URL is unset (run under "
                   "scripts/with-postgres)\n";
      return ci != nullptr && std::string(ci) == "true" ? 1 : 77;
    }
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    for (const auto& what : failures) std::cout << "FAIL  " << what << "\n";
    std::cerr << "crash_durability: " << e.what() << "\n";
    return 1;
  }
}
