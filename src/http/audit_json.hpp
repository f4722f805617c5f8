// JSON form of an audit log entry on the wire.
#pragma once

#include <boost/json.hpp>

#include "core/audit_entry.hpp"

namespace rapport::http {

// id, actor_id (null: the console or an anonymous event), action, object_type, object_id,
// changes (the field-level before/after object), at, client_address.
boost::json::object audit_entry_to_json(const core::AuditEntry& entry);

}  // namespace rapport::http
