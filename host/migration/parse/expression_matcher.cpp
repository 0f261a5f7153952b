#include "migration/parse/expression_matcher.h"

#include <cctype>
#include <functional>

#include "core/text.h"


namespace ledgerhost::migration::parse {
namespace {

using AtomTest = std::function<bool(const std::string&)>;

// Recursive descent over: or := and ('or' and)*; and := unary ('and' unary)*;
// unary := ('!' | 'not') unary | '(' or ')' | word.
class ExpressionEvaluator {
 public:
  ExpressionEvaluator(std::string_view text, const AtomTest& atom_true) : atom_true_(atom_true) {
    std::string word;
    auto flush = [&] {
      if (!word.empty()) tokens_.push_back(std::move(word));
      word.clear();
    };
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        flush();
      } else if (c == '(' || c == ')' || (c == '!' && word.empty())) {
        flush();
        tokens_.emplace_back(1, c);
      } else {
        word += c;
      }
    }
    flush();
  }

  bool Evaluate() {
    if (tokens_.empty()) return true;
    return Or();
  }

 private:
  bool AtEnd() const { return position_ >= tokens_.size(); }
  bool Peek(std::string_view keyword) const { return !AtEnd() && text::EqualsIgnoreCase(tokens_[position_], keyword); }

  bool Or() {
    bool result = And();
    while (Peek("or")) {
      ++position_;
      bool right = And();
      result = result || right;
    }
    return result;
  }
  bool And() {
    bool result = Unary();
    while (Peek("and")) {
      ++position_;
      bool right = Unary();
      result = result && right;
    }
    return result;
  }
  bool Unary() {
    if (AtEnd()) return true;
    if (Peek("!") || Peek("not")) {
      ++position_;
      return !Unary();
    }
    if (Peek("(")) {
      ++position_;
      bool inner = Or();
      if (Peek(")")) ++position_;
      return inner;
    }
    std::string atom = tokens_[position_++];
    if (!atom.empty() && atom.front() == '@') atom.erase(0, 1);  // "@prod" marks a required context
    return atom_true_(text::Lower(atom));
  }

  const AtomTest& atom_true_;
  std::vector<std::string> tokens_;
  std::size_t position_ = 0;
};

// A comma separates alternatives (not parenthesis-aware, as in Liquibase).
bool AnyAlternativeMatches(std::string_view expression, const AtomTest& atom_true) {
  std::vector<std::string> alternatives = text::SplitAndTrim(expression, ',');
  if (alternatives.empty()) return true;
  for (const auto& alternative : alternatives) {
    if (ExpressionEvaluator(alternative, atom_true).Evaluate()) return true;
  }
  return false;
}

}  // namespace

bool ContextMatches(std::string_view expression, const std::vector<std::string>& runtime_contexts) {
  std::vector<std::string> runtime;
  for (const auto& context : runtime_contexts) {
    for (auto& piece : text::SplitAndTrim(context, ',')) runtime.push_back(text::Lower(piece));
  }
  if (runtime.empty()) return true;
  return AnyAlternativeMatches(expression, [&](const std::string& atom) {
    for (const auto& r : runtime) {
      if (r == atom) return true;
    }
    return false;
  });
}

bool LabelsMatch(std::string_view label_filter, std::string_view labels) {
  if (text::JavaTrim(label_filter).empty()) return true;
  std::vector<std::string> label_set;
  for (auto& label : text::SplitAndTrim(labels, ',')) label_set.push_back(text::Lower(label));
  // Unlabelled items match every filter (checked with Liquibase 4.28: --label-filter=eu still runs
  // changesets that have no labels).
  if (label_set.empty()) return true;
  return AnyAlternativeMatches(label_filter, [&](const std::string& atom) {
    for (const auto& label : label_set) {
      if (label == atom) return true;
    }
    return false;
  });
}

bool ContextsAndLabelsSelect(const ChangeSet& cs, const std::vector<std::string>& runtime_contexts,
                             std::string_view label_filter) {
  for (const auto& inherited : cs.inherited_contexts) {
    if (!ContextMatches(inherited, runtime_contexts)) return false;
  }
  if (!ContextMatches(cs.context, runtime_contexts)) return false;
  std::string labels;
  for (const auto& set : cs.inherited_labels) labels += (labels.empty() ? "" : ",") + set;
  if (!cs.labels.empty()) labels += (labels.empty() ? "" : ",") + cs.labels;
  return LabelsMatch(label_filter, labels);
}

}  // namespace ledgerhost::migration::parse
