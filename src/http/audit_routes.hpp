// The audit log API: GET /api/v1/audit (admins), newest first, filtered by actor_id, action,
// object_type, object_id and a from/to time range, in keyset pages.
#pragma once

#include "http/router.hpp"
#include "services/audit_service.hpp"

namespace rapport::http {

void add_audit_routes(Router& router, services::AuditService& audit);

}  // namespace rapport::http
