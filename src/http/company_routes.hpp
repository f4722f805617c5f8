// The companies API: list/search, create, read, update, trash, restore and erase under
// /api/v1/companies. Reads carry an ETag (the version); PATCH, DELETE and restore require
// If-Match with it, answering 412 when the company has moved on.
#pragma once

#include "http/router.hpp"
#include "services/company_service.hpp"

namespace rapport::http {

void add_company_routes(Router& router, services::CompanyService& companies);

}  // namespace rapport::http
