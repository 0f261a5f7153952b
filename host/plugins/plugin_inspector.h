// Looks at a plugin file without running any of its code: is it an ELF shared object, does it export
// the plugin entry, and (when trusted keys are configured) is its detached signature valid.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::plugins {

// nullopt when `path` is an ELF shared object exporting ledgerhost_plugin_v1; else why not.
std::optional<std::string> InspectPluginFile(const std::filesystem::path& path);

// Ed25519 public keys (PEM files) whose signatures the host accepts.
class SignatureVerifier {
 public:
  explicit SignatureVerifier(const std::vector<std::filesystem::path>& trusted_key_files);
  ~SignatureVerifier();
  SignatureVerifier(const SignatureVerifier&) = delete;
  SignatureVerifier& operator=(const SignatureVerifier&) = delete;

  bool enabled() const { return !keys_.empty(); }
  // nullopt when <path>.sig is a valid signature of the file by a trusted key; else why not.
  std::optional<std::string> Verify(const std::filesystem::path& path) const;

 private:
  std::vector<void*> keys_;  // EVP_PKEY*
};

}  // namespace ledgerhost::plugins
