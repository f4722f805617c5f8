// Audit handler: query parameters → store::AuditQuery, the service authorises and pages.
#include "http/audit_routes.hpp"

#include "http/audit_json.hpp"
#include "http/auth_middleware.hpp"
#include "http/record_routes.hpp"
#include "http/route_params.hpp"

namespace rapport::http {
namespace {

constexpr std::string_view kCursorTag = "audit.id";
constexpr std::size_t kMaxNameBytes = 64;

core::Result<std::optional<std::string>> name_param(const QueryParams& params,
                                                    std::string_view name) {
  auto value = params.text(name);
  if (value && (value->empty() || value->size() > kMaxNameBytes)) {
    return core::Error::field(std::string(name), "must be 1 to 64 bytes");
  }
  return value;
}

core::Result<Response> list(services::AuditService& audit, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(
      auto params, QueryParams::parse(request, {"actor_id", "action", "object_type", "object_id",
                                                "from", "to", "limit", "after"}));
  store::AuditQuery query;
  RAPPORT_ASSIGN_OR_RETURN(query.actor_id, params.id("actor_id"));
  RAPPORT_ASSIGN_OR_RETURN(query.action, name_param(params, "action"));
  RAPPORT_ASSIGN_OR_RETURN(query.object_type, name_param(params, "object_type"));
  RAPPORT_ASSIGN_OR_RETURN(query.object_id, params.id("object_id"));
  RAPPORT_ASSIGN_OR_RETURN(query.from, params.time("from"));
  RAPPORT_ASSIGN_OR_RETURN(query.to, params.time("to"));
  RAPPORT_ASSIGN_OR_RETURN(query.limit, params.limit());
  RAPPORT_ASSIGN_OR_RETURN(query.before_id, params.after(kCursorTag));
  RAPPORT_ASSIGN_OR_RETURN(auto page, audit.list(caller, query));
  boost::json::array items;
  for (const auto& e : page.items) items.push_back(audit_entry_to_json(e));
  return page_response(std::move(items), id_cursor(kCursorTag, page.next));
}

}  // namespace

void add_audit_routes(Router& router, services::AuditService& audit) {
  router.get("/api/v1/audit", [&audit](Request& r) { return list(audit, r); });
}

}  // namespace rapport::http
