// The custom field definitions API under /api/v1/custom-fields: every signed-in user lists and
// reads them (forms need them); admins create, change (If-Match) and delete (If-Match) them.
#pragma once

#include "http/router.hpp"
#include "services/custom_field_service.hpp"

namespace rapport::http {

void add_custom_field_routes(Router& router, services::CustomFieldService& fields);

}  // namespace rapport::http
