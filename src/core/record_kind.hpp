// The kinds of record the customer store keeps. One enum names them wherever a kind is chosen at
// run time: custom field definitions, notes' parents, links between records, the timeline and
// the metadata API.
#pragma once

#include <array>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

enum class RecordKind { kContact, kCompany, kActivity };

// Every kind, in the enum's order (tables indexed by kind rely on it).
inline constexpr std::array kRecordKinds{RecordKind::kContact, RecordKind::kCompany,
                                         RecordKind::kActivity};

// The kind's stable name ("contact", "company"): on the wire and in the databases' kind columns,
// so it is never renamed.
std::string_view to_string(RecordKind kind);

// Parses a kind's name; any other is an invalid-input error on `field` that lists the names.
Result<RecordKind> parse_record_kind(std::string_view name, std::string_view field = "kind");

}  // namespace rapport::core
