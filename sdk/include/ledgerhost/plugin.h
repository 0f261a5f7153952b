// The plugin boundary. A ledgerhost plugin is a shared library that exports exactly one C function,
// `ledgerhost_plugin_v1`, returning a pointer to a plain-data descriptor: what the plugin is, the
// mapped schemas it brings, its embedded migration resources, its service factories and the native
// implementations of Liquibase customChange classes it provides (ledgerhost/custom_change.h).
//
// Plugin authors do not fill the descriptor: they write
//
//   #include <ledgerhost/plugin.h>
//   LEDGERHOST_PLUGIN("iou", "1.0.0") {
//     plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.IOUSchema", 1, "IOUSchemaV1")
//                          .AddEntity(...));
//     plugin.AddService<IouService>("iou-service");
//     plugin.AddCustomChange<BackfillIous>("com.example.iou.BackfillIous");
//   }
//
// and build the library with ledgerhost_add_plugin(NAME SOURCES ... MIGRATIONS dir/) from the SDK's
// CMake package, which embeds every file of dir/ as a resource "migration/<relative path>".
//
// The descriptor's C layout is ledgerhost/plugin_abi.h. Why plain data: the host can refuse an incompatible plugin with a message (ABI version, build
// fingerprint) instead of crashing. Services are C++ objects, created through the factories; they
// are only exchanged when the build fingerprint (SDK version, compiler, C++ standard library ABI)
// equals the host's.
#pragma once

#include "ledgerhost/plugin_abi.h"

#ifdef __cplusplus
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ledgerhost/custom_change.h"
#include "ledgerhost/schema.h"
#include "ledgerhost/service.h"
#include "ledgerhost/version.h"

namespace ledgerhost {

#define LEDGERHOST_STRINGIFY_IMPL(x) #x
#define LEDGERHOST_STRINGIFY(x) LEDGERHOST_STRINGIFY_IMPL(x)

// What must be equal between host and plugin for C++ objects to cross: SDK version, compiler and
// version, standard library and its string ABI. Computed where this header is compiled.
inline std::string BuildFingerprint() {
  std::string fingerprint = "sdk=" LEDGERHOST_STRINGIFY(LEDGERHOST_VERSION_MAJOR) "." LEDGERHOST_STRINGIFY(LEDGERHOST_VERSION_MINOR);
#if defined(__clang__)
  fingerprint += ";cxx=clang " __clang_version__;
#elif defined(__GNUC__)
  fingerprint += ";cxx=gcc " __VERSION__;
#endif
#if defined(_GLIBCXX_RELEASE)
  fingerprint += ";stdlib=libstdc++ " LEDGERHOST_STRINGIFY(_GLIBCXX_RELEASE);
#if defined(_GLIBCXX_USE_CXX11_ABI)
  fingerprint += ";cxx11abi=" LEDGERHOST_STRINGIFY(_GLIBCXX_USE_CXX11_ABI);
#endif
#elif defined(_LIBCPP_VERSION)
  fingerprint += ";stdlib=libc++ " LEDGERHOST_STRINGIFY(_LIBCPP_VERSION);
#endif
  return fingerprint;
}

// What a plugin declares inside LEDGERHOST_PLUGIN { ... } (the `plugin` parameter). Used once, while
// the descriptor is built; not thread-safe, and not to be kept.
class PluginDefinition {
 public:
  void AddSchema(MappedSchema schema) { schemas_.push_back(std::move(schema)); }

  // Registers a service; ServiceType needs a default constructor and derives from ledgerhost::Service.
  template <typename ServiceType>
  void AddService(std::string name, std::vector<std::string> depends_on = {}) {
    services_.push_back({std::move(name), std::move(depends_on),
                         +[]() -> void* { return static_cast<Service*>(new ServiceType()); },
                         +[](void* service) { delete static_cast<Service*>(service); }});
  }

  // Registers the native implementation of the Java customChange class `class_name`; ChangeType needs
  // a default constructor and derives from ledgerhost::CustomChange.
  template <typename ChangeType>
  void AddCustomChange(std::string class_name) {
    custom_changes_.push_back({std::move(class_name),
                               +[]() -> void* { return static_cast<CustomChange*>(new ChangeType()); },
                               +[](void* change) { delete static_cast<CustomChange*>(change); }});
  }

  struct ServiceEntry {
    std::string name;
    std::vector<std::string> depends_on;
    void* (*create)(void);
    void (*destroy)(void*);
  };
  struct CustomChangeEntry {
    std::string class_name;
    void* (*create)(void);
    void (*destroy)(void*);
  };
  const std::vector<MappedSchema>& schemas() const { return schemas_; }
  const std::vector<ServiceEntry>& services() const { return services_; }
  const std::vector<CustomChangeEntry>& custom_changes() const { return custom_changes_; }

 private:
  std::vector<MappedSchema> schemas_;
  std::vector<ServiceEntry> services_;
  std::vector<CustomChangeEntry> custom_changes_;
};

namespace detail {

// Owns every string and array the descriptor points to, for the lifetime of the loaded library.
class DescriptorStorage {
 public:
  DescriptorStorage(const char* name, const char* version, void (*define)(PluginDefinition&)) {
    define(definition_);
    fingerprint_ = BuildFingerprint();
    for (const auto& schema : definition_.schemas()) {
      entity_storage_.emplace_back();
      column_storage_.emplace_back();
      auto& entities = entity_storage_.back();
      auto& columns_of_schema = column_storage_.back();
      for (const auto& entity : schema.entities()) {
        columns_of_schema.emplace_back();
        auto& columns = columns_of_schema.back();
        for (const auto& column : entity.columns) {
          columns.push_back({column.name.c_str(), column.type.c_str(), column.nullable ? 1 : 0,
                             column.primary_key ? 1 : 0, column.length});
        }
        entities.push_back({entity.table_name.c_str(), entity.parent_table.empty() ? nullptr : entity.parent_table.c_str(),
                            columns.data(), static_cast<uint32_t>(columns.size())});
      }
      schemas_.push_back({schema.family().c_str(), static_cast<uint32_t>(schema.version()), schema.name().c_str(),
                          schema.migration_resource().empty() ? nullptr : schema.migration_resource().c_str(),
                          entities.data(), static_cast<uint32_t>(entities.size())});
    }
    for (const auto& service : definition_.services()) {
      dependency_storage_.emplace_back();
      for (const auto& dependency : service.depends_on) dependency_storage_.back().push_back(dependency.c_str());
      services_.push_back({service.name.c_str(), dependency_storage_.back().data(),
                           static_cast<uint32_t>(dependency_storage_.back().size()), service.create, service.destroy});
    }
    for (const auto& change : definition_.custom_changes()) {
      custom_changes_.push_back({change.class_name.c_str(), change.create, change.destroy});
    }
    descriptor_ = {LEDGERHOST_PLUGIN_ABI_VERSION,
                   static_cast<uint32_t>(sizeof(lh_plugin_descriptor)),
                   name,
                   version,
                   fingerprint_.c_str(),
                   schemas_.data(),
                   static_cast<uint32_t>(schemas_.size()),
                   ledgerhost_embedded_resources,
                   ledgerhost_embedded_resource_count,
                   services_.data(),
                   static_cast<uint32_t>(services_.size()),
                   custom_changes_.data(),
                   static_cast<uint32_t>(custom_changes_.size())};
  }
  const lh_plugin_descriptor* descriptor() const { return &descriptor_; }

 private:
  PluginDefinition definition_;
  std::string fingerprint_;
  // Pointers into inner vectors stay valid when an outer vector grows: moving a std::vector keeps
  // its buffer, and no inner vector is appended to after a pointer into it was taken.
  std::vector<std::vector<lh_entity>> entity_storage_;
  std::vector<std::vector<std::vector<lh_column>>> column_storage_;
  std::vector<std::vector<const char*>> dependency_storage_;
  std::vector<lh_schema> schemas_;
  std::vector<lh_service_factory> services_;
  std::vector<lh_custom_change_factory> custom_changes_;
  lh_plugin_descriptor descriptor_{};
};

}  // namespace detail
}  // namespace ledgerhost

// Declares the plugin `name` (string literal) at `version` (string literal); the braces that follow
// are the body of a function receiving `ledgerhost::PluginDefinition& plugin`.
#define LEDGERHOST_PLUGIN(name, version)                                                                  \
  static void ledgerhost_define_plugin(::ledgerhost::PluginDefinition& plugin);                           \
  extern "C" __attribute__((visibility("default"))) const lh_plugin_descriptor* ledgerhost_plugin_v1() { \
    static const ::ledgerhost::detail::DescriptorStorage storage(name, version, &ledgerhost_define_plugin); \
    return storage.descriptor();                                                                          \
  }                                                                                                       \
  static void ledgerhost_define_plugin(::ledgerhost::PluginDefinition& plugin)

#endif  // __cplusplus
