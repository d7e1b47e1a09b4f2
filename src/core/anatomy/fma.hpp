#pragma once
// Foundational Model of Anatomy identifiers in node and file names.
// BodyParts3D, and the tools built on it, name each part by its FMA id, often
// the sided one (FMA22558 is the right soleus, FMA22559 the left, FMA:22542
// the soleus of either side). The knowledge base records all three for each
// structure, so a foreign atlas can be labelled without hand-written patterns
// and a part of a left leg is recognised as one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crus {

struct KnowledgeBase;

enum class Side { unsided, right, left };
const char* to_string(Side side); // "", "right", "left"

// The number of the first FMA id in `text`: "FMA22558", "FMA:22558",
// "fma_22558" or "FMA-22558", not inside a longer word ("XFMA1") and not
// followed by a letter or digit run that makes it another token ("FMA12ab").
std::optional<std::uint32_t> find_fma_number(std::string_view text);

struct FmaMatch {
  std::string id; // structure id in the knowledge base
  Side side = Side::unsided;
  std::string fma; // as written in the knowledge base, e.g. "FMA:22559"
};

class FmaIndex {
public:
  // Adds `fma` ("FMA:22558") for structure `id`; false when `fma` is not an
  // FMA id or already names another structure (the first one stays).
  bool add(const std::string& fma, const std::string& id, Side side);
  const FmaMatch* find(std::uint32_t number) const;
  std::size_t size() const { return by_number_.size(); }

private:
  std::unordered_map<std::uint32_t, FmaMatch> by_number_;
};

// Generic, right and left ids of every knowledge entry that has them.
// `clashes` (when given) receives one line per id recorded twice.
FmaIndex make_fma_index(const KnowledgeBase& knowledge, std::vector<std::string>* clashes = nullptr);

} // namespace crus
