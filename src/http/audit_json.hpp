// JSON form of an audit log entry on the wire.
#pragma once

#include <boost/json.hpp>

#include "core/audit_entry.hpp"

namespace rapport::http {

// id, actor_id (null: the console or an anonymous event), action, object_type, object_id,
// changes (the field-level before/after object), at, client_address.
boost::json::object audit_entry_to_json(const core::AuditEntry& entry);

// An entry as a change on its record's timeline: id, actor_id, action, at, redacted (true once
// the record's data was erased) and changes (the before/after object; null when redacted). The
// client address stays in the admins' audit log.
boost::json::object audit_change_to_json(const core::AuditEntry& entry);

}  // namespace rapport::http
