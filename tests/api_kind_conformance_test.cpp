// The API suite generated from the kind descriptors, run for every kind on both engines: round
// trip and the version rule, trash/restore/erase, keyset paging in both directions on every
// sortable field, every filter operator on every filterable field, the record scope of each role,
// search on every searchable column and the naughty strings through every text column. A new
// kind is covered by adding its descriptor and its samples (kind_samples.hpp).
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "api_fixture.hpp"
#include "core/kind_descriptor.hpp"
#include "core/text_rules.hpp"
#include "kind_samples.hpp"
#include "store/list_fields.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

class KindConformance : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    admin_ = login("admin@example.org");
    auto users = admin_.send(bhttp::verb::get, "/api/v1/users?limit=100");
    ASSERT_EQ(users.status, 200u) << users.body;
    const json::value listed = users.json();
    for (const auto& u : listed.at("items").as_array()) {
      const auto& team = u.at("team_id");
      people_[std::string(u.at("email").as_string())] = {
          u.at("id").as_int64(), team.is_null() ? std::nullopt : std::optional(team.as_int64())};
    }
    refs_.users[0] = people_.at("east@example.org").id;
    refs_.users[1] = people_.at("west@example.org").id;
    refs_.teams[0] = *people_.at("east@example.org").team;
    refs_.teams[1] = *people_.at("west@example.org").team;
  }

  static std::string collection(core::RecordKind kind) {
    return "/api/v1/" + std::string(core::describe(kind).collection);
  }

  // The kind's long text field (notes, an activity's body): edits change it, and each sample's
  // holds its word of kSampleWords.
  static std::string text_field(core::RecordKind kind) {
    for (const core::FieldDescriptor& f : core::describe(kind).fields) {
      if (f.type == core::FieldType::kLongText) return std::string(f.name);
    }
    ADD_FAILURE() << core::to_string(kind) << " has no long text field";
    return "";
  }

  // A PATCH body setting the kind's text field to `value`.
  static std::string text_patch(core::RecordKind kind, const std::string& value) {
    return json::serialize(json::object{{text_field(kind), value}});
  }

  // Creates the kind's samples as the admin; returns them as the server answered. The first two
  // contacts and companies become the records later kinds' samples link to.
  std::vector<json::object> create_samples(core::RecordKind kind) {
    std::vector<json::object> created;
    SampleRefs refs = refs_;
    for (int i = 0; i < kSampleCount; ++i) {
      auto reply =
          admin_.write(bhttp::verb::post, collection(kind), json::serialize(sample(kind, i, refs)));
      EXPECT_EQ(reply.status, 201u)
          << core::to_string(kind) << " sample " << i << ": " << reply.body;
      if (reply.status != 201u) break;
      created.push_back(reply.json().as_object());
      if (i == 0) refs.first = created.back().at("id").as_int64();
    }
    for (std::size_t i = 0; i < 2 && i < created.size(); ++i) {
      const std::int64_t id = created[i].at("id").as_int64();
      if (kind == core::RecordKind::kContact) refs_.contacts[i] = id;
      if (kind == core::RecordKind::kCompany) refs_.companies[i] = id;
    }
    return created;
  }

  // The ids of every item of every page of `target` (which has a query string), in order.
  std::vector<std::int64_t> ids(const Client& client, const std::string& target, int limit = 500) {
    std::vector<std::int64_t> out;
    std::string after;
    for (int guard = 0; guard < 100; ++guard) {
      auto reply =
          client.send(bhttp::verb::get, target + "&limit=" + std::to_string(limit) + after);
      EXPECT_EQ(reply.status, 200u) << target << ": " << reply.body;
      if (reply.status != 200u) break;
      const json::value body = reply.json();
      for (const auto& item : body.at("items").as_array()) out.push_back(item.at("id").as_int64());
      if (body.at("next").is_null()) break;
      after = "&after=" + std::string(body.at("next").as_string());
    }
    return out;
  }

  struct Person {
    std::int64_t id = 0;
    std::optional<std::int64_t> team;
  };
  Client admin_;
  std::map<std::string, Person> people_;
  SampleRefs refs_;
};

// The operand a filter on `field` compares record `r` by, or nullopt when `r` has no value there.
std::optional<std::string> operand_of(const json::object& r, const core::FieldDescriptor& field) {
  if (field.type == core::FieldType::kPlace) {
    const auto* addresses = r.if_contains("addresses");
    if (addresses == nullptr || addresses->as_array().empty()) return std::nullopt;
    const auto& first = addresses->as_array().front().as_object();
    return std::string(first.at(field.name == "city" ? "locality" : "country").as_string());
  }
  const json::value& v = r.at(field.name);
  if (core::is_link(field.type)) {
    if (v.as_array().empty()) return std::nullopt;
    const json::value& first = v.as_array().front();
    if (field.type == core::FieldType::kTitledLinks) {
      return std::to_string(
          first.at(std::string(core::to_string(field.target)) + "_id").as_int64());
    }
    return std::to_string(first.as_int64());
  }
  if (field.type == core::FieldType::kTags) {
    if (v.as_array().empty()) return std::nullopt;
    return std::string(v.as_array().front().as_string());
  }
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_string() && !v.as_string().empty()) return std::string(v.as_string());
  return std::nullopt;
}

std::vector<std::int64_t> sorted(std::vector<std::int64_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST_P(KindConformance, EveryKindRoundTripsUnderTheVersionRule) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    ASSERT_EQ(created.size(), static_cast<std::size_t>(kSampleCount));
    for (const auto& record : created) {
      const std::string target =
          collection(kind) + "/" + std::to_string(record.at("id").as_int64());
      auto read = admin_.send(bhttp::verb::get, target);
      ASSERT_EQ(read.status, 200u) << read.body;
      EXPECT_EQ(read.json().as_object(), record);
      EXPECT_EQ(etag_of(read), "\"1\"");
    }
    const std::string target =
        collection(kind) + "/" + std::to_string(created[1].at("id").as_int64());
    auto first = admin_.write(bhttp::verb::patch, target, text_patch(kind, "changed"),
                              {{"If-Match", "\"1\""}});
    ASSERT_EQ(first.status, 200u) << first.body;
    EXPECT_EQ(first.json().at("version").as_int64(), 2);
    auto stale =
        admin_.write(bhttp::verb::patch, target, text_patch(kind, "lost"), {{"If-Match", "\"1\""}});
    EXPECT_EQ(stale.status, 412u) << stale.body;
    EXPECT_EQ(admin_.write(bhttp::verb::patch, target, text_patch(kind, "lost")).status, 428u);
    EXPECT_EQ(admin_.send(bhttp::verb::get, target).json().at(text_field(kind)).as_string(),
              "changed");
  }
}

TEST_P(KindConformance, EveryKindGoesThroughTheTrashAndErasesWithoutTrace) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    ASSERT_EQ(created.size(), static_cast<std::size_t>(kSampleCount));
    const std::int64_t id = created[2].at("id").as_int64();
    const std::string target = collection(kind) + "/" + std::to_string(id);
    const std::string live = collection(kind) + "?sort=id";
    const std::string trash = collection(kind) + "?shelf=trash&sort=id";
    auto trashed = admin_.write(bhttp::verb::delete_, target, {}, {{"If-Match", "\"1\""}});
    ASSERT_EQ(trashed.status, 204u) << trashed.body;
    EXPECT_FALSE(admin_.send(bhttp::verb::get, target).json().at("deleted_at").is_null());
    EXPECT_EQ(ids(admin_, trash), std::vector<std::int64_t>{id});
    EXPECT_EQ(ids(admin_, live).size(), static_cast<std::size_t>(kSampleCount - 1));
    EXPECT_EQ(
        admin_.write(bhttp::verb::patch, target, text_patch(kind, "x"), {{"If-Match", "*"}}).status,
        409u);
    auto restored =
        admin_.write(bhttp::verb::post, target + "/restore", {}, {{"If-Match", "\"2\""}});
    ASSERT_EQ(restored.status, 200u) << restored.body;
    EXPECT_TRUE(ids(admin_, trash).empty());
    EXPECT_EQ(ids(admin_, live).size(), static_cast<std::size_t>(kSampleCount));
    const std::string note = std::string(kSampleWords[2]);
    ASSERT_EQ(ids(admin_, live + "&q=" + percent_encode(note)), std::vector<std::int64_t>{id});
    auto erased = admin_.write(bhttp::verb::post, target + "/erase");
    ASSERT_EQ(erased.status, 204u) << erased.body;
    EXPECT_EQ(admin_.send(bhttp::verb::get, target).status, 404u);
    EXPECT_TRUE(ids(admin_, live + "&q=" + percent_encode(note)).empty());
    EXPECT_TRUE(ids(admin_, trash).empty());
    auto entries = audit_entries(std::string(core::describe(kind).collection), std::to_string(id));
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().action, "erase");
    for (const auto& entry : entries) {
      EXPECT_EQ(entry.changes_json.find(note), std::string::npos) << entry.changes_json;
    }
  }
}

// Every sortable field, both directions: the pages (two records each) hold every record once,
// descending is ascending reversed, and numbers and times are in order.
TEST_P(KindConformance, EverySortPagesExactlyInBothDirections) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    std::vector<std::int64_t> all;
    std::map<std::int64_t, const json::object*> by_id;
    for (const auto& r : created) {
      all.push_back(r.at("id").as_int64());
      by_id[all.back()] = &r;
    }
    for (const core::FieldDescriptor& f : core::describe(kind).fields) {
      if (!f.has(core::kSortable)) continue;
      SCOPED_TRACE(f.name);
      const std::string base = collection(kind) + "?sort=";
      auto ascending = ids(admin_, base + std::string(f.name), 2);
      auto descending = ids(admin_, base + "-" + std::string(f.name), 2);
      EXPECT_EQ(sorted(ascending), sorted(all));
      EXPECT_EQ(std::vector<std::int64_t>(descending.rbegin(), descending.rend()), ascending);
      EXPECT_EQ(ids(admin_, base + std::string(f.name)), ascending) << "one page and pages differ";
      if (f.type == core::FieldType::kText || f.type == core::FieldType::kEnum ||
          f.type == core::FieldType::kLanguage || f.type == core::FieldType::kTimeZone) {
        continue;  // collation order: the sort tests check it with known names
      }
      for (std::size_t i = 1; i < ascending.size(); ++i) {
        const json::value& a = by_id[ascending[i - 1]]->at(f.name);
        const json::value& b = by_id[ascending[i]]->at(f.name);
        // Records without a value sort first, as 0.
        if (a.is_null()) continue;
        ASSERT_FALSE(b.is_null()) << "a record without " << f.name << " after one with it";
        if (a.is_string()) {
          EXPECT_LE(a.as_string(), b.as_string());  // RFC 3339 in UTC
        } else {
          EXPECT_LE(a.as_int64(), b.as_int64());
        }
      }
    }
  }
}

// Every operator on every filterable field, with operands taken from the samples: eq finds the
// records holding the value and ne the rest, in is the union of its values' eq, empty splits the
// records in two, lt/gt/eq cover every record that has a value, contains finds the holder.
TEST_P(KindConformance, EveryFilterOperatorPartitionsTheRecords) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    const std::size_t n = created.size();
    for (const core::FieldDescriptor& f : core::describe(kind).fields) {
      if (!f.has(core::kFilterable)) continue;
      SCOPED_TRACE(f.name);
      std::vector<std::string> values;
      for (const auto& r : created) {
        auto v = operand_of(r, f);
        if (v && std::find(values.begin(), values.end(), *v) == values.end()) values.push_back(*v);
      }
      const auto ops = core::filter_ops(f.type);
      auto has = [&](core::FilterOp op) {
        return std::find(ops.begin(), ops.end(), op) != ops.end();
      };
      const std::string base = collection(kind) + "?sort=id&filter[" + std::string(f.name) + "]";
      auto count = [&](const std::string& op, const std::string& value) {
        return ids(admin_, base + (op.empty() ? "" : "[" + op + "]") + "=" + percent_encode(value))
            .size();
      };
      if (has(core::FilterOp::kEmpty)) {
        EXPECT_EQ(count("empty", "true") + count("empty", "false"), n);
      }
      if (values.empty()) {
        // Only a stamp the server sets later (deleted_at) has no value on new samples.
        EXPECT_TRUE(f.has(core::kReadOnly)) << "the samples give no value to filter by";
        continue;
      }
      const std::string v = values.front();
      const std::size_t eq = count("", v);
      EXPECT_GE(eq, 1u);
      EXPECT_EQ(eq + count("ne", v), n);
      if (values.size() > 1 && has(core::FilterOp::kIn)) {
        EXPECT_EQ(count("in", v + "," + values[1]), eq + count("", values[1]));
      }
      if (has(core::FilterOp::kLt)) {
        // Records without a value compare neither way; empty text sorts before every value.
        const std::size_t without =
            has(core::FilterOp::kEmpty) && store::value_kind(f.type) != store::ValueKind::kText
                ? count("empty", "true")
                : 0;
        EXPECT_EQ(count("lt", v) + eq + count("gt", v) + without, n);
      }
      if (has(core::FilterOp::kContains)) {
        EXPECT_GE(count("contains", v.substr(0, v.size() > 2 ? 2 : v.size())), eq);
      }
    }
  }
}

TEST_P(KindConformance, EachRoleSeesItsScope) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    for (const char* email : {"east@example.org", "west@example.org", "viewer@example.org"}) {
      SCOPED_TRACE(email);
      auto client = login(email);
      const auto& person = people_.at(email);
      const core::Role role =
          std::string(email) == "viewer@example.org" ? core::Role::kReadOnly : core::Role::kSales;
      auto scope = core::allowed(role, core::describe(kind).object, core::Action::kRead);
      ASSERT_TRUE(scope.has_value());
      std::vector<std::int64_t> expected;
      for (const auto& r : created) {
        auto id_or = [&](const char* name) -> std::optional<std::int64_t> {
          const auto& v = r.at(name);
          return v.is_null() ? std::nullopt : std::optional(v.as_int64());
        };
        const bool visible =
            core::within_scope(*scope, person.id, person.team, id_or("owner_id"), id_or("team_id"));
        const std::string target = collection(kind) + "/" + std::to_string(r.at("id").as_int64());
        EXPECT_EQ(client.send(bhttp::verb::get, target).status, visible ? 200u : 404u) << target;
        if (visible) expected.push_back(r.at("id").as_int64());
      }
      EXPECT_EQ(ids(client, collection(kind) + "?sort=id"), expected);
    }
  }
}

TEST_P(KindConformance, SearchFindsARecordByEverySearchableColumn) {
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    auto created = create_samples(kind);
    for (const core::FieldDescriptor& f : core::describe(kind).fields) {
      if (!f.has(core::kSearchable) || f.column.empty()) continue;
      SCOPED_TRACE(f.name);
      for (const auto& r : created) {
        const json::value& v = r.at(f.name);
        if (!v.is_string() || v.as_string().empty()) continue;
        auto found = ids(
            admin_, collection(kind) + "?sort=id&q=" + percent_encode(std::string(v.as_string())));
        EXPECT_NE(std::find(found.begin(), found.end(), r.at("id").as_int64()), found.end())
            << "q=" << v.as_string();
      }
    }
  }
}

// A fifth of the Big List of Naughty Strings through every writable text column of every kind:
// stored and read back byte-identical, or refused with a 4xx, never a server error.
TEST_P(KindConformance, NaughtyStringsRoundTripThroughEveryTextColumn) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json");
  ASSERT_TRUE(in) << "blns.json missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto strings = json::parse(text.str()).as_array();
  for (core::RecordKind kind : sample_order()) {
    SCOPED_TRACE(core::to_string(kind));
    for (const core::FieldDescriptor& f : core::describe(kind).fields) {
      const bool text_column =
          f.type == core::FieldType::kText || f.type == core::FieldType::kLongText;
      if (!text_column || f.has(core::kReadOnly)) continue;
      SCOPED_TRACE(f.name);
      int stored = 0;
      for (std::size_t i = 0; i < strings.size(); i += 5) {
        const std::string s(strings[i].as_string());
        json::object body = sample(kind, 1, refs_);
        body[f.name] = s;
        auto reply = admin_.write(bhttp::verb::post, collection(kind), json::serialize(body));
        ASSERT_LT(reply.status, 500u) << s;
        if (reply.status != 201u) continue;
        ++stored;
        auto read = admin_.send(bhttp::verb::get, collection(kind) + "/" + id_of(reply));
        ASSERT_EQ(read.status, 200u);
        const std::string back(read.json().at(f.name).as_string());
        // Names are trimmed of surrounding blanks on the way in (a blank display name is derived
        // from the others); everything else is kept.
        const std::string trimmed(core::trim_blanks(s));
        if (trimmed.empty() && f.name == "display_name") continue;
        EXPECT_TRUE(back == s || back == trimmed) << f.name << ": " << s;
      }
      EXPECT_GT(stored, 0);
    }
  }
}

RAPPORT_API_ENGINES(KindConformance);

}  // namespace
}  // namespace rapport::app
