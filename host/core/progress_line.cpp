#include "core/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace ledgerhost {
namespace {

std::mutex progress_mutex;
std::string shown;  // the line on the terminal now; empty when none

void Write(const std::string& text) {
  const ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
  (void)ignored;
}

// "\r" back to the line's start, ESC[K erases it: the line is then rewritten in place.
constexpr const char* kClear = "\r\033[K";

}  // namespace

bool ProgressLine::Enabled() {
  static const bool enabled = [] {
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) == 1 && term != nullptr && std::strcmp(term, "dumb") != 0;
  }();
  return enabled;
}

ProgressLine::~ProgressLine() {
  std::lock_guard<std::mutex> lock(progress_mutex);
  if (!shown.empty()) Write(kClear);
  shown.clear();
}

void ProgressLine::Update(const std::string& text) {
  if (!Enabled()) return;
  std::lock_guard<std::mutex> lock(progress_mutex);
  shown = text.empty() ? " " : text;
  // A line wider than the terminal would wrap, and "\r" then ESC[K clear only its last row.
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 && shown.size() >= size.ws_col) {
    shown.resize(size.ws_col - 1);
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();  // whole UTF-8
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
  }
  Write(kClear + shown);
}

namespace progress_detail {

void ClearForLog() {
  progress_mutex.lock();  // held until RedrawAfterLog: no update lands inside a log line
  if (!shown.empty()) Write(kClear);
}

void RedrawAfterLog() {
  if (!shown.empty()) Write(shown);
  progress_mutex.unlock();
}

}  // namespace progress_detail
}  // namespace ledgerhost
