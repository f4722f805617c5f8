// What every layer knows about a kind of record, written once per kind as a constexpr table: its
// table, its fields (wire name, type, column, and whether each is required, sortable, filterable,
// searchable), its links to other kinds and its flags. The store's list planners, the metadata
// API and the generated tests read it; nothing else keeps its own list of a kind's fields.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/list_query.hpp"
#include "core/record_kind.hpp"
#include "core/role.hpp"

namespace rapport::core {

// A field's type as clients see it; the metadata API publishes its name (to_string).
enum class FieldType {
  kId,           // a record's own id
  kText,         // one line of text
  kLongText,     // text with line breaks
  kEnum,         // one of the organisation's configured choices (lifecycle stages, size bands)
  kLanguage,     // a BCP 47 tag
  kTimeZone,     // an IANA time zone
  kTimestamp,    // RFC 3339, UTC
  kInteger,      // a whole number
  kMoney,        // minor units and an ISO 4217 currency
  kUser,         // a user's id
  kTeam,         // a team's id
  kRecord,       // the id of a record of the field's `target` kind
  kTags,         // a set of short labels
  kEmails,       // typed e-mail addresses, one primary
  kPhones,       // typed phone numbers with their E.164 form, one primary
  kPhone,        // one phone number, stored in E.164
  kAddresses,    // postal addresses
  kDomains,      // web domains
  kConsents,     // marketing consent per channel
  kLinks,        // links to records of the field's `target` kind, as their ids
  kTitledLinks,  // links to records of the `target` kind, each with a title (a job title at a
                 // company), as objects {"<target>_id", "job_title"}
  kPlace,        // a filter over the record's addresses (city, country), not a value of its own
};

// What a field allows, as bits.
enum FieldFlag : std::uint32_t {
  kRequired = 1u << 0,    // a create must carry it
  kSortable = 1u << 1,    // sort=<name>, served by a (column, id) index
  kFilterable = 1u << 2,  // filter[<name>]
  kSearchable = 1u << 3,  // q= finds the record by it
  kReadOnly = 1u << 4,    // set by the server (id, stamps); a client that sends it is refused
};

struct FieldDescriptor {
  std::string_view name;  // the wire name, also the label key's last part
  FieldType type;
  std::uint32_t flags;
  // The column in the kind's table; empty when the field lives in the record's document or in a
  // table of its own (tags, places).
  std::string_view column = {};
  // What lists sort by when it is not the column itself: a name's collation key column.
  std::string_view sort_column = {};
  RecordKind target = RecordKind::kContact;        // for kRecord and kLinks
  std::span<const std::string_view> options = {};  // for kEnum: the choices, in order

  constexpr bool has(FieldFlag flag) const { return (flags & flag) != 0; }
};

// Record-level behaviour, as bits.
enum KindFlag : std::uint32_t {
  kOwned = 1u << 0,         // owner_id and team_id; access by own/team/all scope
  kTrash = 1u << 1,         // deleted_at: trashed and restored before it is erased
  kSearch = 1u << 2,        // found by q= and the global search
  kCustomFields = 1u << 3,  // the organisation may define custom fields on it
  kTimeline = 1u << 4,      // notes and the audited changes on a timeline
  kAudit = 1u << 5,         // every write is in the audit log
};

struct KindDescriptor {
  RecordKind kind;
  std::string_view collection;  // the route and audit object name: "contacts"
  std::string_view table;
  ObjectType object;  // what the role table grants on it
  std::uint32_t flags;
  std::span<const FieldDescriptor> fields;
  std::string_view default_sort;  // the field lists sort by when the request names none

  constexpr bool has(KindFlag flag) const { return (flags & flag) != 0; }
  // The field called `name`, or nullptr.
  const FieldDescriptor* field(std::string_view name) const;
};

const KindDescriptor& describe(RecordKind kind);

// The field's values are rows of record_links (kLinks, kTitledLinks).
constexpr bool is_link(FieldType type) {
  return type == FieldType::kLinks || type == FieldType::kTitledLinks;
}

// The filter operators a field of `type` takes (empty when it cannot be filtered).
std::span<const FilterOp> filter_ops(FieldType type);

// Stable wire names ("text", "long_text", …; "eq", "ne", …).
std::string_view to_string(FieldType type);
std::string_view to_string(FilterOp op);

}  // namespace rapport::core
