// Fuzz target: changelog property expansion. The input's lines are property values p0, p1, ... (each
// may refer to the others) and the last line is the text to expand, inside a changeset's SQL.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input = ledgerhost::fuzz::Text(data, size);
  std::string xml = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">";
  std::size_t start = 0;
  int index = 0;
  auto escape = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '"') out += "&quot;";
      else out += c;
    }
    return out;
  };
  for (std::size_t end = input.find('\n'); end != std::string::npos; end = input.find('\n', start)) {
    xml += "<property name=\"p" + std::to_string(index++) + "\" value=\"" + escape(input.substr(start, end - start)) + "\"/>";
    start = end + 1;
  }
  xml += "<changeSet id=\"1\" author=\"f\"><sql>" + escape(input.substr(start)) + "</sql></changeSet></databaseChangeLog>";
  ledgerhost::fuzz::ParseChangeLogText(reinterpret_cast<const uint8_t*>(xml.data()), xml.size(), "changelog.xml");
  return 0;
}
