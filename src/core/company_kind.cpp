// The company kind: an organisation contacts work for.
#include "core/company.hpp"
#include "core/kind_tables.hpp"

namespace rapport::core {
namespace {

constexpr std::uint32_t kFilter = kFilterable;
constexpr std::uint32_t kSortFilter = kSortable | kFilterable;
constexpr std::uint32_t kStamp = kSortable | kFilterable | kReadOnly;

constexpr FieldDescriptor kFields[] = {
    {"id", FieldType::kId, kSortFilter | kReadOnly, "id"},
    {"name", FieldType::kText, kRequired | kSortFilter | kSearchable, "name", "name_key"},
    {"domains", FieldType::kDomains, kSearchable},
    {"industry", FieldType::kText, kFilter | kSearchable, "industry"},
    {"size", FieldType::kEnum, 0, {}, {}, {}, kCompanySizes},
    {"annual_revenue", FieldType::kMoney, 0},
    {"addresses", FieldType::kAddresses, 0},
    {"parent_id", FieldType::kRecord, kFilter, "parent_id", {}, RecordKind::kCompany},
    {"owner_id", FieldType::kUser, kSortFilter, "owner_id"},
    {"team_id", FieldType::kTeam, kFilter, "team_id"},
    {"tags", FieldType::kTags, kFilter},
    {"notes", FieldType::kLongText, kSearchable},
    {"created_at", FieldType::kTimestamp, kStamp, "created_at"},
    {"created_by", FieldType::kUser, kReadOnly},
    {"updated_at", FieldType::kTimestamp, kStamp, "updated_at"},
    {"updated_by", FieldType::kUser, kReadOnly},
    {"deleted_at", FieldType::kTimestamp, kFilter | kReadOnly, "deleted_at"},
};

}  // namespace

constinit const KindDescriptor kCompanyKind{
    .kind = RecordKind::kCompany,
    .collection = "companies",
    .table = "companies",
    .object = ObjectType::kCompanies,
    .flags = kOwned | kTrash | kSearch | kCustomFields | kTimeline | kAudit,
    .fields = kFields,
    .default_sort = "id",
};

}  // namespace rapport::core
