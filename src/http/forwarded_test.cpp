// Tests for taking the client address from X-Forwarded-For only behind a trusted proxy.
#include "http/forwarded.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

const std::vector<std::string> kProxies{"10.0.0.2", "10.0.0.3"};

TEST(Forwarded, AnUntrustedPeerIsTheClientWhateverItClaims) {
  EXPECT_EQ(forwarded_client("203.0.113.9", {"198.51.100.1"}, kProxies), std::nullopt);
  EXPECT_EQ(forwarded_client("203.0.113.9", {"198.51.100.1"}, {}), std::nullopt);
}

TEST(Forwarded, TheNearestUntrustedHopIsTheClient) {
  EXPECT_EQ(forwarded_client("10.0.0.2", {"198.51.100.1"}, kProxies), "198.51.100.1");
  // The client's own claim (left) is not believed; the hop our proxy saw is.
  EXPECT_EQ(forwarded_client("10.0.0.2", {"1.2.3.4, 198.51.100.1"}, kProxies), "198.51.100.1");
  // Proxies chained through trusted hops, over two header lines.
  EXPECT_EQ(forwarded_client("10.0.0.2", {"1.2.3.4, 198.51.100.1", " 10.0.0.3 "}, kProxies),
            "198.51.100.1");
  EXPECT_EQ(forwarded_client("10.0.0.2", {"2001:DB8::1"}, kProxies), "2001:db8::1");
}

TEST(Forwarded, NoUsableHopKeepsThePeer) {
  EXPECT_EQ(forwarded_client("10.0.0.2", {}, kProxies), std::nullopt);
  EXPECT_EQ(forwarded_client("10.0.0.2", {"unknown"}, kProxies), std::nullopt);
  EXPECT_EQ(forwarded_client("10.0.0.2", {"198.51.100.1, junk"}, kProxies), std::nullopt);
  EXPECT_EQ(forwarded_client("10.0.0.2", {"10.0.0.3"}, kProxies), std::nullopt);
}

TEST(Forwarded, TrustedProxiesMustBeAddresses) {
  EXPECT_TRUE(check_trusted_proxies({"10.0.0.2", "::1"}).ok());
  EXPECT_FALSE(check_trusted_proxies({"proxy.example"}).ok());
}

}  // namespace
}  // namespace rapport::http
