#include "node/shutdown_signal.h"

#include <pthread.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace ledgerhost::node {

ShutdownSignal::ShutdownSignal() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  if (const int rc = pthread_sigmask(SIG_BLOCK, &signals_, &previous_); rc != 0) {
    throw Error(ExitCode::kInternal, std::string("cannot block SIGINT/SIGTERM: ") + std::strerror(rc));
  }
}

ShutdownSignal::~ShutdownSignal() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

int ShutdownSignal::Wait() {
  int signal = 0;
  while (true) {
    const int rc = sigwait(&signals_, &signal);
    if (rc == 0) return signal;
    if (rc != EINTR) throw Error(ExitCode::kInternal, std::string("waiting for a signal failed: ") + std::strerror(rc));
  }
}

}  // namespace ledgerhost::node
