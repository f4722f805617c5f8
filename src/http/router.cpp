// Template matching, route precedence, middleware chain and the 404/405 answers.
#include "http/router.hpp"

#include <sodium.h>
#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/verb.hpp>

#include <stdexcept>

#include "http/failure_log.hpp"
#include "http/problem.hpp"

namespace rapport::http {
namespace {

bool is_param(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches segments against a template; on success fills params and returns a precedence key
// where a literal segment ranks above a parameter at the same position.
std::optional<std::vector<bool>> match_segments(
    const Route& route, const std::vector<std::string>& segments,
    std::vector<std::pair<std::string, std::string>>& params) {
  if (route.segments.size() != segments.size()) return std::nullopt;
  std::vector<bool> literal(segments.size());
  params.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& t = route.segments[i];
    if (is_param(t)) {
      if (segments[i].empty()) return std::nullopt;
      params.emplace_back(t.substr(1, t.size() - 2), segments[i]);
    } else if (t != segments[i]) {
      return std::nullopt;
    } else {
      literal[i] = true;
    }
  }
  return literal;
}

// Whether a Content-Type names JSON: application/json, any case, with or without parameters
// such as charset.
bool is_json_media_type(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  return boost::beast::iequals(type, "application/json");
}

// Whether If-None-Match matches `etag` (RFC 9110 §13.1.2): `*`, or a list holding the same tag
// under the weak comparison (a W/ prefix on either side is ignored).
bool none_match(std::string_view condition, std::string_view etag) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  condition = trim(condition);
  if (condition == "*") return true;
  while (!condition.empty()) {
    const std::size_t comma = condition.find(',');
    if (opaque(trim(condition.substr(0, comma))) == opaque(etag)) return true;
    if (comma == std::string_view::npos) break;
    condition.remove_prefix(comma + 1);
  }
  return false;
}

// The 304 for a read the client already holds: no body, and the headers the 200 would carry
// (ETag, Cache-Control) as RFC 9110 §15.4.5 asks.
Response not_modified(const Response& full) {
  Response r = Response::text({}, {}, Status::not_modified);
  for (const auto& [name, value] : full.headers()) r.set_header(name, value);
  return r;
}

}  // namespace

std::string content_etag(const std::string& content) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    out.emplace_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

void Router::add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  routes_.push_back(
      Route{method, std::string(pattern), split_path(pattern), std::move(handler), options});
}

void Router::get(std::string_view p, Handler h, RouteOptions o) {
  add(Method::get, p, std::move(h), o);
}
void Router::post(std::string_view p, Handler h, RouteOptions o) {
  add(Method::post, p, std::move(h), o);
}
void Router::put(std::string_view p, Handler h, RouteOptions o) {
  add(Method::put, p, std::move(h), o);
}
void Router::patch(std::string_view p, Handler h, RouteOptions o) {
  add(Method::patch, p, std::move(h), o);
}
void Router::del(std::string_view p, Handler h, RouteOptions o) {
  add(Method::delete_, p, std::move(h), o);
}

void Router::add_static(std::string_view pattern, std::string content_type, std::string content) {
  const std::string etag = "\"" + content_etag(content) + "\"";
  get(
      pattern,
      [etag, content_type = std::move(content_type),
       content = std::move(content)](Request&) -> core::Result<Response> {
        Response r = Response::text(content, content_type);
        r.set_header("ETag", etag);
        r.set_header("Cache-Control", "no-cache");
        return r;
      },
      RouteOptions{.body_limit = 0, .limit_group = LimitGroup::kNone});
}

void Router::set_fallback(Handler handler) {
  fallback_ = Route{.method = Method::get,
                    .pattern = "/*",
                    .segments = {},
                    .handler = std::move(handler),
                    .options = RouteOptions{
                        .body_limit = 0, .limit_group = LimitGroup::kNone, .public_file = true}};
}

void Router::use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

RouteMatch Router::match(Method method, const std::vector<std::string>& segments) const {
  RouteMatch result;
  std::optional<std::vector<bool>> best;
  std::vector<std::pair<std::string, std::string>> params;
  for (const Route& route : routes_) {
    auto rank = match_segments(route, segments, params);
    if (!rank) continue;
    // HEAD is GET without the body (RFC 9110 §9.3.2): the server drops the body it returns.
    const bool serves = route.method == method || (method == Method::head && route.method == Method::get);
    if (!serves) {
      for (Method m : {route.method, Method::head}) {
        if (m == Method::head && route.method != Method::get) continue;
        if (std::find(result.allowed.begin(), result.allowed.end(), m) == result.allowed.end())
          result.allowed.push_back(m);
      }
      continue;
    }
    if (!best || *rank > *best) {
      best = std::move(rank);
      result.route = &route;
      result.params = params;
    }
  }
  if (result.route) {
    result.allowed.clear();
  } else if (fallback_ && result.allowed.empty() &&
             (method == Method::get || method == Method::head)) {
    result.route = &*fallback_;
  }
  return result;
}

Response Router::dispatch(const Route& route, Request& request) const {
  if (!route.options.public_file) {
    for (const Middleware& m : middleware_) {
      if (auto early = m(request)) return std::move(*early);
    }
  }
  // Every body the API reads is JSON. Refusing other types (rather than parsing whatever came)
  // keeps a cross-site HTML form, which can only send form or text bodies, from reaching a
  // route, sign-in included: that is what stops login CSRF.
  if (!request.body.empty()) {
    const auto type = request.header("Content-Type");
    if (!type || !is_json_media_type(*type)) {
      return problem_response(Status::unsupported_media_type, "unsupported_media_type",
                              "the body must be JSON, sent as Content-Type: application/json");
    }
  }
  if (route.options.requires_if_match && !request.header("If-Match")) {
    return problem_response(Status::precondition_required, "precondition_required",
                            "this write needs If-Match with the ETag of the version you read "
                            "(or * for whatever version is current)");
  }
  auto result = route.handler(request);
  if (!result.ok()) {
    if (static_cast<unsigned>(status_for(result.error())) >= 500) {
      log_server_error(route.pattern, result.error());
    }
    return problem_response(result.error());
  }
  Response response = std::move(result).value();
  const auto condition = request.header("If-None-Match");
  const std::string* etag = response.find_header("ETag");
  if (route.method == Method::get && response.status() == Status::ok && condition && etag &&
      none_match(*condition, *etag)) {
    return not_modified(response);
  }
  return response;
}

Response no_route_response(const RouteMatch& match) {
  if (match.allowed.empty()) {
    return problem_response(Status::not_found, "not_found", "no resource at this path");
  }
  std::string allow;
  for (Method m : match.allowed) {
    if (!allow.empty()) allow += ", ";
    allow += boost::beast::http::to_string(m);
  }
  Response r = problem_response(Status::method_not_allowed, "method_not_allowed",
                                "this path accepts " + allow);
  r.set_header("Allow", allow);
  return r;
}

}  // namespace rapport::http
