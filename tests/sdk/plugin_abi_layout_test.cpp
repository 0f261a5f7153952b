// The plugin ABI is the same data to a C++ plugin as to C: every size and offset of
// ledgerhost/plugin_abi.h as C++ computes it equals what plugin_abi_test.c (compiled as C) computed.
#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

#include "ledgerhost/plugin_abi.h"

extern "C" const std::size_t lh_c_layout[];
extern "C" const std::size_t lh_c_layout_count;

namespace {

TEST(PluginAbi, CAndCppSeeTheSameLayout) {
#define LH_LAYOUT(expression) (expression),
  const std::vector<std::size_t> cpp{
#include "sdk/plugin_abi_layout.inc"
  };
#undef LH_LAYOUT
  ASSERT_EQ(cpp.size(), lh_c_layout_count);
  for (std::size_t i = 0; i < cpp.size(); ++i) EXPECT_EQ(cpp[i], lh_c_layout[i]) << "entry " << i << " of plugin_abi_layout.inc";
}

}  // namespace
