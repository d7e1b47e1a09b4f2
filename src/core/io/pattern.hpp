#pragma once
// Regular expressions for JSON Schema `pattern`, matched without recursion.
// std::regex (libstdc++) recurses once per character of the subject, so a
// 30,000-character id overflowed the stack. This is a Thompson/Pike NFA: the
// pattern compiles to a small program and matching keeps one set of states,
// linear in the subject's length, constant stack.
//
// Supported (the ECMAScript syntax the schemas use, byte-wise like std::regex
// on std::string): literals, '.', escapes (\. \$ \\ \/ ... \d \w \s \D \W \S
// \n \t \r), classes [a-z0-9_] and [^...], groups (...) and (?:...),
// alternation |, quantifiers * + ?, anchors ^ $. Anything else (counted
// repetition {n,m}, back-references, look-around, lazy quantifiers) is
// refused when the schema loads, so nothing is ever matched approximately.
#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace crus {

class Pattern {
public:
  // Throws std::invalid_argument with a reason when `source` is outside the
  // subset, longer than limits::kSchemaPatternBytes or nests groups deeper
  // than limits::kSchemaPatternGroupDepth.
  explicit Pattern(std::string_view source);
  // Whether the pattern matches anywhere in `text` (std::regex_search).
  bool search(std::string_view text) const;
  const std::string& source() const { return source_; }

  struct Instruction {
    enum Op { Byte, Split, Jump, LineStart, LineEnd, Match } op;
    int x = 0, y = 0; // targets of Split / Jump; class index of Byte
  };

private:
  std::string source_;
  std::vector<Instruction> program_;
  std::vector<std::bitset<256>> classes_;
  friend class PatternCompiler;
};

} // namespace crus
