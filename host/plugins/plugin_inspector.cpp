#include "plugins/plugin_inspector.h"

#include <elf.h>

#include <fstream>
#include <sstream>
#include <vector>  // boost/dll/library_info.hpp needs it under BOOST_DLL_USE_STD_FS on Boost 1.74

#include <boost/dll/library_info.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "core/error.h"
#include "ledgerhost/plugin.h"

namespace ledgerhost::plugins {
namespace {

std::optional<std::string> ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::optional<std::string> InspectPluginFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "not a regular file";
  std::ifstream in(path, std::ios::binary);
  unsigned char header[EI_NIDENT + 4] = {};
  in.read(reinterpret_cast<char*>(header), sizeof(header));
  if (in.gcount() < static_cast<std::streamsize>(sizeof(header)) || header[EI_MAG0] != ELFMAG0 ||
      header[EI_MAG1] != ELFMAG1 || header[EI_MAG2] != ELFMAG2 || header[EI_MAG3] != ELFMAG3) {
    return "not an ELF file";
  }
  // e_type follows e_ident; both ELF classes put it there.
  const uint16_t type = header[EI_DATA] == ELFDATA2MSB ? static_cast<uint16_t>(header[EI_NIDENT] << 8 | header[EI_NIDENT + 1])
                                                      : static_cast<uint16_t>(header[EI_NIDENT + 1] << 8 | header[EI_NIDENT]);
  if (type != ET_DYN) return "an ELF file but not a shared object";
  try {
    boost::dll::library_info info(path.string(), false);
    for (const auto& symbol : info.symbols()) {
      if (symbol == LEDGERHOST_PLUGIN_ENTRY_NAME) return std::nullopt;
    }
  } catch (const std::exception& e) {
    return std::string("unreadable ELF symbol table: ") + e.what();
  }
  return "a shared object that does not export " LEDGERHOST_PLUGIN_ENTRY_NAME " (not a ledgerhost plugin)";
}

SignatureVerifier::SignatureVerifier(const std::vector<std::filesystem::path>& trusted_key_files) {
  for (const auto& file : trusted_key_files) {
    FILE* f = std::fopen(file.c_str(), "r");
    if (!f) throw ConfigError("trusted key " + file.string() + " cannot be read");
    EVP_PKEY* key = PEM_read_PUBKEY(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (!key || EVP_PKEY_id(key) != EVP_PKEY_ED25519) {
      EVP_PKEY_free(key);
      throw ConfigError("trusted key " + file.string() + " is not a PEM Ed25519 public key");
    }
    keys_.push_back(key);
  }
}

SignatureVerifier::~SignatureVerifier() {
  for (void* key : keys_) EVP_PKEY_free(static_cast<EVP_PKEY*>(key));
}

std::optional<std::string> SignatureVerifier::Verify(const std::filesystem::path& path) const {
  const auto signature_path = std::filesystem::path(path.string() + ".sig");
  auto signature = ReadAll(signature_path);
  if (!signature) return "signatures are required and " + signature_path.filename().string() + " is missing";
  auto content = ReadAll(path);
  if (!content) return "cannot be read";
  for (void* key : keys_) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    bool valid = EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, static_cast<EVP_PKEY*>(key)) == 1 &&
                 EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                                  reinterpret_cast<const unsigned char*>(content->data()), content->size()) == 1;
    EVP_MD_CTX_free(ctx);
    if (valid) return std::nullopt;
  }
  return "the signature " + signature_path.filename().string() + " is not valid for any trusted key";
}

}  // namespace ledgerhost::plugins
