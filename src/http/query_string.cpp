// Query splitting with Boost.URL's percent-decoding.
#include "http/query_string.hpp"

#include <boost/url/pct_string_view.hpp>

namespace rapport::http {
namespace {

core::Result<std::string> decode(std::string_view piece) {
  auto pct = boost::urls::make_pct_string_view(piece);
  if (!pct) return core::Error::invalid("the query string is not valid percent-encoding");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  return pct->decode(opts);
}

}  // namespace

core::Result<std::vector<QueryParam>> decode_query(std::string_view raw) {
  std::vector<QueryParam> out;
  while (!raw.empty()) {
    const std::size_t amp = raw.find('&');
    const std::string_view piece = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    RAPPORT_ASSIGN_OR_RETURN(std::string name, decode(piece.substr(0, eq)));
    std::string value;
    if (eq != std::string_view::npos) {
      RAPPORT_ASSIGN_OR_RETURN(value, decode(piece.substr(eq + 1)));
    }
    out.push_back({std::move(name), std::move(value)});
  }
  return out;
}

}  // namespace rapport::http
