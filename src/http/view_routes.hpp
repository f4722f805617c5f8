// The saved-view resource: GET/POST /api/v1/views (GET takes kind=…), GET/PATCH/DELETE
// /api/v1/views/{id}.
#pragma once

#include "http/router.hpp"
#include "services/view_service.hpp"

namespace rapport::http {

void add_view_routes(Router& router, services::ViewService& views);

}  // namespace rapport::http
