// HTTP conformance harness (issue 14, harness 5, short form): starts the real `rapport serve` on a
// throwaway SQLite database and sends it raw bytes over TCP — request smuggling shapes, oversized
// and slow requests, pipelining — checking each answer against the one RFC 9110/9112 asks for.
// Prints one line per case and the count; exits non-zero when any case is not as expected.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server_process.hpp"

namespace {

using namespace rapport::reliability;

constexpr int kReadTimeoutSeconds = 2;  // the server's --read-timeout, so stalls end quickly

// What is sent: pieces written in order, with a pause before each piece after the first.
struct Send {
  std::vector<std::string> pieces = {};
  std::chrono::milliseconds pause{0};
};

struct Case {
  std::string name;
  Send send;
  std::vector<int> statuses;  // the answers expected, in order
  bool closes = false;        // the server must close the connection after them
  std::vector<bool> head = {};  // per answer: it answers HEAD (no body whatever Content-Length says)
};

// Runs one case; returns the problem, or an empty string when the server answered as expected.
std::string run(const Case& c, int port) {
  Connection conn(port);
  if (!conn.ok()) return "cannot connect";
  std::string received;
  bool eof = false;
  bool reset = false;
  for (std::size_t i = 0; i < c.send.pieces.size(); ++i) {
    if (i > 0 && c.send.pause.count() > 0) std::this_thread::sleep_for(c.send.pause);
    if (!conn.write_all(c.send.pieces[i], received, eof)) return "the connection failed while sending";
  }
  std::vector<int> got;
  const auto deadline = Clock::now() + std::chrono::seconds(kReadTimeoutSeconds + 8);
  auto parse = [&] {
    while (true) {
      const bool head = got.size() < c.head.size() && c.head[got.size()];
      auto answer = take_response(received, head);
      if (!answer) break;
      got.push_back(answer->status);
    }
  };
  parse();
  while (got.size() < c.statuses.size() && !eof && Clock::now() < deadline) {
    conn.read_within(200ms, received, eof, reset);
    parse();
  }
  if (c.closes) {
    while (!eof && Clock::now() < deadline) {
      conn.read_within(200ms, received, eof, reset);
      parse();
    }
  } else {
    // Nothing more, and the connection stays open.
    conn.read_within(300ms, received, eof, reset);
    parse();
  }
  std::ostringstream problem;
  if (got != c.statuses) {
    problem << "answers [";
    for (int s : got) problem << ' ' << s;
    problem << " ] expected [";
    for (int s : c.statuses) problem << ' ' << s;
    problem << " ]" << (reset ? " (reset)" : "");
  } else if (reset) {
    problem << "the connection was reset";
  } else if (c.closes && !eof) {
    problem << "the connection stayed open";
  } else if (!c.closes && eof) {
    problem << "the connection was closed";
  }
  return problem.str();
}

std::string request(std::string_view head_lines, std::string_view body = {}) {
  return std::string(head_lines) + "\r\n" + std::string(body);
}

std::vector<Case> cases() {
  const std::string post = "POST /api/v1/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n";
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
  const std::string health = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
  std::vector<Case> out;
  // Framing a front end could read differently: 400, and the smuggled request never served.
  const std::vector<std::pair<std::string, std::string>> smuggling = {
      {"TE identity", "Transfer-Encoding: identity\r\n"},
      {"TE xchunked", "Transfer-Encoding: xchunked\r\n"},
      {"TE quoted chunked", "Transfer-Encoding: \"chunked\"\r\n"},
      {"TE chunked, identity", "Transfer-Encoding: chunked, identity\r\n"},
      {"TE identity, chunked", "Transfer-Encoding: identity, chunked\r\n"},
      {"TE gzip, chunked", "Transfer-Encoding: gzip, chunked\r\n"},
      {"TE twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"},
      {"TE then CL", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
      {"CL then TE", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"},
      {"TE identity with CL", "Transfer-Encoding: identity\r\nContent-Length: 5\r\n"},
      {"CL twice, same value", "Content-Length: 5\r\nContent-Length: 5\r\n"},
      {"CL list", "Content-Length: 5, 5\r\n"},
      {"CL conflicting", "Content-Length: 5\r\nContent-Length: 6\r\n"},
      {"CL negative", "Content-Length: -5\r\n"},
      {"CL with sign", "Content-Length: +5\r\n"},
      {"obs-fold in TE", "Transfer-Encoding:\r\n chunked\r\n"},
      {"obs-fold in another field", "X-Note: one\r\n\ttwo\r\n"},
      {"space before the colon", "Transfer-Encoding : chunked\r\n"},
  };
  for (const auto& [name, fields] : smuggling) {
    out.push_back({"smuggling: " + name, {{post + fields + "\r\n0\r\n\r\n" + smuggled}}, {400}, true});
  }
  out.push_back({"smuggling: TE in HTTP/1.0",
                 {{"POST /api/v1/session HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
                   smuggled}},
                 {400},
                 true});
  out.push_back({"smuggling: chunk size overflow",
                 {{post + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nx\r\n0\r\n\r\n" +
                   smuggled}},
                 {400},
                 true});
  out.push_back({"garbage request line", {{"NOT HTTP AT ALL\r\n\r\n"}}, {400}, true});

  // Oversized: answered (the client sending the whole body still reads the answer), then closed.
  const std::string big(2 * 1024 * 1024, 'x');
  out.push_back({"oversized: Content-Length body sent whole",
                 {{post + "Content-Length: " + std::to_string(big.size()) + "\r\n\r\n", big}},
                 {413},
                 true});
  std::string chunks;
  for (int i = 0; i < 512; ++i) chunks += "1000\r\n" + std::string(0x1000, 'x') + "\r\n";
  out.push_back({"oversized: chunked body sent whole",
                 {{post + "Transfer-Encoding: chunked\r\n\r\n", chunks + "0\r\n\r\n"}},
                 {413},
                 true});
  out.push_back({"oversized: header block",
                 {{"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(20000, 'a') +
                   "\r\n\r\n"}},
                 {431},
                 true});

  // Slow: a client that keeps sending is served; one that stalls is cut off at the read timeout.
  Send trickle;
  trickle.pause = 40ms;
  for (char ch : health) trickle.pieces.emplace_back(1, ch);
  out.push_back({"slow: header one byte per 40 ms", trickle, {200}, false});
  out.push_back({"slow: header stalls", {{"GET /healthz HTTP/1.1\r\nHost: t\r\n"}}, {}, true});
  out.push_back({"slow: body stalls", {{post + "Content-Length: 100\r\n\r\n{\"email\":"}}, {}, true});

  // Pipelining: answers in order on one connection.
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += health;
  out.push_back({"pipelining: ten GETs in one write", {{ten}}, std::vector<int>(10, 200), false});
  out.push_back({"pipelining: GET, HEAD, GET",
                 {{health + "HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n" +
                   "GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n"}},
                 {200, 200, 200},
                 false,
                 {false, true, false}});
  const std::string bad_login = R"({"email":"nobody@example.org","password":"wrong password"})";
  out.push_back({"pipelining: chunked body, then GET",
                 {{post + "Transfer-Encoding: chunked\r\n\r\n" + [&] {
                     char size[16];
                     std::snprintf(size, sizeof size, "%zx", bad_login.size());
                     return std::string(size) + "\r\n" + bad_login + "\r\n0\r\n\r\n";
                   }() + health}},
                 {401, 200},
                 false});
  out.push_back({"pipelining: good request, then a smuggling shape",
                 {{health + post + "Transfer-Encoding: identity\r\n\r\n" + smuggled}},
                 {200, 400},
                 true});
  out.push_back({"pipelining: Connection: close ends the connection",
                 {{"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" + health}},
                 {200},
                 true});
  out.push_back({"HTTP/1.0 without keep-alive", {{"GET /healthz HTTP/1.0\r\n\r\n"}}, {200}, true});
  out.push_back({"form body on sign-in",
                 {{request("POST /api/v1/session HTTP/1.1\r\nHost: t\r\nContent-Type: "
                           "application/x-www-form-urlencoded\r\nContent-Length: 23\r\n",
                           "email=a%40b.c&password=")}},
                 {415},
                 false});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: http_conformance PATH-TO-RAPPORT\n";
    return 2;
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rapport_http_conformance_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int failed = 0;
  std::size_t count = 0;
  {
    ServerProcess server(argv[1],
                         {"--database", (dir / "conformance.db").string(), "--read-timeout",
                          std::to_string(kReadTimeoutSeconds), "--rate-limit", "0"},
                         dir / "serve.log");
    const int port = server.wait_for_port();
    if (port == 0) {
      std::cerr << "http_conformance: the server did not start; its log:\n"
                << std::ifstream(server.log()).rdbuf();
      std::filesystem::remove_all(dir);
      return 1;
    }
    const auto all = cases();
    count = all.size();
    for (const Case& c : all) {
      const std::string problem = run(c, port);
      std::cout << (problem.empty() ? "ok    " : "FAIL  ") << c.name
                << (problem.empty() ? "" : ": " + problem) << "\n";
      if (!problem.empty()) ++failed;
    }
  }
  std::filesystem::remove_all(dir);
  std::cout << "http conformance: " << count << " cases, " << count - failed
            << " answered as expected, " << failed << " not\n";
  return failed == 0 ? 0 : 1;
}
