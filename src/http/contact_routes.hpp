// The contacts API: list/search, create, read, update, trash, restore and erase under
// /api/v1/contacts. Reads carry an ETag (the version); PATCH, DELETE and restore require
// If-Match with it, answering 412 when the contact has moved on.
#pragma once

#include "http/router.hpp"
#include "services/contact_service.hpp"

namespace rapport::http {

void add_contact_routes(Router& router, services::ContactService& contacts);

}  // namespace rapport::http
