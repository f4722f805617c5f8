// Loading web/dist into memory and answering the browser's requests for it.
#include "http/web_assets.hpp"

#include <zlib.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

#include <boost/beast/core/string.hpp>

#include "http/problem.hpp"

namespace rapport::http {
namespace {

namespace fs = std::filesystem;

struct MediaType {
  std::string_view extension;
  std::string_view type;
  bool compressible;
};

constexpr std::array kMediaTypes{
    MediaType{".html", "text/html; charset=utf-8", true},
    MediaType{".js", "text/javascript; charset=utf-8", true},
    MediaType{".mjs", "text/javascript; charset=utf-8", true},
    MediaType{".css", "text/css; charset=utf-8", true},
    MediaType{".json", "application/json", true},
    MediaType{".webmanifest", "application/manifest+json", true},
    MediaType{".svg", "image/svg+xml", true},
    MediaType{".txt", "text/plain; charset=utf-8", true},
    MediaType{".map", "application/json", true},
    MediaType{".ttf", "font/ttf", true},
    MediaType{".woff2", "font/woff2", false},
    MediaType{".woff", "font/woff", false},
    MediaType{".png", "image/png", false},
    MediaType{".jpg", "image/jpeg", false},
    MediaType{".webp", "image/webp", false},
    MediaType{".ico", "image/x-icon", true},
};

const MediaType& media_type(const fs::path& file) {
  static constexpr MediaType kOther{"", "application/octet-stream", false};
  const std::string extension = file.extension().string();
  for (const MediaType& m : kMediaTypes) {
    if (boost::beast::iequals(m.extension, extension)) return m;
  }
  return kOther;
}

// `data` in gzip format at the best compression: done once per file at start-up.
std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return done == Z_STREAM_END ? out : std::string();
}

// Whether an Accept-Encoding header admits gzip (RFC 9110 §12.5.3): listed, or "*", without
// q=0.
bool accepts_gzip(std::string_view header) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    std::string_view coding = item.substr(0, semicolon);
    while (!coding.empty() && coding.front() == ' ') coding.remove_prefix(1);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (!boost::beast::iequals(coding, "gzip") && coding != "*") continue;
    std::string_view params = semicolon == std::string_view::npos ? "" : item.substr(semicolon);
    std::string compact;
    for (char c : params) {
      if (c != ' ') compact += c;
    }
    const bool refused = compact.starts_with(";q=0") &&
                         compact.find_first_not_of("0.", 4) == std::string::npos;
    return !refused;
  }
  return false;
}

}  // namespace

core::Result<std::shared_ptr<const WebAssets>> WebAssets::load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / "index.html", ec)) {
    return core::Error::field("--web", dir.string() + " holds no index.html (build the web app: "
                                                      "make build)");
  }
  auto assets = std::make_shared<WebAssets>();
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return core::Error::field("--web", "cannot read " + it->path().string());
    const fs::path relative = fs::relative(it->path(), dir, ec);
    const MediaType& type = media_type(relative);
    File file;
    file.content_type = type.type;
    file.body = std::move(body).str();
    file.etag = "\"" + content_etag(file.body) + "\"";
    if (type.compressible && file.body.size() > 512) {
      std::string packed = gzip(file.body);
      // Only a clear gain is worth the Vary header and a second copy in memory.
      if (!packed.empty() && packed.size() < file.body.size() * 9 / 10) file.gzipped = packed;
    }
    // Vite names what it builds under assets/ by content hash: a new build means a new name.
    file.immutable = relative.begin() != relative.end() && *relative.begin() == "assets";
    assets->files_.emplace("/" + relative.generic_string(), std::move(file));
  }
  if (ec) return core::Error::field("--web", "cannot list " + dir.string() + ": " + ec.message());
  return std::shared_ptr<const WebAssets>(std::move(assets));
}

Response WebAssets::answer(const File& file, const Request& request) const {
  const auto accept = request.header("Accept-Encoding");
  const bool packed = !file.gzipped.empty() && accept && accepts_gzip(*accept);
  Response r = Response::text(packed ? file.gzipped : file.body, file.content_type);
  if (packed) r.set_header("Content-Encoding", "gzip");
  if (!file.gzipped.empty()) r.set_header("Vary", "Accept-Encoding");
  // Each encoding is its own representation, with its own strong validator (RFC 9110 §8.8.3).
  r.set_header("ETag", packed ? file.etag.substr(0, file.etag.size() - 1) + "-gzip\"" : file.etag);
  r.set_header("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.set_header("Content-Security-Policy", kWebPolicy);
  r.set_header("X-Frame-Options", "DENY");
  return r;
}

Response WebAssets::serve(const Request& request) const {
  const std::string& path = request.path;
  if (auto found = files_.find(path); found != files_.end()) return answer(found->second, request);
  const std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  const bool api = path == "/api" || path.starts_with("/api/");
  if (api || last.find('.') != std::string_view::npos) {
    return problem_response(Status::not_found, "not_found", "no resource at this path");
  }
  return answer(files_.at("/index.html"), request);
}

void add_web_app(Router& router, std::shared_ptr<const WebAssets> assets) {
  router.set_fallback([assets = std::move(assets)](Request& request) -> core::Result<Response> {
    return assets->serve(request);
  });
}

}  // namespace rapport::http
