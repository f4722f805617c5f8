// Settings handlers: the JSON form is one object with every setting by name.
#include "http/settings_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"

namespace rapport::http {
namespace {

boost::json::object settings_to_json(const services::Settings& settings) {
  return {{"default_region", settings.default_region}};
}

core::Result<Response> read(services::SettingsService& settings, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto current, settings.get(caller));
  return Response::json(settings_to_json(current));
}

core::Result<Response> update(services::SettingsService& settings, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  RAPPORT_ASSIGN_OR_RETURN(
      auto updated, settings.update(caller, [&](services::Settings& next) -> core::Status {
        ObjectReader reader(body);
        reader.allow_only({"default_region"});
        if (auto region = reader.string("default_region")) next.default_region = *region;
        return reader.finish();
      }));
  return Response::json(settings_to_json(updated));
}

}  // namespace

void add_settings_routes(Router& router, services::SettingsService& settings) {
  auto bind = [&settings](auto handler) {
    return [&settings, handler](Request& r) { return handler(settings, r); };
  };
  router.get("/api/v1/settings", bind(read));
  router.patch("/api/v1/settings", bind(update));
}

}  // namespace rapport::http
