// GET /api/v1/meta on both engines: every kind the caller may read with its fields, custom
// fields and the caller's permissions — and every sort and filter it advertises works on the
// kind's list, so that the web UI built from it never offers what the server refuses.
#include "api_fixture.hpp"
#include "core/kind_descriptor.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

using MetaApi = ApiTest;

const json::object* kind_named(const json::value& meta, std::string_view kind) {
  for (const auto& k : meta.at("kinds").as_array()) {
    if (k.at("kind").as_string() == kind) return &k.as_object();
  }
  return nullptr;
}

const json::object* field_named(const json::object& kind, std::string_view name) {
  for (const auto& f : kind.at("fields").as_array()) {
    if (f.at("name").as_string() == name) return &f.as_object();
  }
  return nullptr;
}

// A value a filter on a field of `type` accepts.
std::string operand(std::string_view type) {
  if (type == "id" || type == "user" || type == "team" || type == "record" || type == "links" ||
      type == "titled_links") {
    return "1";
  }
  if (type == "timestamp") return "2026-01-01";
  if (type == "language") return "th";
  if (type == "time_zone") return "Asia%2FBangkok";
  if (type == "place") return "NL";
  return "x";
}

TEST_P(MetaApi, DescribesEveryKindFromItsDescriptor) {
  auto admin = login("admin@example.org");
  auto reply = admin.send(bhttp::verb::get, "/api/v1/meta");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json::value meta = reply.json();
  ASSERT_EQ(meta.at("kinds").as_array().size(), core::kRecordKinds.size());
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& descriptor = core::describe(kind);
    const json::object* k = kind_named(meta, core::to_string(kind));
    ASSERT_NE(k, nullptr) << core::to_string(kind);
    EXPECT_EQ(k->at("collection").as_string(), descriptor.collection);
    EXPECT_EQ(k->at("label_key").as_string(), "kinds." + std::string(core::to_string(kind)));
    EXPECT_EQ(k->at("fields").as_array().size(), descriptor.fields.size());
    for (const core::FieldDescriptor& f : descriptor.fields) {
      const json::object* field = field_named(*k, f.name);
      ASSERT_NE(field, nullptr) << f.name;
      EXPECT_EQ(field->at("type").as_string(), core::to_string(f.type)) << f.name;
      EXPECT_EQ(field->at("sortable").as_bool(), f.has(core::kSortable)) << f.name;
      EXPECT_EQ(field->at("filterable").as_bool(), f.has(core::kFilterable)) << f.name;
      EXPECT_EQ(field->at("searchable").as_bool(), f.has(core::kSearchable)) << f.name;
      EXPECT_EQ(field->at("read_only").as_bool(), f.has(core::kReadOnly)) << f.name;
      EXPECT_EQ(field->at("label_key").as_string(),
                "fields." + std::string(core::to_string(kind)) + "." + std::string(f.name));
    }
  }
  const json::object& contact = *kind_named(meta, "contact");
  const json::object& stage = *field_named(contact, "lifecycle_stage");
  EXPECT_EQ(stage.at("options").as_array().size(), core::kDefaultLifecycleStages.size());
  EXPECT_EQ(stage.at("options").as_array().front().as_string(), "subscriber");
  EXPECT_EQ(field_named(contact, "companies")->at("target").as_string(), "company");
  EXPECT_EQ(field_named(contact, "given_name")->at("operators"),
            json::parse(R"(["eq","ne","lt","gt","in","contains","empty"])"));
  EXPECT_EQ(field_named(contact, "emails")->at("operators"), json::array{});
  EXPECT_TRUE(field_named(*kind_named(meta, "company"), "name")->at("required").as_bool());
}

TEST_P(MetaApi, PermissionsAreTheCallersRoleTable) {
  for (const auto& [email, role] : {std::pair{"admin@example.org", core::Role::kAdmin},
                                    std::pair{"east@example.org", core::Role::kSales},
                                    std::pair{"viewer@example.org", core::Role::kReadOnly}}) {
    auto client = login(email);
    auto reply = client.send(bhttp::verb::get, "/api/v1/meta");
    ASSERT_EQ(reply.status, 200u) << reply.body;
    const json::value meta = reply.json();
    for (core::RecordKind kind : core::kRecordKinds) {
      const json::object* k = kind_named(meta, core::to_string(kind));
      ASSERT_NE(k, nullptr) << email;
      const json::object& permissions = k->at("permissions").as_object();
      for (core::Action action : {core::Action::kRead, core::Action::kCreate, core::Action::kUpdate,
                                  core::Action::kDelete, core::Action::kImport,
                                  core::Action::kExport, core::Action::kAssign}) {
        auto allowed = core::allowed(role, core::describe(kind).object, action);
        const json::value& stated = permissions.at(core::to_string(action));
        if (allowed) {
          EXPECT_EQ(stated.as_string(), core::to_string(*allowed))
              << email << " " << to_string(action);
        } else {
          EXPECT_TRUE(stated.is_null()) << email << " " << to_string(action);
        }
      }
    }
  }
  Client anonymous{server_->port(), {}, {}, {}};
  EXPECT_EQ(anonymous.send(bhttp::verb::get, "/api/v1/meta").status, 401u);
}

TEST_P(MetaApi, CustomFieldsAreFieldsOfTheirKind) {
  auto admin = login("admin@example.org");
  auto created = admin.write(
      bhttp::verb::post, "/api/v1/custom-fields",
      R"({"entity":"company","key":"tier","label":"Tier","type":"single_select","options":["gold","silver"],"unique":false})");
  ASSERT_EQ(created.status, 201u) << created.body;
  const json::value meta = admin.send(bhttp::verb::get, "/api/v1/meta").json();
  const json::object* tier = field_named(*kind_named(meta, "company"), "custom.tier");
  ASSERT_NE(tier, nullptr);
  EXPECT_TRUE(tier->at("custom").as_bool());
  EXPECT_EQ(tier->at("type").as_string(), "single_select");
  EXPECT_EQ(tier->at("label").as_string(), "Tier");
  EXPECT_EQ(tier->at("options"), json::parse(R"(["gold","silver"])"));
  EXPECT_EQ(field_named(*kind_named(meta, "contact"), "custom.tier"), nullptr);
}

// What the metadata promises, the lists keep: every advertised sort in both directions and every
// advertised filter operator answers 200; a field it does not advertise is refused.
TEST_P(MetaApi, EveryAdvertisedSortAndFilterWorks) {
  auto admin = login("admin@example.org");
  const json::value meta = admin.send(bhttp::verb::get, "/api/v1/meta").json();
  for (const auto& kind : meta.at("kinds").as_array()) {
    const std::string list = "/api/v1/" + std::string(kind.at("collection").as_string());
    for (const auto& field : kind.at("fields").as_array()) {
      const std::string name(field.at("name").as_string());
      const std::string type(field.at("type").as_string());
      const unsigned sort_status = field.at("sortable").as_bool() ? 200u : 422u;
      EXPECT_EQ(admin.send(bhttp::verb::get, list + "?sort=" + name).status, sort_status)
          << list << " " << name;
      EXPECT_EQ(admin.send(bhttp::verb::get, list + "?sort=-" + name).status, sort_status)
          << list << " " << name;
      if (!field.at("filterable").as_bool()) {
        EXPECT_EQ(admin.send(bhttp::verb::get, list + "?filter[" + name + "]=x").status, 422u)
            << list << " " << name;
        continue;
      }
      for (const auto& op : field.at("operators").as_array()) {
        const std::string o(op.as_string());
        std::string value = o == "empty" ? "true" : operand(type);
        if (o == "in") value += "," + value;
        const std::string target =
            list + "?filter[" + name + "]" + (o == "eq" ? "" : "[" + o + "]") + "=" + value;
        auto reply = admin.send(bhttp::verb::get, target);
        EXPECT_EQ(reply.status, 200u) << target << " " << reply.body;
      }
    }
  }
}

RAPPORT_API_ENGINES(MetaApi);

}  // namespace
}  // namespace rapport::app
