// Authorization matrix harness (issue 14, harness 3), on SQLite and PostgreSQL, in process. The
// routes come from the router itself: every registered route must have an expectation below, or
// the harness fails naming it, so a new route is covered or noticed. Each route is sent by every
// role (core/role.hpp), signed in by session cookie, at a record of their own, of their team and
// of another team where the route takes one; the expected answer is derived from the permission
// table (core::allowed, core::within_scope). Every route is also sent without credentials and,
// for writes, with a read-scope token. After every refusal the whole database (every row of every
// table, sessions aside) must be as before. Then mass assignment on every write route, and the
// session and token cases. Prints the figures: cases, unauthorized 2xx, rows changed by refusals.
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "core/timestamp.hpp"
#include "db_snapshot.hpp"
#include "in_process.hpp"
#include "services/note_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"
#include "services/view_service.hpp"

namespace rapport::reliability {
namespace {

using namespace std::chrono_literals;
using core::Action;
using core::ObjectType;
using core::Role;
using core::Scope;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kOtherPassword = "another horse battery";

struct Person {
  std::int64_t id = 0;
  std::optional<std::int64_t> team;
  Role role = Role::kReadOnly;
  std::string email;
};

enum class Relation { kNone, kOwn, kTeam, kOther };
const char* name_of(Relation r) {
  switch (r) {
    case Relation::kNone:
      return "-";
    case Relation::kOwn:
      return "own";
    case Relation::kTeam:
      return "team";
    case Relation::kOther:
      return "other-team";
  }
  return "?";
}

// What a route acts on; the harness makes a fresh one for every case.
enum class Target {
  kNone,
  kContact,
  kTrashedContact,
  kCompany,
  kTrashedCompany,
  kActivity,
  kTrashedActivity,
  kNote,         // on a contact
  kCompanyNote,  // the same routes, on a company
  kCustomField,
  kUser,
  kTeam,
  kToken,
  kView  // a saved view of the owner's, shared with their team when they are in one
};

bool relational(Target t) {
  return t != Target::kNone && t != Target::kCustomField && t != Target::kTeam;
}

// The answer the permission table asks for: allowed (any 2xx) or refused with `status`.
struct Outcome {
  bool allowed = true;
  unsigned status = 200;
};
constexpr Outcome kOk{true, 200};
Outcome refused(unsigned status) { return {false, status}; }

// One case as the expectation and the body see it.
struct Case {
  Person caller;
  Person owner;  // the target's owner (own: the caller, team: a team-mate, other: another team)
  Relation relation = Relation::kNone;
  std::int64_t target = 0;
  int serial = 0;
  std::int64_t west_team = 0;
  std::int64_t east_team = 0;
  ObjectType parent = ObjectType::kContacts;  // of a note
  bool in(Scope scope) const {
    return core::within_scope(scope, caller.id, caller.team, owner.id, owner.team);
  }
  std::optional<Scope> may(ObjectType o, Action a) const { return core::allowed(caller.role, o, a); }
  Outcome flat(ObjectType o, Action a) const { return may(o, a) ? kOk : refused(403); }
  // services::authorize_record: unreadable → 404 (no grant at all → 403), else the action's grant.
  Outcome record(ObjectType o, Action a) const {
    const auto read = may(o, Action::kRead);
    if (!read) return refused(403);
    if (!in(*read)) return refused(404);
    if (a == Action::kRead) return kOk;
    const auto scope = may(o, a);
    return scope && in(*scope) ? kOk : refused(403);
  }
  // A new record naming the owner and team of `relation` (none for own): services::check_assignment.
  Outcome create(ObjectType o) const {
    if (!may(o, Action::kCreate)) return refused(403);
    if (relation == Relation::kOwn) return kOk;
    const auto assign = may(o, Action::kAssign);
    if (!assign) return refused(403);
    if (relation == Relation::kOther && *assign != Scope::kAll) return refused(403);
    if (*assign != Scope::kAll && caller.team != owner.team) return refused(403);
    return kOk;
  }
  // services::NoteService: the parent readable, then the note's author or a moderator.
  Outcome note(ObjectType parent, Action a) const {
    if (!may(ObjectType::kNotes, Action::kRead)) return refused(403);
    const Outcome p = record(parent, Action::kRead);
    if (!p.allowed) return p;
    const auto scope = may(ObjectType::kNotes, a);
    if (!scope) return refused(403);
    if (a == Action::kRead || a == Action::kCreate) return kOk;
    const bool author = relation == Relation::kOwn;
    const bool moderator = *scope != Scope::kOwn && in(*scope);
    return author || moderator ? kOk : refused(403);
  }
  // services::ViewService: another person's view is seen when shared with the caller's team, and
  // changed by its owner or an admin who sees it.
  Outcome view(Action a) const {
    const bool own = owner.id == caller.id;
    if (!own && !(owner.team && owner.team == caller.team)) return refused(404);
    if (a == Action::kRead || own || caller.role == Role::kAdmin) return kOk;
    return refused(403);
  }
  std::string ownership_body(const std::string& first) const {
    json::object body = json::parse(first).as_object();
    if (relation != Relation::kOwn) {
      body["owner_id"] = owner.id;
      body["team_id"] = *owner.team;
    }
    return json::serialize(body);
  }
};

struct Spec {
  Target target;
  std::function<Outcome(const Case&)> expect;
  std::function<std::string(const Case&)> body = nullptr;
  std::function<std::string(const Case&)> query = nullptr;
  bool public_route = false;  // served without credentials (sign-in, health, metrics, OpenAPI)
  bool owned_create = false;  // creates a record whose owner and team the body may name
  Outcome anonymous = refused(401);  // the answer without credentials
};

std::string serial_text(const Case& c) { return std::to_string(c.serial); }

// Every route's expectation, keyed "METHOD pattern".
std::map<std::string, Spec> expectations() {
  using O = ObjectType;
  using A = Action;
  std::map<std::string, Spec> m;
  const Spec pub{Target::kNone, nullptr, nullptr, nullptr, true};
  m["POST /api/v1/session"] = pub;
  m["GET /healthz"] = pub;
  m["GET /readyz"] = pub;
  // From an address outside loopback and --metrics-allow, the figures are an admin's alone.
  m["GET /metrics"] = {Target::kNone,
                       [](const Case& c) {
                         return c.caller.role == Role::kAdmin ? kOk : refused(403);
                       },
                       nullptr, nullptr, false, false, refused(403)};
  m["GET /api/v1/openapi.yaml"] = pub;
  m["GET /api/v1/session"] = {Target::kNone, [](const Case&) { return kOk; }};
  // Signing out needs no live session: it clears whatever cookie there is.
  m["DELETE /api/v1/session"] = {
      Target::kNone, [](const Case&) { return kOk; }, nullptr, nullptr, false, false, kOk};

  struct Kind {
    std::string base;
    O object;
    Target live, trashed;
    std::string first, change;
    bool timeline;  // notes and a timeline hang off its records
  };
  for (const Kind& k :
       {Kind{"/api/v1/contacts", O::kContacts, Target::kContact, Target::kTrashedContact,
             R"({"given_name":"Ann","family_name":"Case"})", R"({"given_name":"Changed"})", true},
        Kind{"/api/v1/companies", O::kCompanies, Target::kCompany, Target::kTrashedCompany,
             R"({"name":"Acme"})", R"({"name":"Changed"})", true},
        Kind{"/api/v1/activities", O::kActivities, Target::kActivity, Target::kTrashedActivity,
             R"({"type":"call","subject":"Intro"})", R"({"subject":"Changed"})", false}}) {
    const O o = k.object;
    m["GET " + k.base] = {Target::kNone, [o](const Case& c) { return c.flat(o, A::kRead); }};
    m["POST " + k.base] = {Target::kNone, [o](const Case& c) { return c.create(o); },
                           [first = k.first](const Case& c) { return c.ownership_body(first); },
                           nullptr, false, true};
    m["GET " + k.base + "/{id}"] = {k.live, [o](const Case& c) { return c.record(o, A::kRead); }};
    m["PATCH " + k.base + "/{id}"] = {k.live,
                                      [o](const Case& c) { return c.record(o, A::kUpdate); },
                                      [change = k.change](const Case&) { return change; }};
    m["DELETE " + k.base + "/{id}"] = {k.live,
                                       [o](const Case& c) { return c.record(o, A::kDelete); }};
    m["POST " + k.base + "/{id}/restore"] = {
        k.trashed, [o](const Case& c) { return c.record(o, A::kDelete); }};
    m["POST " + k.base + "/{id}/erase"] = {k.live, [](const Case& c) {
                                             return c.caller.role == Role::kAdmin ? kOk
                                                                                  : refused(403);
                                           }};
    if (!k.timeline) continue;
    m["GET " + k.base + "/{id}/notes"] = {k.live,
                                          [o](const Case& c) { return c.note(o, A::kRead); }};
    // A record's history goes with the record: whoever may read it reads its timeline.
    m["GET " + k.base + "/{id}/timeline"] = {k.live,
                                             [o](const Case& c) { return c.record(o, A::kRead); }};
    m["POST " + k.base + "/{id}/notes"] = {k.live,
                                           [o](const Case& c) { return c.note(o, A::kCreate); },
                                           [](const Case&) { return R"({"body":"a note"})"; }};
  }
  // Each run on a contact's note and on a company's (the harness sends both).
  m["GET /api/v1/notes/{id}"] = {Target::kNote,
                                 [](const Case& c) { return c.note(c.parent, A::kRead); }};
  m["PATCH /api/v1/notes/{id}"] = {Target::kNote,
                                   [](const Case& c) { return c.note(c.parent, A::kUpdate); },
                                   [](const Case&) { return R"({"body":"changed"})"; }};
  m["DELETE /api/v1/notes/{id}"] = {Target::kNote,
                                    [](const Case& c) { return c.note(c.parent, A::kDelete); }};
  const auto flat = [](O o, A a) { return [o, a](const Case& c) { return c.flat(o, a); }; };
  m["GET /api/v1/custom-fields"] = {Target::kNone, flat(O::kCustomFields, A::kRead)};
  m["POST /api/v1/custom-fields"] = {Target::kNone, flat(O::kCustomFields, A::kCreate),
                                     [](const Case& c) {
                                       return R"({"entity":"contact","key":"k)" + serial_text(c) +
                                              R"(","label":"K","type":"text"})";
                                     }};
  m["GET /api/v1/custom-fields/{id}"] = {Target::kCustomField, flat(O::kCustomFields, A::kRead)};
  m["PATCH /api/v1/custom-fields/{id}"] = {Target::kCustomField,
                                           flat(O::kCustomFields, A::kUpdate),
                                           [](const Case&) { return R"({"label":"L2"})"; }};
  m["DELETE /api/v1/custom-fields/{id}"] = {Target::kCustomField,
                                            flat(O::kCustomFields, A::kDelete)};
  m["GET /api/v1/users"] = {Target::kNone, flat(O::kUsers, A::kRead)};
  m["GET /api/v1/me"] = {Target::kNone, flat(O::kUsers, A::kRead)};
  m["POST /api/v1/users"] = {Target::kNone, flat(O::kUsers, A::kCreate), [](const Case& c) {
                               return R"({"email":"new)" + serial_text(c) +
                                      R"(@example.org","display_name":"New","role":"sales","password":")" +
                                      kPassword + "\"}";
                             }};
  m["GET /api/v1/users/{id}"] = {Target::kUser, flat(O::kUsers, A::kRead)};
  m["PATCH /api/v1/users/{id}"] = {Target::kUser, flat(O::kUsers, A::kUpdate),
                                   [](const Case&) { return R"({"display_name":"Renamed"})"; }};
  m["POST /api/v1/users/{id}/unlock"] = {Target::kUser, flat(O::kUsers, A::kUpdate)};
  // One's own password with the current one; anyone else's is an admin's reset.
  m["POST /api/v1/users/{id}/password"] = {
      Target::kUser,
      [](const Case& c) {
        return c.relation == Relation::kOwn ? kOk : c.flat(O::kUsers, A::kUpdate);
      },
      [](const Case& c) {
        return c.relation == Relation::kOwn
                   ? std::string(R"({"password":")") + kPassword + R"(","current_password":")" +
                         kPassword + "\"}"
                   : std::string(R"({"password":")") + kOtherPassword + "\"}";
      }};
  m["GET /api/v1/teams"] = {Target::kNone, flat(O::kTeams, A::kRead)};
  m["POST /api/v1/teams"] = {Target::kNone, flat(O::kTeams, A::kCreate), [](const Case& c) {
                               return R"({"name":"Team )" + serial_text(c) + "\"}";
                             }};
  m["GET /api/v1/teams/{id}"] = {Target::kTeam, flat(O::kTeams, A::kRead)};
  m["PATCH /api/v1/teams/{id}"] = {Target::kTeam, flat(O::kTeams, A::kUpdate), [](const Case& c) {
                                     return R"({"name":"Renamed )" + serial_text(c) + "\"}";
                                   }};
  m["DELETE /api/v1/teams/{id}"] = {Target::kTeam, flat(O::kTeams, A::kDelete)};
  // Tokens are personal: one's own, or anyone's for an admin (another's reads as missing).
  const auto personal = [](unsigned status) {
    return [status](const Case& c) {
      return c.relation == Relation::kOwn || c.caller.role == Role::kAdmin ? kOk
                                                                            : refused(status);
    };
  };
  m["GET /api/v1/tokens"] = {Target::kUser, personal(403), nullptr,
                             [](const Case& c) { return "user_id=" + std::to_string(c.target); }};
  m["POST /api/v1/tokens"] = {Target::kNone, [](const Case&) { return kOk; }, [](const Case&) {
                                return std::string(R"({"name":"t","scope":"read","password":")") +
                                       kPassword + "\"}";
                              }};
  m["DELETE /api/v1/tokens/{id}"] = {Target::kToken, personal(404)};
  // Everyone sets their own preferences and keeps their own views.
  const auto anyone = [](const Case&) { return kOk; };
  m["PATCH /api/v1/me"] = {Target::kNone, anyone,
                           [](const Case&) { return R"({"language":"th"})"; }};
  m["GET /api/v1/views"] = {Target::kNone, anyone, nullptr,
                            [](const Case&) { return std::string("kind=contact"); }};
  m["POST /api/v1/views"] = {Target::kNone, anyone, [](const Case& c) {
                               return R"({"kind":"contact","name":"View )" + serial_text(c) +
                                      R"(","query":"q=x"})";
                             }};
  m["GET /api/v1/views/{id}"] = {Target::kView, [](const Case& c) { return c.view(A::kRead); }};
  m["PATCH /api/v1/views/{id}"] = {Target::kView, [](const Case& c) { return c.view(A::kUpdate); },
                                   [](const Case&) { return R"({"query":"q=y"})"; }};
  m["DELETE /api/v1/views/{id}"] = {Target::kView,
                                    [](const Case& c) { return c.view(A::kDelete); }};
  m["GET /api/v1/audit"] = {Target::kNone, flat(O::kAudit, A::kRead)};
  m["GET /api/v1/settings"] = {Target::kNone, flat(O::kSettings, A::kRead)};
  // Every signed-in user reads the kinds they may see; which ones is MetaApi's to check.
  m["GET /api/v1/meta"] = {Target::kNone, [](const Case&) { return kOk; }};
  m["PATCH /api/v1/settings"] = {Target::kNone, flat(O::kSettings, A::kUpdate),
                                 [](const Case&) { return R"({"default_region":"DE"})"; }};
  return m;
}

bool unsafe(Method m) { return m != Method::get && m != Method::head; }

struct Figures {
  int cases = 0;
  int unauthorized_2xx = 0;
  int refusals = 0;
  int refused_writes = 0;  // refusals of unsafe methods, each with the database compared
  int changed_rows = 0;    // rows changed by refused writes
  int wrong_status = 0;  // answered otherwise than the table asks (refusals with another 4xx, …)
  int mass_assignment_cases = 0;
  int mass_assignment_refused = 0;
  int applied_fields = 0;  // injected fields shown back by a 2xx
  int list_items = 0;      // items of list and search answers checked against the caller's scope
  int leaked_items = 0;    // of them outside it
  int session_cases = 0;
};

class AuthzMatrix : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    app::ApiOptions options;
    options.limits.enabled = false;
    RAPPORT_OPEN_HARNESS(h_, GetParam(), "authz_matrix", std::move(options));
    if (GetParam() == "postgresql") {
      auto conn = store::postgres::PgConnection::connect(h_.schema()->url());
      ASSERT_TRUE(conn.ok()) << conn.error().message;
      pg_ = std::move(*conn);
    }
    root_ = add_person("root@example.org", Role::kAdmin, std::nullopt);
    root_token_ = token_for(root_, store::TokenScope::kReadWrite);
    east_ = team("East");
    west_ = team("West");
    callers_.push_back(add_person("admin@example.org", Role::kAdmin, std::nullopt));
    for (Role role : {Role::kManager, Role::kSales, Role::kSupport, Role::kMarketing,
                      Role::kReadOnly}) {
      callers_.push_back(
          add_person(std::string(core::to_string(role)) + "@example.org", role, east_));
    }
    mate_ = add_person("mate@example.org", Role::kSales, east_);
    west_person_ = add_person("west@example.org", Role::kSales, west_);
    // An admin whose read-scope tokens try every write.
    reader_ = add_person("reader@example.org", Role::kAdmin, std::nullopt);
  }

  void TearDown() override { pg_.reset(); }

  std::int64_t team(const std::string& name) {
    const Reply r = as_root(Method::post, "/api/v1/teams", R"({"name":")" + name + "\"}");
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.json().at("id").as_int64();
  }

  Person add_person(const std::string& email, Role role, std::optional<std::int64_t> team) {
    services::PasswordHasher hasher(kTestPasswordCost);
    services::UserService users(h_.db().identity(), hasher, h_.clock.function());
    auto user = users.create(services::console_caller(), {email, email, role, team, kPassword});
    EXPECT_TRUE(user.ok()) << user.error().message;
    return {user.ok() ? user->id : 0, team, role, email};
  }

  std::string token_for(const Person& p, store::TokenScope scope) {
    services::Caller caller{p.id, p.role, p.team, false, "test"};
    services::TokenService tokens(h_.db().identity(), h_.clock.function());
    auto token = tokens.create(caller, "matrix", scope, std::nullopt);
    EXPECT_TRUE(token.ok()) << token.error().message;
    return token.ok() ? token->secret : std::string();
  }

  std::int64_t token_id_for(const Person& p) {
    services::Caller caller{p.id, p.role, p.team, false, "test"};
    services::TokenService tokens(h_.db().identity(), h_.clock.function());
    auto token = tokens.create(caller, "target", store::TokenScope::kRead, std::nullopt);
    EXPECT_TRUE(token.ok());
    return token.ok() ? token->record.id : 0;
  }

  Reply as_root(Method method, const std::string& target, const std::string& body = {},
                Headers headers = {}) {
    headers.emplace_back("Authorization", "Bearer " + root_token_);
    return h_.send(method, target, body, headers);
  }

  // A browser session: the cookie and CSRF headers every request of it sends.
  struct Session {
    std::string cookie;
    std::string csrf;
    Headers headers(bool unsafe) const {
      Headers out{{"Cookie", cookie}};
      if (unsafe) out.emplace_back("X-CSRF-Token", csrf);
      return out;
    }
  };

  Session sign_in(const std::string& email, const std::string& password = kPassword) {
    json::object body{{"email", email}, {"password", password}};
    const Reply r = h_.send(Method::post, "/api/v1/session", json::serialize(body));
    EXPECT_EQ(r.status, 201u) << email << ": " << r.body;
    if (r.status != 201) return {};
    const std::string set_cookie = r.header("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')),
            std::string(r.json().at("csrf_token").as_string())};
  }

  Snapshot snapshot() {
    auto snap = pg_ ? postgres_snapshot(*pg_) : sqlite_snapshot(h_.location());
    EXPECT_TRUE(snap.ok()) << snap.error().message;
    return snap.ok() ? std::move(*snap) : Snapshot{};
  }

  // A record of `kind` ("contacts", "companies", "activities") owned as `owner` says, made by
  // root.
  std::int64_t record(const std::string& kind, const Person& owner, bool trashed) {
    json::object body =
        kind == "contacts"    ? json::object{{"given_name", "Target"}, {"family_name", "Record"}}
        : kind == "companies" ? json::object{{"name", "Target Ltd"}}
                              : json::object{{"type", "task"}, {"subject", "Target"}};
    body["owner_id"] = owner.id;
    body["team_id"] = owner.team ? json::value(*owner.team) : json::value(nullptr);
    const Reply r = as_root(Method::post, "/api/v1/" + kind, json::serialize(body));
    EXPECT_EQ(r.status, 201u) << r.body;
    const std::int64_t id = r.json().at("id").as_int64();
    if (trashed) {
      EXPECT_EQ(as_root(Method::delete_, "/api/v1/" + kind + "/" + std::to_string(id), {},
                        {{"If-Match", "*"}})
                    .status,
                204u);
    }
    return id;
  }

  // A note by `owner` on a contact or company of theirs: the author is the owner.
  std::int64_t note(const Person& owner, bool on_company) {
    services::NoteService notes(h_.db().records(), h_.clock.function());
    core::Note draft;
    draft.body = "the owner's note";
    if (on_company) {
      draft.parent = {core::RecordKind::kCompany, record("companies", owner, false)};
    } else {
      draft.parent = {core::RecordKind::kContact, record("contacts", owner, false)};
    }
    // The author as an admin: the fixture needs notes by roles that may not write them today.
    services::Caller author{owner.id, Role::kAdmin, owner.team, false, "test"};
    auto created = notes.create(author, draft);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }

  std::int64_t make_target(Target t, const Person& owner, int serial) {
    switch (t) {
      case Target::kNone:
        return 0;
      case Target::kContact:
        return record("contacts", owner, false);
      case Target::kTrashedContact:
        return record("contacts", owner, true);
      case Target::kCompany:
        return record("companies", owner, false);
      case Target::kTrashedCompany:
        return record("companies", owner, true);
      case Target::kActivity:
        return record("activities", owner, false);
      case Target::kTrashedActivity:
        return record("activities", owner, true);
      case Target::kNote:
        return note(owner, false);
      case Target::kCompanyNote:
        return note(owner, true);
      case Target::kCustomField: {
        const Reply r = as_root(Method::post, "/api/v1/custom-fields",
                                R"({"entity":"company","key":"f)" + std::to_string(serial) +
                                    R"(","label":"F","type":"text"})");
        EXPECT_EQ(r.status, 201u) << r.body;
        return r.json().at("id").as_int64();
      }
      case Target::kUser:
        return owner.id;
      case Target::kTeam:
        return team("Spare " + std::to_string(serial));
      case Target::kToken:
        return token_id_for(owner);
      case Target::kView: {
        services::ViewService views(h_.db().identity(), h_.clock.function());
        services::ViewDraft draft;
        draft.kind = core::RecordKind::kContact;
        draft.name = "View " + std::to_string(serial);
        draft.query = "sort=-updated_at";
        draft.shared = owner.team.has_value();
        auto created = views.create({owner.id, owner.role, owner.team, false, "test"}, draft);
        EXPECT_TRUE(created.ok()) << created.error().message;
        return created.ok() ? created->id : 0;
      }
    }
    return 0;
  }

  static std::string path_for(const std::string& pattern, std::int64_t id) {
    std::string out = pattern;
    const auto at = out.find("{id}");
    if (at != std::string::npos) out.replace(at, 4, std::to_string(id));
    return out;
  }

  Person owner_for(Relation r, const Person& caller) const {
    switch (r) {
      case Relation::kNone:
      case Relation::kOwn:
        return caller;
      case Relation::kTeam:
        return mate_;
      case Relation::kOther:
        return west_person_;
    }
    return caller;
  }

  // Sends one request; checks the answer and, after a refusal, that nothing changed.
  void check(const std::string& label, Method method, const std::string& target,
             const std::string& body, const Headers& headers, const Outcome& expected) {
    // Reads are not snapshotted: nothing in a GET handler writes, and the dumps are most of the
    // harness's time.
    const bool write = unsafe(method);
    const Snapshot before = write ? snapshot() : Snapshot{};
    const Reply r = h_.send(method, target, body, headers);
    ++f_.cases;
    const bool ok = r.status >= 200 && r.status < 300;
    if (ok && !expected.allowed) {
      ++f_.unauthorized_2xx;
      ADD_FAILURE() << label << ": unauthorized " << r.status << " " << r.body;
    }
    if (!ok) ++f_.refusals;
    if (!ok && write) {
      ++f_.refused_writes;
      const int changed = changed_rows(before, snapshot());
      f_.changed_rows += changed;
      EXPECT_EQ(changed, 0) << label << ": " << r.status << " changed " << changed << " rows";
    }
    if (ok != expected.allowed || (!ok && r.status != expected.status)) {
      ++f_.wrong_status;
      ADD_FAILURE() << label << ": expected " << (expected.allowed ? "2xx" : "")
                    << (expected.allowed ? 0 : expected.status) << ", got " << r.status << " "
                    << r.body;
    }
  }

  // One line per test and engine; only the figures the test produced.
  void print() {
    std::printf("authz_matrix %s %s:", GetParam().c_str(),
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (f_.cases > 0) {
      std::printf(" %d cases (%d refused, %d of them writes), %d unauthorized 2xx, %d rows changed "
                  "after a refusal, %d answers off the table;",
                  f_.cases, f_.refusals, f_.refused_writes, f_.unauthorized_2xx, f_.changed_rows,
                  f_.wrong_status);
    }
    if (f_.session_cases > 0) std::printf(" %d session and token cases;", f_.session_cases);
    if (f_.mass_assignment_cases > 0) {
      std::printf(" %d mass assignment cases (%d refused), %d fields applied, %d rows changed;",
                  f_.mass_assignment_cases, f_.mass_assignment_refused, f_.applied_fields,
                  f_.changed_rows);
    }
    if (f_.list_items > 0) {
      std::printf(" %d list items, %d outside the caller's scope;", f_.list_items,
                  f_.leaked_items);
    }
    std::printf("\n");
  }

  Harness h_;
  std::unique_ptr<store::postgres::PgConnection> pg_;
  Person root_, reader_, mate_, west_person_;
  std::int64_t east_ = 0, west_ = 0;
  std::string root_token_;
  std::vector<Person> callers_;
  Figures f_;
  int serial_ = 0;
};

std::string key_of(const http::Route& route) {
  return std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
}

Headers with_if_match(Headers h, const http::Route& route) {
  if (route.options.requires_if_match) h.emplace_back("If-Match", "*");
  return h;
}

// Every route × every role × own/team/other record, by session cookie; then every route without
// credentials and every write with a read-scope token.
TEST_P(AuthzMatrix, EveryRouteEveryRoleEveryRecord) {
  const auto specs = expectations();
  std::set<std::string> seen;
  for (const http::Route& route : h_.api().router().routes()) {
    const std::string key = key_of(route);
    seen.insert(key);
    const auto found = specs.find(key);
    if (found == specs.end()) {
      ADD_FAILURE() << key << " has no expectation in the authorization matrix";
      continue;
    }
    const Spec& spec = found->second;
    if (spec.public_route) continue;
    const std::vector<Relation> relations =
        relational(spec.target) || spec.owned_create
            ? std::vector<Relation>{Relation::kOwn, Relation::kTeam, Relation::kOther}
            : std::vector<Relation>{Relation::kNone};
    const std::vector<Target> targets = spec.target == Target::kNote
                                            ? std::vector{Target::kNote, Target::kCompanyNote}
                                            : std::vector{spec.target};
    for (const Person& caller : callers_) {
      for (Relation relation : relations) {
        for (Target kind : targets) {
          Case c{caller, owner_for(relation, caller), relation, 0, ++serial_, west_, east_};
          if (kind == Target::kCompanyNote) c.parent = ObjectType::kCompanies;
          c.target = make_target(kind, c.owner, c.serial);
          const Session session = sign_in(caller.email);
          std::string target = path_for(route.pattern, c.target);
          if (spec.query) target += "?" + spec.query(c);
          const std::string label = key + " as " + std::string(core::to_string(caller.role)) +
                                    " on " + name_of(relation) +
                                    (kind == Target::kCompanyNote ? " (company's note)" : "");
          check(label, route.method, target, spec.body ? spec.body(c) : std::string(),
                with_if_match(session.headers(unsafe(route.method)), route), spec.expect(c));
        }
      }
    }
    // No credentials at all: 401 everywhere but the public routes.
    Case anyone{reader_, reader_, Relation::kOwn, 0, ++serial_, west_, east_};
    anyone.target = make_target(spec.target, reader_, anyone.serial);
    std::string target = path_for(route.pattern, anyone.target);
    if (spec.query) target += "?" + spec.query(anyone);
    const std::string payload = spec.body ? spec.body(anyone) : std::string();
    check(key + " without credentials", route.method, target, payload,
          with_if_match({}, route), spec.anonymous);
    // A read-scope token of an admin writes nothing. Logging out is no write of the token's.
    if (unsafe(route.method) && key != "DELETE /api/v1/session") {
      anyone.serial = ++serial_;
      anyone.target = make_target(spec.target, reader_, anyone.serial);
      target = path_for(route.pattern, anyone.target);
      if (spec.query) target += "?" + spec.query(anyone);
      const std::string read_token = token_for(reader_, store::TokenScope::kRead);
      check(key + " with a read-scope token", route.method, target,
            spec.body ? spec.body(anyone) : std::string(),
            with_if_match({{"Authorization", "Bearer " + read_token}}, route), refused(403));
    }
  }
  for (const auto& [key, spec] : specs) {
    EXPECT_TRUE(seen.contains(key)) << key << " is expected but no longer registered";
  }
  print();
  EXPECT_EQ(f_.unauthorized_2xx, 0);
  EXPECT_EQ(f_.changed_rows, 0);
}

// A field a client must not set, with the value an attacker would put there.
struct Injection {
  std::string field;
  json::value value;
};

// Every write route that takes a body, with fields it must refuse or ignore: the record's
// bookkeeping (as an admin, who may set everything else) and ownership, role and status (as a
// sales person, who may not). A 2xx must not show the injected value; a refusal changes nothing.
TEST_P(AuthzMatrix, MassAssignmentOnEveryWriteRoute) {
  const auto specs = expectations();
  const std::string then = "2001-02-03T04:05:06Z";
  const std::vector<Injection> bookkeeping{
      {"id", 987654},          {"version", 4242},         {"created_at", then.c_str()},
      {"created_by", 0},       {"updated_at", then.c_str()}, {"updated_by", 0},
      {"deleted_at", then.c_str()}, {"deleted_by", 0},    {"erased_at", then.c_str()},
      {"locked", true},        {"password_hash", "x"},    {"secret", "rpt_x"},
      {"token_hash", "x"},     {"last_used_at", then.c_str()}, {"revoked_at", then.c_str()},
      {"user_id", 0}};
  const std::vector<Injection> privileges{
      {"owner_id", 0}, {"team_id", 0}, {"role", "admin"}, {"active", false}, {"created_by", 0}};
  const Person& admin = callers_[0];
  const Person& sales = callers_[2];
  ASSERT_EQ(sales.role, Role::kSales);
  for (const http::Route& route : h_.api().router().routes()) {
    const auto found = specs.find(key_of(route));
    if (found == specs.end() || found->second.public_route || !found->second.body) continue;
    const Spec& spec = found->second;
    for (const auto& [caller, injections] :
         {std::pair{admin, bookkeeping}, std::pair{sales, privileges}}) {
      for (Injection injection : injections) {
        // Ids point at another team's person and team: the most damaging value to accept.
        if (injection.value == json::value(0)) {
          injection.value =
              injection.field == "team_id" ? json::value(west_) : json::value(west_person_.id);
        }
        Case c{caller, caller, Relation::kOwn, 0, ++serial_, west_, east_};
        c.target = make_target(spec.target, caller, c.serial);
        const Session session = sign_in(caller.email);
        json::object body = json::parse(spec.body(c)).as_object();
        body[injection.field] = injection.value;
        std::string target = path_for(route.pattern, c.target);
        if (spec.query) target += "?" + spec.query(c);
        const Snapshot before = snapshot();
        const Reply r = h_.send(route.method, target, json::serialize(body),
                                with_if_match(session.headers(true), route));
        ++f_.mass_assignment_cases;
        const std::string label = key_of(route) + " as " +
                                  std::string(core::to_string(caller.role)) + " with " +
                                  injection.field + "=" + json::serialize(injection.value);
        if (r.status >= 200 && r.status < 300) {
          const json::value reply = r.body.empty() ? json::value() : r.json();
          const auto* object = reply.if_object();
          const auto* shown = object ? object->if_contains(injection.field) : nullptr;
          if (shown && *shown == injection.value) {
            ++f_.applied_fields;
            ADD_FAILURE() << label << ": applied, " << r.body;
          }
        } else {
          ++f_.mass_assignment_refused;
          EXPECT_GE(r.status, 400u) << label;
          EXPECT_LT(r.status, 500u) << label << ": " << r.body;
          const int changed = changed_rows(before, snapshot());
          f_.changed_rows += changed;
          EXPECT_EQ(changed, 0) << label << ": " << r.status << " changed " << changed << " rows";
        }
      }
    }
  }
  print();
  EXPECT_EQ(f_.applied_fields, 0);
  EXPECT_EQ(f_.changed_rows, 0);
}

// Sessions and tokens that must no longer work, and cookie writes without the right CSRF token.
TEST_P(AuthzMatrix, SessionAndTokenCases) {
  const Person& sales = callers_[2];
  const auto bearer = [](const std::string& secret) {
    return Headers{{"Authorization", "Bearer " + secret}};
  };
  const auto cookie = [](const Session& s, std::string csrf) {
    Headers h{{"Cookie", s.cookie}};
    if (!csrf.empty()) h.emplace_back("X-CSRF-Token", std::move(csrf));
    return h;
  };
  const std::string contact = R"({"given_name":"Ann","family_name":"Case"})";
  const auto mint = [&](const Session& s, const std::string& extra = {}) {
    const Reply r = h_.send(Method::post, "/api/v1/tokens",
                            std::string(R"({"name":"t","scope":"read-write","password":")") +
                                kPassword + "\"" + extra + "}",
                            s.headers(true));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201 ? std::pair{std::string(r.json().at("secret").as_string()),
                                       r.json().at("id").as_int64()}
                           : std::pair{std::string(), std::int64_t{0}};
  };
  const auto session_case = [&](const std::string& label, Method method, const std::string& target,
                                const std::string& body, const Headers& headers,
                                const Outcome& expected) {
    ++f_.session_cases;
    check(label, method, target, body, headers, expected);
  };

  // A session idle for longer than 30 minutes, and one older than 12 hours however busy.
  Session idle = sign_in(sales.email);
  h_.clock.advance(31min);
  session_case("idle session read", Method::get, "/api/v1/me", {}, idle.headers(false),
               refused(401));
  session_case("idle session write", Method::post, "/api/v1/contacts", contact,
               idle.headers(true), refused(401));
  Session busy = sign_in(sales.email);
  for (int i = 0; i < 12 * 60 / 25; ++i) {
    h_.clock.advance(25min);
    ASSERT_EQ(h_.send(Method::get, "/api/v1/me", {}, busy.headers(false)).status, 200u) << i;
  }
  h_.clock.advance(25min);
  session_case("session past its 12 hours", Method::get, "/api/v1/me", {}, busy.headers(false),
               refused(401));

  // A revoked token and an expired one.
  Session s = sign_in(sales.email);
  const auto [revoked, revoked_id] = mint(s);
  ASSERT_EQ(h_.send(Method::delete_, "/api/v1/tokens/" + std::to_string(revoked_id), {},
                    s.headers(true))
                .status,
            204u);
  session_case("revoked token read", Method::get, "/api/v1/me", {}, bearer(revoked), refused(401));
  session_case("revoked token write", Method::post, "/api/v1/contacts", contact, bearer(revoked),
               refused(401));
  const auto soon = std::chrono::sys_seconds(std::chrono::seconds(h_.clock.now->load())) + 1h;
  const auto [expiring, expiring_id] =
      mint(s, R"(,"expires_at":")" + core::format_timestamp(std::chrono::time_point_cast<std::chrono::milliseconds>(soon)) + "\"");
  session_case("token before its expiry", Method::get, "/api/v1/me", {}, bearer(expiring), kOk);
  h_.clock.advance(61min);
  session_case("expired token", Method::post, "/api/v1/contacts", contact, bearer(expiring),
               refused(401));

  // A password change ends every session and token of the user's; so does an admin's reset.
  Person changer = add_person("changer@example.org", Role::kSales, east_);
  Session first = sign_in(changer.email), second = sign_in(changer.email);
  const auto [changer_token, changer_token_id] = mint(first);
  ASSERT_EQ(h_.send(Method::post, "/api/v1/users/" + std::to_string(changer.id) + "/password",
                    std::string(R"({"password":")") + kOtherPassword +
                        R"(","current_password":")" + kPassword + "\"}",
                    first.headers(true))
                .status,
            204u);
  session_case("session after a password change", Method::get, "/api/v1/me", {},
               second.headers(false), refused(401));
  session_case("changing session after a password change", Method::post, "/api/v1/contacts",
               contact, first.headers(true), refused(401));
  session_case("token after a password change", Method::post, "/api/v1/contacts", contact,
               bearer(changer_token), refused(401));
  Person reset = add_person("reset@example.org", Role::kSales, east_);
  Session before_reset = sign_in(reset.email);
  const auto [reset_token, reset_token_id] = mint(before_reset);
  ASSERT_EQ(as_root(Method::post, "/api/v1/users/" + std::to_string(reset.id) + "/password",
                    std::string(R"({"password":")") + kOtherPassword + "\"}")
                .status,
            204u);
  session_case("session after an admin's reset", Method::get, "/api/v1/me", {},
               before_reset.headers(false), refused(401));
  session_case("token after an admin's reset", Method::get, "/api/v1/me", {}, bearer(reset_token),
               refused(401));

  // Deactivation ends sessions and tokens; reactivating brings neither back.
  Person leaver = add_person("leaver@example.org", Role::kSales, east_);
  Session leaving = sign_in(leaver.email);
  const auto [leaver_token, leaver_token_id] = mint(leaving);
  const std::string leaver_path = "/api/v1/users/" + std::to_string(leaver.id);
  ASSERT_EQ(as_root(Method::patch, leaver_path, R"({"active":false})", {{"If-Match", "*"}}).status,
            200u);
  session_case("session after deactivation", Method::post, "/api/v1/contacts", contact,
               leaving.headers(true), refused(401));
  session_case("token after deactivation", Method::get, "/api/v1/me", {}, bearer(leaver_token),
               refused(401));
  json::object leaver_login{{"email", leaver.email}, {"password", kPassword}};
  ++f_.session_cases;
  EXPECT_EQ(h_.send(Method::post, "/api/v1/session", json::serialize(leaver_login)).status, 401u);
  ASSERT_EQ(as_root(Method::patch, leaver_path, R"({"active":true})", {{"If-Match", "*"}}).status,
            200u);
  session_case("token after reactivation", Method::get, "/api/v1/me", {}, bearer(leaver_token),
               refused(401));

  // Cookie-authenticated writes need this session's CSRF token, on every unsafe method.
  Session browser = sign_in(sales.email);
  const Session other = sign_in(callers_[1].email);
  const std::string own = std::to_string(record("contacts", sales, false));
  for (const auto& [label, csrf] : {std::pair<std::string, std::string>{"missing", ""},
                                    {"wrong", "not-the-token"},
                                    {"another session's", other.csrf}}) {
    session_case("create with CSRF " + label, Method::post, "/api/v1/contacts", contact,
                 cookie(browser, csrf), refused(403));
    Headers h = cookie(browser, csrf);
    h.emplace_back("If-Match", "*");
    session_case("update with CSRF " + label, Method::patch, "/api/v1/contacts/" + own,
                 R"({"given_name":"Changed"})", h, refused(403));
    session_case("delete with CSRF " + label, Method::delete_, "/api/v1/contacts/" + own, {}, h,
                 refused(403));
    session_case("token with CSRF " + label, Method::post, "/api/v1/tokens",
                 std::string(R"({"name":"t","scope":"read","password":")") + kPassword + "\"}",
                 cookie(browser, csrf), refused(403));
  }
  session_case("create with this session's CSRF token", Method::post, "/api/v1/contacts", contact,
               cookie(browser, browser.csrf), kOk);

  // Minting needs the password, and a token (even read-write) mints nothing.
  session_case("token minted with a wrong password", Method::post, "/api/v1/tokens",
               R"({"name":"t","scope":"read","password":"not it"})", browser.headers(true),
               refused(422));
  const auto [writer, writer_id] = mint(browser);
  session_case("token minting a token", Method::post, "/api/v1/tokens",
               std::string(R"({"name":"t","scope":"read","password":")") + kPassword + "\"}",
               bearer(writer), refused(403));
  const std::string reader = token_for(sales, store::TokenScope::kRead);
  session_case("read-scope token updating its owner's contact", Method::patch,
               "/api/v1/contacts/" + own, R"({"given_name":"Changed"})",
               {{"Authorization", "Bearer " + reader}, {"If-Match", "*"}}, refused(403));
  session_case("read-scope token changing its owner's password", Method::post,
               "/api/v1/users/" + std::to_string(sales.id) + "/password",
               std::string(R"({"password":")") + kOtherPassword + R"(","current_password":")" +
                   kPassword + "\"}",
               bearer(reader), refused(403));

  // A dead session cookie neither blocks signing in again (without CSRF token: sign-in is
  // exempt) nor signing out; the new cookie lives as long as the session. A sign-in posted as a
  // form (a cross-site page's login CSRF) is refused.
  Session dead = sign_in(sales.email);
  h_.clock.advance(31min);
  json::object credentials{{"email", sales.email}, {"password", kPassword}};
  const Reply again = h_.send(Method::post, "/api/v1/session", json::serialize(credentials),
                              {{"Cookie", dead.cookie}});
  ++f_.session_cases;
  EXPECT_EQ(again.status, 201u) << "sign-in with a dead session cookie: " << again.body;
  const std::string set_cookie = again.header("Set-Cookie");
  const auto max_age = set_cookie.find("Max-Age=");
  ASSERT_NE(max_age, std::string::npos) << set_cookie;
  EXPECT_LE(std::atoll(set_cookie.c_str() + max_age + 8), 12 * 3600) << set_cookie;
  session_case("sign-out with a dead cookie and no CSRF token", Method::delete_,
               "/api/v1/session", {}, {{"Cookie", dead.cookie}}, kOk);
  session_case("sign-in posted as a form", Method::post, "/api/v1/session",
               "email=" + sales.email + "&password=" + kPassword,
               {{"Content-Type", "application/x-www-form-urlencoded"}}, refused(415));
  print();
  EXPECT_EQ(f_.unauthorized_2xx, 0);
  EXPECT_EQ(f_.changed_rows, 0);
}

// What lists and searches show each role: every item within the caller's read scope, live or
// in the trash, whatever the search text, filter or sort; a contact is not found by the name of
// a company the caller may not see; token lists hold the caller's own tokens only.
TEST_P(AuthzMatrix, ListsShowOnlyReadableRecords) {
  std::vector<Person> owners = callers_;
  owners.push_back(mate_);
  owners.push_back(west_person_);
  // A company only the other team sees, linked to a contact of each owner.
  const std::int64_t hidden = record("companies", west_person_, false);
  ASSERT_EQ(as_root(Method::patch, "/api/v1/companies/" + std::to_string(hidden),
                    R"({"name":"Zanzibar Hidden Holdings"})", {{"If-Match", "*"}})
                .status,
            200u);
  for (const Person& owner : owners) {
    for (const char* kind : {"contacts", "companies"}) {
      record(kind, owner, false);
      record(kind, owner, true);
    }
    json::object linked{{"given_name", "Linked"},
                        {"family_name", "Probe"},
                        {"owner_id", owner.id},
                        {"companies", json::array{json::object{{"company_id", hidden}}}}};
    linked["team_id"] = owner.team ? json::value(*owner.team) : json::value(nullptr);
    const Reply r = as_root(Method::post, "/api/v1/contacts", json::serialize(linked));
    ASSERT_EQ(r.status, 201u) << r.body;
  }
  const std::vector<std::string> queries{
      "limit=500", "shelf=trash&limit=500", "q=Target&limit=500", "q=Probe&limit=500",
      "sort=-updated_at&limit=500", "filter[owner_id]=" + std::to_string(west_person_.id)};
  for (const Person& caller : callers_) {
    const Session session = sign_in(caller.email);
    for (const auto& [kind, object] :
         {std::pair{"contacts", ObjectType::kContacts}, {"companies", ObjectType::kCompanies}}) {
      const auto scope = core::allowed(caller.role, object, Action::kRead);
      for (const std::string& query : queries) {
        const Reply r = h_.send(Method::get, std::string("/api/v1/") + kind + "?" + query, {},
                                session.headers(false));
        const std::string label = std::string(kind) + "?" + query + " as " +
                                  std::string(core::to_string(caller.role));
        // The trash is listed to those who may delete (and restore) such records.
        const bool trash = query.find("shelf=trash") != std::string::npos;
        if (!scope || (trash && !core::allowed(caller.role, object, Action::kDelete))) {
          EXPECT_EQ(r.status, 403u) << label;
          continue;
        }
        ASSERT_EQ(r.status, 200u) << label << ": " << r.body;
        const json::value page = r.json();
        for (const auto& item : page.at("items").as_array()) {
          const auto& o = item.as_object();
          const auto id_or_none = [&](const char* key) -> std::optional<std::int64_t> {
            const auto* v = o.if_contains(key);
            return v && v->is_int64() ? std::optional(v->as_int64()) : std::nullopt;
          };
          ++f_.list_items;
          if (!core::within_scope(*scope, caller.id, caller.team, id_or_none("owner_id"),
                                  id_or_none("team_id"))) {
            ++f_.leaked_items;
            ADD_FAILURE() << label << " shows " << json::serialize(item);
          }
        }
      }
    }
    // The company's name finds no contact for a caller who may not see the company.
    const Reply found = h_.send(Method::get, "/api/v1/contacts?q=Zanzibar&limit=500", {},
                                session.headers(false));
    const auto company_scope = core::allowed(caller.role, ObjectType::kCompanies, Action::kRead);
    if (found.status == 200 && company_scope &&
        !core::within_scope(*company_scope, caller.id, caller.team, west_person_.id, west_)) {
      const json::value page = found.json();
      const auto& items = page.at("items").as_array();
      f_.list_items += static_cast<int>(items.size());
      f_.leaked_items += static_cast<int>(items.size());
      EXPECT_TRUE(items.empty()) << "contacts?q=Zanzibar as " << core::to_string(caller.role)
                                 << " finds contacts by a company it cannot see: "
                                 << found.body;
    }
    // Token lists: the caller's own tokens only.
    token_for(caller, store::TokenScope::kRead);
    token_for(mate_, store::TokenScope::kRead);
    const Reply tokens = h_.send(Method::get, "/api/v1/tokens", {}, session.headers(false));
    ASSERT_EQ(tokens.status, 200u) << tokens.body;
    const json::value listed = tokens.json();
    for (const auto& item : listed.at("items").as_array()) {
      ++f_.list_items;
      if (item.at("user_id").as_int64() != caller.id) {
        ++f_.leaked_items;
        ADD_FAILURE() << "tokens as " << core::to_string(caller.role) << " shows "
                      << json::serialize(item);
      }
    }
  }
  print();
  EXPECT_EQ(f_.leaked_items, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthzMatrix, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::reliability
