#include "migration/checksum/unicode_nfc.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <vector>

namespace ledgerhost::migration {

std::string NormalizeNfc(const std::string& utf8) {
  // ASCII is always NFC; almost every changelog is ASCII, so skip ICU for it.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return utf8;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return utf8;

  int32_t utf16_length = 0;
  status = U_ZERO_ERROR;
  u_strFromUTF8(nullptr, 0, &utf16_length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return utf8;
  std::vector<UChar> utf16(static_cast<size_t>(utf16_length) + 1);
  status = U_ZERO_ERROR;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_length, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return utf8;

  status = U_ZERO_ERROR;
  const int32_t normalized_length = unorm2_normalize(nfc, utf16.data(), utf16_length, nullptr, 0, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return utf8;
  std::vector<UChar> normalized(static_cast<size_t>(normalized_length) + 1);
  status = U_ZERO_ERROR;
  unorm2_normalize(nfc, utf16.data(), utf16_length, normalized.data(), static_cast<int32_t>(normalized.size()), &status);
  if (U_FAILURE(status)) return utf8;

  int32_t out_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &out_length, normalized.data(), normalized_length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return utf8;
  std::string out(static_cast<size_t>(out_length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), out_length, &out_length, normalized.data(), normalized_length, &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return utf8;
  return out;
}

}  // namespace ledgerhost::migration
