// SignatureVerifier: when an operator configures trusted Ed25519 public keys, every plugin needs a
// detached signature `<file>.so.sig` over its exact bytes by one of them.
//
// Two signature file forms are accepted:
//   - raw: the 64 bytes `openssl pkeyutl -sign -rawin` writes. It does not say who signed, so a
//     signature that verifies with no trusted key is reported as bad.
//   - signed-by: the signer's PEM public key followed by the base64 signature, e.g.
//       { openssl pkey -in k.pem -pubout; openssl pkeyutl -sign -rawin -inkey k.pem -in f.so | openssl base64 -A; } > f.so.sig
//     which lets the host tell an untrusted signer from a bad signature.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ledgerhost::plugins {

class SignatureVerifier {
 public:
  // Reads every PEM file; throws ConfigError naming a file that is unreadable or not an Ed25519 key.
  explicit SignatureVerifier(const std::vector<std::filesystem::path>& trusted_key_files);
  ~SignatureVerifier();
  SignatureVerifier(const SignatureVerifier&) = delete;
  SignatureVerifier& operator=(const SignatureVerifier&) = delete;

  // False when no keys are configured: signatures are then not required.
  bool enabled() const { return !keys_.empty(); }
  // nullopt when `<path>.sig` is a valid signature of the file by a trusted key; else why not:
  // missing signature, malformed signature file, untrusted signer, or bad signature. Thread-safe.
  std::optional<std::string> Verify(const std::filesystem::path& path) const;
  // The same for `content`, the file's bytes as already read (a PluginImage's): what is verified is
  // what is loaded.
  std::optional<std::string> Verify(const std::filesystem::path& path, const std::string& content) const;

 private:
  std::vector<void*> keys_;  // EVP_PKEY*, owned
};

}  // namespace ledgerhost::plugins
