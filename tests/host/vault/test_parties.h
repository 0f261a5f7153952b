// Parties with distinctive public keys (which must never reach the database), and a helper that
// builds the transactions the tests record.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ledgerhost/service.h"

namespace ledgerhost::vault::test {

// Bytes unlikely to occur by chance, including a NUL and high bytes.
inline const std::vector<uint8_t> kBankKey{0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
                                           0x00, 0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b,
                                           0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3};
inline const std::vector<uint8_t> kAliceKey{0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a, 0x92, 0xb7, 0x0a,
                                            0xa7, 0x4d, 0x1b, 0x7e, 0xbc, 0x9c, 0x98, 0x2c, 0xcf, 0x2e, 0xc4,
                                            0x96, 0x8c, 0xc0, 0xcd, 0x55, 0xf1, 0x2a, 0xf4, 0x66, 0x0c};
inline const std::vector<uint8_t> kAnonymousKey{0xfc, 0x51, 0xcd, 0x8e, 0x62, 0x18, 0xa1, 0xa3, 0x8d, 0xa4, 0x7e,
                                                0xd0, 0x02, 0x30, 0xf0, 0x58, 0x08, 0x16, 0xed, 0x13, 0xba, 0x33,
                                                0x03, 0xac, 0x5d, 0xeb, 0x91, 0x15, 0x48, 0x90, 0x80, 0x25};

inline Party Bank() { return {"O=Bank, L=London, C=GB", kBankKey, true}; }
inline Party Alice() { return {"O=Alice, L=Paris, C=FR", kAliceKey, true}; }
// Anonymous parties carry a name too (a confidential identity's placeholder); it is not stored.
inline Party Anonymous() { return {"O=Hidden, L=Nowhere, C=XX", kAnonymousKey, false}; }

inline RecordedTransaction Transaction(std::string id, std::vector<std::shared_ptr<const ContractState>> outputs,
                                       std::vector<StateRef> inputs = {}, std::string notary = "") {
  RecordedTransaction tx;
  tx.id = std::move(id);
  tx.outputs = std::move(outputs);
  tx.inputs = std::move(inputs);
  tx.notary_name = std::move(notary);
  return tx;
}

}  // namespace ledgerhost::vault::test
