#include "migration/engine/stop_signals.h"

#include <csignal>

namespace ledgerhost::migration {
namespace {

volatile std::sig_atomic_t g_received = 0;
extern "C" void OnStopSignal(int signal) { g_received = signal; }

constexpr int kSignals[2] = {SIGINT, SIGTERM};
struct sigaction g_previous[2] {};
int g_depth = 0;  // the engine runs on one thread: guards are made and ended there

}  // namespace

StopSignals::StopSignals() {
  if (g_depth++ > 0) return;
  g_received = 0;
  for (int i = 0; i < 2; ++i) {
    struct sigaction handler {};
    handler.sa_handler = OnStopSignal;
    sigemptyset(&handler.sa_mask);
    sigaction(kSignals[i], nullptr, &g_previous[i]);
    if (g_previous[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &handler, nullptr);
  }
}

StopSignals::~StopSignals() {
  if (--g_depth > 0) return;
  for (int i = 0; i < 2; ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
}

int StopSignals::Received() { return g_depth > 0 ? static_cast<int>(g_received) : 0; }

const char* StopSignals::Name(int signal) { return signal == SIGTERM ? "SIGTERM" : "SIGINT"; }

}  // namespace ledgerhost::migration
