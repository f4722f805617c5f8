// The metadata API: GET /api/v1/meta describes every record kind the caller may read — its
// fields (type, options, required, read-only, sortable, filterable with which operators,
// searchable, label keys for translation), its custom fields, links and flags, and the caller's
// permitted actions with their scope.
#pragma once

#include "http/router.hpp"
#include "services/meta_service.hpp"

namespace rapport::http {

void add_meta_routes(Router& router, services::MetaService& meta);

}  // namespace rapport::http
