// JSON pieces that the kinds of record share on the wire: ids that may be null, custom
// values, postal addresses, the record bookkeeping (id, version, times, authors), and the
// readers of text, id, time, id-list, string-list, address and custom-value fields a client
// writes.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/postal_address.hpp"
#include "core/record_meta.hpp"
#include "core/timestamp.hpp"
#include "http/json_input.hpp"

namespace rapport::http {

boost::json::value optional_id_json(const std::optional<core::Id>& id);

boost::json::array strings_json(const std::vector<std::string>& values);

// {key: value}, each value with its field's JSON type: a number, true/false, an array of
// choices, money as {amount_minor, currency}, a string for dates ("YYYY-MM-DD"), date-times and
// the text types.
boost::json::object custom_json(const core::CustomValues& values);

// Adds id, version, created_at, created_by, updated_at, updated_by and deleted_at to `out`.
void add_record_meta(boost::json::object& out, core::Id id, const core::RecordMeta& meta);

// {type, street, locality, region, postal_code, country}, as contacts and companies hold them.
boost::json::object address_json(const core::PostalAddress& address);

// The `addresses` array (null: none); the type defaults to work, other parts to empty.
std::vector<core::PostalAddress> read_addresses(ObjectReader& reader);

// A text field: absent leaves `target`, null clears it, a string sets it.
void read_text(ObjectReader& reader, std::string_view key, std::string& target);

// An id field: absent leaves `target`, null clears it, a positive integer sets it.
void read_id(ObjectReader& reader, std::string_view key, std::optional<core::Id>& target);

// A time field: absent leaves `target`, null clears it, an RFC 3339 string sets it.
void read_time(ObjectReader& reader, std::string_view key, std::optional<core::Timestamp>& target);

// An array of record ids; an error per item that is not a positive whole number.
std::vector<core::Id> read_ids(ObjectReader& reader, std::string_view key);

boost::json::value optional_time_json(const std::optional<core::Timestamp>& t);
boost::json::array ids_json(const std::vector<core::Id>& ids);

// An array of strings; an error per item that is not a string.
std::vector<std::string> read_strings(ObjectReader& reader, std::string_view key);

// `custom` merged by key into `values`: null removes a key; strings, booleans and numbers become
// text, arrays of strings choices, {amount_minor, currency} money. core::validate checks them
// against the definitions (and gives numbers their canonical text).
void read_custom(ObjectReader& reader, core::CustomValues& values);

}  // namespace rapport::http
