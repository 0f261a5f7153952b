// SIGINT/SIGTERM as a request to stop the node. Constructed before any service starts, it blocks
// both signals in the calling thread, so every thread created afterwards inherits the mask and the
// signal is taken synchronously by Wait() instead of interrupting arbitrary code.
#pragma once

#include <signal.h>

namespace ledgerhost::node {

class ShutdownSignal {
 public:
  ShutdownSignal();
  ~ShutdownSignal();  // restores the previous mask
  ShutdownSignal(const ShutdownSignal&) = delete;
  ShutdownSignal& operator=(const ShutdownSignal&) = delete;

  // Blocks until SIGINT or SIGTERM arrives; returns the signal number.
  int Wait();

 private:
  sigset_t signals_{};
  sigset_t previous_{};
};

}  // namespace ledgerhost::node
