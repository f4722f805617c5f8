// The activities API: list/search, create, read, update, trash, restore and erase under
// /api/v1/activities. Reads carry an ETag (the version); PATCH, DELETE and restore require
// If-Match with it, answering 412 when the activity has moved on.
#pragma once

#include "http/router.hpp"
#include "services/activity_service.hpp"

namespace rapport::http {

void add_activity_routes(Router& router, services::ActivityService& activities);

}  // namespace rapport::http
