// How messages name a state: "<transaction id>(<output index>)", as Corda prints a StateRef.
#pragma once

#include <string>

#include "ledgerhost/state.h"

namespace ledgerhost::vault {

inline std::string StateRefText(const StateRef& ref) {
  return ref.transaction_id + "(" + std::to_string(ref.output_index) + ")";
}

}  // namespace ledgerhost::vault
