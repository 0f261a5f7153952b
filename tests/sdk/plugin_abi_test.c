/* ledgerhost/plugin_abi.h compiled as C (C11): it must be valid C, and on LP64 platforms (the ones
 * ledgerhost builds for) its layout is the one ABI version 2 fixed. */
#include "ledgerhost/plugin_abi.h"

#include <stddef.h>

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
_Static_assert(sizeof(lh_column) == 32, "lh_column");
_Static_assert(sizeof(lh_entity) == 32, "lh_entity");
_Static_assert(sizeof(lh_schema) == 48, "lh_schema");
_Static_assert(offsetof(lh_schema, entity_count) == 40, "lh_schema.entity_count");
_Static_assert(sizeof(lh_resource) == 24, "lh_resource");
_Static_assert(sizeof(lh_custom_change_factory) == 24, "lh_custom_change_factory");
_Static_assert(sizeof(lh_service_factory) == 40, "lh_service_factory");
_Static_assert(offsetof(lh_plugin_descriptor, abi_version) == 0, "abi_version stays first");
_Static_assert(offsetof(lh_plugin_descriptor, struct_size) == 4, "struct_size stays second");
_Static_assert(offsetof(lh_plugin_descriptor, custom_change_count) == 88, "custom_change_count");
_Static_assert(sizeof(lh_plugin_descriptor) == 96, "lh_plugin_descriptor");
#endif

/* The layout as C sees it, for plugin_abi_layout_test.cpp. */
#define LH_LAYOUT(expression) (expression),
const size_t lh_c_layout[] = {
#include "sdk/plugin_abi_layout.inc"
};
#undef LH_LAYOUT
const size_t lh_c_layout_count = sizeof lh_c_layout / sizeof lh_c_layout[0];
