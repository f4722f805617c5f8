// Error kinds → statuses, and the problem+json shape clients rely on.
#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace rapport::http {
namespace {

boost::json::object body_of(const Response& r) { return boost::json::parse(r.body()).as_object(); }

TEST(Problem, InvalidIs400WithoutFieldsAnd422WithThem) {
  EXPECT_EQ(status_for(core::Error::invalid("malformed JSON")), Status::bad_request);
  EXPECT_EQ(status_for(core::Error::field("limit", "too big")), Status::unprocessable_entity);
}

TEST(Problem, EveryKindHasItsStatus) {
  EXPECT_EQ(status_for(core::Error::unauthenticated("x")), Status::unauthorized);
  EXPECT_EQ(status_for(core::Error::forbidden("x")), Status::forbidden);
  EXPECT_EQ(status_for(core::Error::not_found("x")), Status::not_found);
  EXPECT_EQ(status_for(core::Error::conflict("x")), Status::conflict);
  EXPECT_EQ(status_for(core::Error::stale("x")), Status::precondition_failed);
  EXPECT_EQ(status_for(core::Error::too_large("x")), Status::payload_too_large);
  EXPECT_EQ(status_for(core::Error::rate_limited("x")), Status::too_many_requests);
  EXPECT_EQ(status_for(core::Error::unavailable("x")), Status::service_unavailable);
  EXPECT_EQ(status_for(core::Error::internal("x")), Status::internal_server_error);
}

TEST(Problem, BodyCarriesTypeTitleStatusDetailAndFieldErrors) {
  const Response r = problem_response(core::Error::invalid(
      "bad fields", {{"emails/0/address", "not an email"}, {"tags", "must be an array"}}));
  EXPECT_EQ(r.content_type(), kProblemType);
  const auto body = body_of(r);
  EXPECT_EQ(body.at("type").as_string(), "/problems/invalid");
  EXPECT_EQ(body.at("status").as_int64(), 422);
  EXPECT_EQ(body.at("detail").as_string(), "bad fields");
  EXPECT_FALSE(body.at("title").as_string().empty());
  const auto& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field").as_string(), "emails/0/address");
  EXPECT_EQ(errors[1].at("message").as_string(), "must be an array");
}

TEST(Problem, InternalDetailNeverReachesTheClient) {
  const Response r = problem_response(core::Error::internal("SQLITE_CORRUPT in /var/secret.db"));
  EXPECT_EQ(r.status(), Status::internal_server_error);
  EXPECT_EQ(r.body().find("secret"), std::string::npos);
  EXPECT_FALSE(body_of(r).contains("errors"));
}

TEST(Problem, RateLimitedCarriesRetryAfter) {
  const Response given =
      problem_response(core::Error::rate_limited("slow down"), std::chrono::seconds(7));
  ASSERT_NE(given.find_header("Retry-After"), nullptr);
  EXPECT_EQ(*given.find_header("Retry-After"), "7");
  const Response fallback = problem_response(core::Error::rate_limited("slow down"));
  ASSERT_NE(fallback.find_header("retry-after"), nullptr);
  EXPECT_EQ(*fallback.find_header("Retry-After"), "1");
  EXPECT_EQ(problem_response(core::Error::not_found("x")).find_header("Retry-After"), nullptr);
}

}  // namespace
}  // namespace rapport::http
