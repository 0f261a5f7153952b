// While a StopSignals lives, SIGINT and SIGTERM do not kill the process: they are recorded, and the
// engine stops at its next safe point (between changesets, or in the wait for the changelog lock),
// releases the lock and reports what was and was not applied, exiting with the shell's 130 or 143.
// A signal the process was started ignoring (a non-interactive shell's `&` ignores SIGINT) stays
// ignored. Guards nest: only the outermost installs and restores the handlers.
#pragma once

namespace ledgerhost::migration {

class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // SIGINT or SIGTERM when one arrived while a guard was installed, else 0.
  static int Received();
  // "SIGINT" / "SIGTERM".
  static const char* Name(int signal);
};

}  // namespace ledgerhost::migration
