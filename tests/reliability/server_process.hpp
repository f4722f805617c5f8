// Shared by the reliability harnesses: the real `rapport serve` as a child process, a raw TCP
// connection to it with deadlines on every wait, and a minimal HTTP/1.1 response reader.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace rapport::reliability {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A raw TCP connection to 127.0.0.1:port with deadlines on every wait.
class Connection {
 public:
  explicit Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  bool ok() const { return fd_ >= 0; }

  // Writes all of `data`, reading what the server sends meanwhile into `received` so that
  // neither side blocks the other. False when the connection fails before all is written.
  bool write_all(std::string_view data, std::string& received, bool& eof) {
    while (!data.empty()) {
      pollfd p{fd_, static_cast<short>(eof ? POLLOUT : POLLOUT | POLLIN), 0};
      if (::poll(&p, 1, 10000) <= 0) return false;
      if ((p.revents & POLLIN) && !eof) read_some(received, eof);
      if (p.revents & (POLLERR | POLLHUP)) return false;
      if (!(p.revents & POLLOUT)) continue;
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) continue;
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads what is available within `wait`; false when nothing came (a timeout).
  bool read_within(std::chrono::milliseconds wait, std::string& received, bool& eof,
                   bool& reset) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return false;
    if (!read_some(received, eof)) reset = true;
    return true;
  }

 private:
  // False on a reset (or any read error).
  bool read_some(std::string& received, bool& eof) {
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0) eof = true;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) return true;
      eof = true;
      return false;
    }
    if (n > 0) received.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
};

struct Answer {
  int status = 0;
  std::map<std::string, std::string> fields;  // names in lower case
  std::string body;
};

// Takes one whole response off the front of `data` (status line, fields, Content-Length body);
// nullopt while it is incomplete.
inline std::optional<Answer> take_response(std::string& data, bool head) {
  const std::size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) return std::nullopt;
  const std::string header = data.substr(0, end + 2);
  Answer answer;
  if (header.rfind("HTTP/1.", 0) != 0 || header.size() < 12) {
    answer.status = -1;  // not a response at all
    data.clear();
    return answer;
  }
  answer.status = std::atoi(header.substr(9, 3).c_str());
  std::size_t length = 0;
  std::istringstream lines(header);
  std::string line;
  std::getline(lines, line);  // the status line
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    if (name == "content-length") length = std::stoul(value);
    answer.fields[name] = value;
  }
  if (head || answer.status == 304 || answer.status == 204) length = 0;
  if (data.size() < end + 4 + length) return std::nullopt;
  answer.body = data.substr(end + 4, length);
  data.erase(0, end + 4 + length);
  return answer;
}

// One request on `conn` and its whole answer; nullopt when the connection fails or no whole
// answer comes within `wait` (the caller cannot tell whether the server acted on it).
inline std::optional<Answer> round_trip(Connection& conn, std::string_view request,
                                      std::chrono::milliseconds wait = 10s) {
  std::string received;
  bool eof = false;
  bool reset = false;
  if (!conn.write_all(request, received, eof)) return std::nullopt;
  const auto deadline = Clock::now() + wait;
  while (Clock::now() < deadline) {
    if (auto answer = take_response(received, false)) return answer;
    if (eof || reset) return std::nullopt;
    conn.read_within(200ms, received, eof, reset);
  }
  return std::nullopt;
}

// `rapport serve` as a child process on port 0, its port read from its start-up line; its
// standard output and error go to `log`. Ended with SIGTERM when destroyed unless already killed.
class ServerProcess {
 public:
  ServerProcess(const std::string& binary, const std::vector<std::string>& serve_args,
                std::filesystem::path log)
      : log_(std::move(log)) {
    std::vector<std::string> args{binary, "serve", "--listen", "127.0.0.1:0"};
    args.insert(args.end(), serve_args.begin(), serve_args.end());
    // A restart must not read the previous run's port from a log the child has not yet truncated.
    std::filesystem::remove(log_);
    pid_ = ::fork();
    if (pid_ == 0) {
      std::FILE* out = std::freopen(log_.c_str(), "w", stderr);
      if (!out) std::_Exit(127);
      ::dup2(STDERR_FILENO, STDOUT_FILENO);  // its log lines too, not the harness's output
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      std::_Exit(127);
    }
  }
  ~ServerProcess() { stop(SIGTERM); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Sends `signal` and reaps the process.
  void stop(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
  }

  // The port from "… on http://127.0.0.1:PORT/api/v1/", or 0 when the server did not start.
  int wait_for_port() {
    const auto deadline = Clock::now() + 60s;
    while (Clock::now() < deadline) {
      std::ifstream in(log_);
      std::string line;
      // Only a whole line: read while the server is still writing it, the port may be cut short.
      while (std::getline(in, line) && !in.eof()) {
        const std::size_t at = line.find("http://127.0.0.1:");
        const int port = at == std::string::npos ? 0 : std::atoi(line.c_str() + at + 17);
        if (port > 0) return port;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        return 0;
      }
      std::this_thread::sleep_for(50ms);
    }
    return 0;
  }
  pid_t pid() const { return pid_; }
  const std::filesystem::path& log() const { return log_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path log_;
};

}  // namespace rapport::reliability
