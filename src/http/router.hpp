// Routes: method + path template ("/api/v1/contacts/{id}") → handler, with middleware that runs
// before every matched handler (authentication, CSRF, rate limits).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace rapport::http {

// A handler returns its response, or a domain error that becomes a problem+json response.
// Handlers run on the handler thread pool and may block (store calls).
using Handler = std::function<core::Result<Response>(Request&)>;

// Middleware runs in the order added, before the handler of a matched route. It may fill
// `Request::auth`; returning a response ends the request with it (the handler is not called).
using Middleware = std::function<std::optional<Response>(Request&)>;

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;  // "{name}" marks a parameter
  Handler handler;
  RouteOptions options;
};

// What the router knows about a method + path before the body is read.
struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<Method> allowed;  // when route is null: the methods the path accepts (empty: 404)
};

class Router {
 public:
  // Registers a route. A template is '/'-separated segments; "{name}" captures one whole
  // decoded segment. Where two templates match a path, the one with a literal segment earlier
  // wins ("/contacts/search" over "/contacts/{id}").
  void add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void get(std::string_view pattern, Handler handler, RouteOptions options = {});
  void post(std::string_view pattern, Handler handler, RouteOptions options = {});
  void put(std::string_view pattern, Handler handler, RouteOptions options = {});
  void patch(std::string_view pattern, Handler handler, RouteOptions options = {});
  void del(std::string_view pattern, Handler handler, RouteOptions options = {});

  // Serves a fixed text asset (the OpenAPI document, a web page) on GET with a content-hash
  // ETag. Such routes draw on no rate-limit budget.
  void add_static(std::string_view pattern, std::string content_type, std::string content);

  // Answers every GET or HEAD whose path no route takes, as a public file (the web app's pages
  // and assets); without one such a path gets 404.
  void set_fallback(Handler handler);

  void use(Middleware middleware);

  // Every registered route, in registration order (the OpenAPI test compares them).
  const std::vector<Route>& routes() const { return routes_; }

  // Finds the route for a method and a path given as decoded segments (see split_path). HEAD
  // finds the GET route.
  RouteMatch match(Method method, const std::vector<std::string>& segments) const;

  // Runs the middleware chain, then the route's handler, mapping a returned error to its
  // problem. Before the handler: a body that is not JSON gets 415, a route that requires
  // If-Match without it 428. After it: a GET or HEAD whose If-None-Match matches the 200's ETag
  // gets 304. Handler exceptions escape to the caller (the server turns them into a logged 500).
  Response dispatch(const Route& route, Request& request) const;

 private:
  std::vector<Route> routes_;
  std::optional<Route> fallback_;
  std::vector<Middleware> middleware_;
};

// A content hash for the ETag of a fixed file (BLAKE2b, 128 bits, hex, without quotes).
std::string content_etag(const std::string& content);

// The problem for a path with no route (404) or a method the path does not take (405 + Allow).
Response no_route_response(const RouteMatch& match);

// Splits a path (without query) into segments at '/', ignoring one trailing '/'; segments are
// returned as given (the server passes them percent-decoded).
std::vector<std::string> split_path(std::string_view path);

}  // namespace rapport::http
