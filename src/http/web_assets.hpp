// The built web app (web/dist, made by Vite): its files read into memory when the server starts
// and served with their media type, a content-hash ETag and, when the client takes it, gzip; the
// hashed files under /assets/ cached for a year, index.html for every path of the app's own
// routes, all under a Content-Security-Policy that lets the page load its own files only.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace rapport::http {

// The page's policy: scripts, styles, fonts, images and API calls from this origin only; inline
// style attributes allowed (Mantine sets CSS variables through them), inline scripts not.
inline constexpr std::string_view kWebPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class WebAssets {
 public:
  // Reads every regular file under `dir`, which must hold index.html. kInvalid when it does not
  // or a file cannot be read.
  static core::Result<std::shared_ptr<const WebAssets>> load(const std::filesystem::path& dir);

  // The answer to a GET or HEAD of request.path: the file at that path; else, for a path that
  // names no file (its last segment has no '.') outside /api/, index.html, so that the app's
  // router shows the page; else 404.
  Response serve(const Request& request) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzipped;  // empty when compressing does not pay
    std::string etag;     // quoted
    bool immutable = false;
  };
  Response answer(const File& file, const Request& request) const;

  std::unordered_map<std::string, File> files_;  // by URL path, "/assets/index-3f2a.js"
};

// Serves `assets` for every GET or HEAD that no route takes (Router::set_fallback).
void add_web_app(Router& router, std::shared_ptr<const WebAssets> assets);

}  // namespace rapport::http
