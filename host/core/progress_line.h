// A progress line at the bottom of a terminal ("Applying changeset 12/300 (41 s): file::id::author"):
// written to stderr only when stderr is a terminal, redrawn in place, and kept below the log lines
// written meanwhile (the logger's terminal sink clears it before a line and redraws it after).
// Nothing of it reaches a log file, a pipe or CI output.
#pragma once

#include <string>

namespace ledgerhost {

class ProgressLine {
 public:
  // Whether a progress line would show: stderr is a terminal that is not "dumb".
  static bool Enabled();

  ProgressLine() = default;
  ~ProgressLine();  // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Update(const std::string& text);  // no-op when not Enabled()
};

namespace progress_detail {
// For the logger's terminal sink: clear the line before writing a log line, redraw it after.
void ClearForLog();
void RedrawAfterLog();
}  // namespace progress_detail

}  // namespace ledgerhost
