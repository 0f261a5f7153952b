#include "plugins/signature_verifier.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/error.h"

namespace ledgerhost::plugins {
namespace {

constexpr size_t kEd25519SignatureSize = 64;
constexpr char kPemEnd[] = "-----END PUBLIC KEY-----";

std::optional<std::string> ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool VerifyWith(EVP_PKEY* key, const std::string& signature, const std::string& content) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool valid = ctx != nullptr && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
                     EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                      reinterpret_cast<const unsigned char*>(content.data()), content.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return valid;
}

std::string StripWhitespace(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  }
  return out;
}

// The 64 signature bytes from base64, or nullopt.
std::optional<std::string> DecodeSignature(const std::string& base64) {
  if (base64.empty() || base64.size() % 4 != 0) return std::nullopt;
  std::string decoded(base64.size() / 4 * 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                     reinterpret_cast<const unsigned char*>(base64.data()), static_cast<int>(base64.size()));
  if (length < 0) return std::nullopt;
  size_t padding = 0;
  while (padding < 2 && base64[base64.size() - 1 - padding] == '=') ++padding;  // EVP_DecodeBlock keeps pad bytes
  decoded.resize(static_cast<size_t>(length) - padding);
  if (decoded.size() != kEd25519SignatureSize) return std::nullopt;
  return decoded;
}

}  // namespace

SignatureVerifier::SignatureVerifier(const std::vector<std::filesystem::path>& trusted_key_files) {
  for (const auto& file : trusted_key_files) {
    FILE* f = std::fopen(file.c_str(), "r");
    if (!f) throw ConfigError("trusted key " + file.string() + " cannot be read");
    EVP_PKEY* key = PEM_read_PUBKEY(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (!key || EVP_PKEY_id(key) != EVP_PKEY_ED25519) {
      EVP_PKEY_free(key);
      for (void* k : keys_) EVP_PKEY_free(static_cast<EVP_PKEY*>(k));
      keys_.clear();
      throw ConfigError("trusted key " + file.string() + " is not a PEM Ed25519 public key");
    }
    keys_.push_back(key);
  }
}

SignatureVerifier::~SignatureVerifier() {
  for (void* key : keys_) EVP_PKEY_free(static_cast<EVP_PKEY*>(key));
}

std::optional<std::string> SignatureVerifier::Verify(const std::filesystem::path& path) const {
  const auto content = ReadAll(path);
  if (!content) return "cannot be read";
  return Verify(path, *content);
}

std::optional<std::string> SignatureVerifier::Verify(const std::filesystem::path& path, const std::string& content) const {
  const auto signature_path = std::filesystem::path(path.string() + ".sig");
  const std::string sig_name = signature_path.filename().string();
  const auto signature_file = ReadAll(signature_path);
  if (!signature_file) return "missing signature: trusted keys are configured and " + sig_name + " does not exist";

  if (signature_file->rfind("-----BEGIN PUBLIC KEY-----", 0) != 0) {
    if (signature_file->size() != kEd25519SignatureSize) {
      return "malformed signature: " + sig_name + " is neither a 64-byte Ed25519 signature nor a signer key + signature";
    }
    for (void* key : keys_) {
      if (VerifyWith(static_cast<EVP_PKEY*>(key), *signature_file, content)) return std::nullopt;
    }
    return "bad signature: " + sig_name + " verifies with none of the trusted keys";
  }

  const size_t key_end = signature_file->find(kPemEnd);
  if (key_end == std::string::npos) return "malformed signature: " + sig_name + " has an unterminated public key";
  const size_t pem_size = key_end + sizeof(kPemEnd) - 1;
  BIO* bio = BIO_new_mem_buf(signature_file->data(), static_cast<int>(pem_size));
  EVP_PKEY* signer = bio ? PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  if (!signer || EVP_PKEY_id(signer) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(signer);
    return "malformed signature: " + sig_name + " does not start with a PEM Ed25519 public key";
  }
  const auto signature = DecodeSignature(StripWhitespace(signature_file->substr(pem_size)));
  EVP_PKEY* trusted = nullptr;
  for (void* key : keys_) {
    if (EVP_PKEY_eq(signer, static_cast<EVP_PKEY*>(key)) == 1) trusted = static_cast<EVP_PKEY*>(key);
  }
  EVP_PKEY_free(signer);
  if (!signature) return "malformed signature: " + sig_name + " does not end with a base64 64-byte Ed25519 signature";
  if (trusted == nullptr) return "untrusted key: " + sig_name + " was made by a key that is not among the trusted keys";
  if (!VerifyWith(trusted, *signature, content)) {
    return "bad signature: " + sig_name + " names a trusted key but does not match the file's bytes";
  }
  return std::nullopt;
}

}  // namespace ledgerhost::plugins
