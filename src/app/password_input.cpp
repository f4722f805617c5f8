// Password entry: a line from a pipe, or a twice-typed line at the terminal with echo off.
#include "app/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace rapport::app {
namespace {

// One line from standard input without "\n" or "\r\n"; nullopt at end of input.
std::optional<std::string> read_line() {
  std::string line;
  if (!std::getline(std::cin, line) && line.empty()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Turns terminal echo off for its lifetime, so a typed password never shows on screen.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) == 0) {
      termios quiet = saved_;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

std::optional<std::string> prompt_hidden(std::string_view prompt) {
  std::cerr << prompt << std::flush;
  std::optional<std::string> line;
  {
    EchoOff quiet;
    line = read_line();
  }
  std::cerr << '\n';
  return line;
}

}  // namespace

core::Result<std::string> read_new_password(std::string_view prompt) {
  if (isatty(STDIN_FILENO) == 0) {
    auto line = read_line();
    if (!line) return core::Error::field("password", "no password on standard input");
    return std::move(*line);
  }
  auto first = prompt_hidden(prompt);
  if (!first) return core::Error::field("password", "no password entered");
  auto second = prompt_hidden("Repeat it: ");
  if (!second || *second != *first) {
    return core::Error::field("password", "the two entries differ");
  }
  return std::move(*first);
}

}  // namespace rapport::app
