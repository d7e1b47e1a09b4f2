#include "core/io/pattern.hpp"

#include "core/limits.hpp"

#include <memory>
#include <stdexcept>

namespace crus {

namespace {

struct Node {
  enum Kind { Set, Concat, Alternation, Star, Plus, Optional, LineStart, LineEnd } kind;
  int set = 0;                                 // Set: index into the class table
  std::vector<std::unique_ptr<Node>> children; // Concat, Alternation; the operand of a quantifier
};

int first_bit(const std::bitset<256>& bits) {
  for (std::size_t b = 0; b < bits.size(); ++b)
    if (bits.test(b)) return static_cast<int>(b);
  return -1;
}

std::unique_ptr<Node> make(Node::Kind kind) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  return n;
}

} // namespace

// Recursive descent over the pattern (bounded by its length and group depth),
// then code generation; matching itself never recurses.
class PatternCompiler {
public:
  PatternCompiler(Pattern& out, std::string_view src) : out_(out), src_(src) {}

  void run() {
    if (src_.size() > limits::kSchemaPatternBytes)
      fail("is longer than " + std::to_string(limits::kSchemaPatternBytes) + " bytes");
    auto root = alternation(0);
    if (pos_ != src_.size()) fail("has an unmatched ')'");
    emit(*root);
    out_.program_.push_back({Pattern::Instruction::Match});
  }

private:
  [[noreturn]] void fail(const std::string& why) const {
    throw std::invalid_argument("pattern " + why + " (at character " + std::to_string(pos_ + 1) + ")");
  }
  bool more() const { return pos_ < src_.size(); }
  char peek() const { return src_[pos_]; }

  std::unique_ptr<Node> alternation(int depth) {
    auto first = concat(depth);
    if (!more() || peek() != '|') return first;
    auto alt = make(Node::Alternation);
    alt->children.push_back(std::move(first));
    while (more() && peek() == '|') {
      ++pos_;
      alt->children.push_back(concat(depth));
    }
    return alt;
  }

  std::unique_ptr<Node> concat(int depth) {
    auto seq = make(Node::Concat);
    while (more() && peek() != '|' && peek() != ')') {
      auto atom_node = atom(depth);
      if (more() && (peek() == '*' || peek() == '+' || peek() == '?')) {
        const char q = src_[pos_++];
        if (atom_node->kind == Node::LineStart || atom_node->kind == Node::LineEnd) fail("repeats an anchor");
        auto rep = make(q == '*' ? Node::Star : q == '+' ? Node::Plus : Node::Optional);
        rep->children.push_back(std::move(atom_node));
        if (more() && (peek() == '*' || peek() == '+' || peek() == '?'))
          fail("uses a lazy or doubled quantifier, which the checker does not support");
        atom_node = std::move(rep);
      } else if (more() && peek() == '{') {
        fail("uses counted repetition {n,m}, which the checker does not support");
      }
      seq->children.push_back(std::move(atom_node));
    }
    return seq;
  }

  std::unique_ptr<Node> atom(int depth) {
    const char c = src_[pos_++];
    switch (c) {
      case '(': {
        if (depth + 1 > limits::kSchemaPatternGroupDepth)
          fail("nests groups deeper than " + std::to_string(limits::kSchemaPatternGroupDepth));
        if (more() && peek() == '?') {
          if (src_.substr(pos_, 2) != "?:") fail("uses look-around or a named group, which the checker does not support");
          pos_ += 2;
        }
        auto inner = alternation(depth + 1);
        if (!more() || peek() != ')') fail("has an unclosed '('");
        ++pos_;
        return inner;
      }
      case '[': return set_node(bracket());
      case '.': {
        std::bitset<256> any;
        any.set();
        any.reset('\n');
        any.reset('\r');
        return set_node(any);
      }
      case '^': return make(Node::LineStart);
      case '$': return make(Node::LineEnd);
      case '*':
      case '+':
      case '?': fail("has a quantifier with nothing to repeat");
      case '{':
      case '}': fail("uses counted repetition {n,m}, which the checker does not support");
      case ')': fail("has an unmatched ')'");
      case '\\': return set_node(escape());
      default: {
        std::bitset<256> one;
        one.set(static_cast<unsigned char>(c));
        return set_node(one);
      }
    }
  }

  std::unique_ptr<Node> set_node(const std::bitset<256>& bits) {
    auto n = make(Node::Set);
    n->set = static_cast<int>(out_.classes_.size());
    out_.classes_.push_back(bits);
    return n;
  }

  // After a backslash: a class escape, a control character or a punctuation
  // character standing for itself. \b (word boundary) and the rest are refused.
  std::bitset<256> escape() {
    if (!more()) fail("ends with a lone backslash");
    const char e = src_[pos_++];
    std::bitset<256> bits;
    auto range = [&](char lo, char hi) {
      for (int b = lo; b <= hi; ++b) bits.set(static_cast<std::size_t>(b));
    };
    switch (e) {
      case 'd':
      case 'w':
      case 's':
      case 'D':
      case 'W':
      case 'S': {
        const char lower = static_cast<char>(e | 0x20);
        if (lower == 'd' || lower == 'w') range('0', '9');
        if (lower == 'w') {
          range('a', 'z');
          range('A', 'Z');
          bits.set('_');
        }
        if (lower == 's')
          for (char s : {' ', '\t', '\n', '\r', '\f', '\v'}) bits.set(static_cast<unsigned char>(s));
        return e == lower ? bits : ~bits;
      }
      case 'n': bits.set('\n'); return bits;
      case 't': bits.set('\t'); return bits;
      case 'r': bits.set('\r'); return bits;
      case 'f': bits.set('\f'); return bits;
      case 'v': bits.set('\v'); return bits;
      default: break;
    }
    const auto u = static_cast<unsigned char>(e);
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9') || u >= 0x80)
      fail(std::string("uses the escape \\") + e + ", which the checker does not support");
    bits.set(u); // \. \$ \\ \/ \- \] ...: the character itself
    return bits;
  }

  std::bitset<256> bracket() {
    std::bitset<256> bits;
    bool negate = false;
    if (more() && peek() == '^') {
      negate = true;
      ++pos_;
    }
    bool first = true;
    while (more() && (peek() != ']' || first)) {
      first = false;
      std::bitset<256> item;
      int lo = -1;
      if (peek() == '\\') {
        ++pos_;
        item = escape();
        if (item.count() == 1) lo = first_bit(item);
      } else {
        if (peek() == '[') fail("uses a character class inside a class, which the checker does not support");
        lo = static_cast<unsigned char>(src_[pos_++]);
        item.set(static_cast<std::size_t>(lo));
      }
      if (lo >= 0 && pos_ + 1 < src_.size() && peek() == '-' && src_[pos_ + 1] != ']') {
        ++pos_;
        int hi = 0;
        if (peek() == '\\') {
          ++pos_;
          auto h = escape();
          if (h.count() != 1) fail("has a range ending in a class escape");
          hi = first_bit(h);
        } else {
          hi = static_cast<unsigned char>(src_[pos_++]);
        }
        if (hi < lo) fail("has a range out of order");
        for (int b = lo; b <= hi; ++b) item.set(static_cast<std::size_t>(b));
      }
      bits |= item;
    }
    if (!more()) fail("has an unclosed '['");
    ++pos_; // ']'
    return negate ? ~bits : bits;
  }

  int here() const { return static_cast<int>(out_.program_.size()); }
  int add(Pattern::Instruction::Op op, int x = 0, int y = 0) {
    out_.program_.push_back({op, x, y});
    return here() - 1;
  }

  void emit(const Node& n) {
    using I = Pattern::Instruction;
    switch (n.kind) {
      case Node::Set: add(I::Byte, n.set); break;
      case Node::LineStart: add(I::LineStart); break;
      case Node::LineEnd: add(I::LineEnd); break;
      case Node::Concat:
        for (const auto& c : n.children) emit(*c);
        break;
      case Node::Alternation: {
        std::vector<int> jumps;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          if (i + 1 < n.children.size()) {
            const int split = add(I::Split);
            out_.program_[static_cast<std::size_t>(split)].x = here();
            emit(*n.children[i]);
            jumps.push_back(add(I::Jump));
            out_.program_[static_cast<std::size_t>(split)].y = here();
          } else {
            emit(*n.children[i]);
          }
        }
        for (int j : jumps) out_.program_[static_cast<std::size_t>(j)].x = here();
        break;
      }
      case Node::Star: {
        const int split = add(I::Split);
        out_.program_[static_cast<std::size_t>(split)].x = here();
        emit(*n.children[0]);
        add(I::Jump, split);
        out_.program_[static_cast<std::size_t>(split)].y = here();
        break;
      }
      case Node::Plus: {
        const int start = here();
        emit(*n.children[0]);
        add(I::Split, start, here() + 1);
        break;
      }
      case Node::Optional: {
        const int split = add(I::Split);
        out_.program_[static_cast<std::size_t>(split)].x = here();
        emit(*n.children[0]);
        out_.program_[static_cast<std::size_t>(split)].y = here();
        break;
      }
    }
  }

  Pattern& out_;
  std::string_view src_;
  std::size_t pos_ = 0;
};

Pattern::Pattern(std::string_view source) : source_(source) { PatternCompiler(*this, source).run(); }

bool Pattern::search(std::string_view text) const {
  using I = Instruction;
  const std::size_t n = text.size();
  std::vector<std::size_t> mark(program_.size(), 0); // generation that last added each pc
  std::vector<int> current, next, stack;
  bool matched = false;
  // Adds the thread at `pc` and everything reachable without reading a byte.
  auto add_thread = [&](std::vector<int>& list, int start, std::size_t pos, std::size_t generation) {
    stack.push_back(start);
    while (!stack.empty()) {
      const int pc = stack.back();
      stack.pop_back();
      auto& seen = mark[static_cast<std::size_t>(pc)];
      if (seen == generation) continue;
      seen = generation;
      const I& in = program_[static_cast<std::size_t>(pc)];
      switch (in.op) {
        case I::Jump: stack.push_back(in.x); break;
        case I::Split:
          stack.push_back(in.y);
          stack.push_back(in.x);
          break;
        case I::LineStart:
          if (pos == 0) stack.push_back(pc + 1);
          break;
        case I::LineEnd:
          if (pos == n) stack.push_back(pc + 1);
          break;
        case I::Match: matched = true; break;
        case I::Byte: list.push_back(pc); break;
      }
    }
  };
  for (std::size_t pos = 0;; ++pos) {
    add_thread(current, 0, pos, pos + 1); // a match may start at any position
    if (matched) return true;
    if (pos == n) return false;
    const auto byte = static_cast<unsigned char>(text[pos]);
    next.clear();
    for (int pc : current) {
      const I& in = program_[static_cast<std::size_t>(pc)];
      if (classes_[static_cast<std::size_t>(in.x)].test(byte)) add_thread(next, pc + 1, pos + 1, pos + 2);
    }
    if (matched) return true;
    std::swap(current, next);
  }
}

} // namespace crus
