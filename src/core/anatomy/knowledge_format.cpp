// Presentation of knowledge entries: the plain-text page (`crus info`) and
// the JSON form (`crus info --json`). Split from knowledge.cpp, which loads
// and checks the knowledge base.
#include "core/anatomy/knowledge.hpp"

#include <algorithm>
#include <sstream>

namespace crus {

using nlohmann::json;

namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Word-wraps `text` to `width` columns, each line starting with `indent`.
std::string wrap(const std::string& text, const std::string& indent, std::size_t width = 78) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

// Like wrap, but the first line starts with `first` and later lines with
// spaces of the same width (for bullets and labels).
std::string hang(const std::string& first, const std::string& text) {
  std::string body = wrap(text, std::string(first.size(), ' '));
  if (body.size() >= first.size()) body.replace(0, first.size(), first);
  return body;
}

} // namespace

// ---- presentation ----

std::string format_entry_text(const KnowledgeEntry& e, const KnowledgeBase* base) {
  std::string out;
  auto section = [&](const std::string& title) { out += "\n" + title + "\n"; };
  // With a base, ids of other structures are shown by their names.
  auto display = [&](const std::string& id) {
    const KnowledgeEntry* other = base ? base->find(id) : nullptr;
    return other ? other->name : id;
  };
  auto display_all = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(display(id));
    return join(names, ", ");
  };
  auto bullet_attachments = [&](const std::vector<Attachment>& list) {
    for (const auto& a : list) out += hang("  - ", a.text + " [" + a.site + "]");
  };

  out += e.name + "  (" + e.id + ")\n";
  out += "Latin: " + e.latin + "\n";
  if (!e.synonyms.empty()) out += hang("Also called: ", join(e.synonyms, ", "));
  std::string facts = "Kind: " + e.kind + "   Region: " + e.region;
  if (e.compartment) facts += "   Compartment: " + *e.compartment;
  out += facts + "\n";
  out += "Layer: " + std::to_string(e.layer) + " (1 = most superficial, 5 = bone)\n";
  if (e.fma_id) {
    out += "FMA: " + *e.fma_id;
    if (e.fma_id_right) out += " (right " + *e.fma_id_right + (e.fma_id_left ? ", left " + *e.fma_id_left : std::string()) + ")";
    out += "\n";
  }

  section("Description");
  out += wrap(e.description, "  ");
  if (!e.origin.empty()) {
    section("Origin");
    bullet_attachments(e.origin);
  }
  if (!e.insertion.empty()) {
    section("Insertion");
    bullet_attachments(e.insertion);
  }
  if (e.innervation) {
    section("Innervation");
    out +=
        hang("  ", display(e.innervation->nerve) + " (roots " + join(e.innervation->roots, ", ") + "): " + e.innervation->text);
    if (e.innervation->disagreement) out += hang("  Sources differ: ", *e.innervation->disagreement);
  }
  if (!e.actions.empty()) {
    section("Function by joint");
    std::vector<std::string> joints;
    for (const auto& a : e.actions)
      if (std::find(joints.begin(), joints.end(), a.joint) == joints.end()) joints.push_back(a.joint);
    for (const auto& joint : joints) {
      out += "  " + joint + ":\n";
      for (const auto& a : e.actions) {
        if (a.joint != joint) continue;
        std::string line = a.movement + " (" + a.role + ")";
        if (a.note) line += " - " + *a.note;
        out += hang("    - ", line);
      }
    }
  }
  if (!e.synergists.empty()) out += hang("  Works with: ", display_all(e.synergists));
  if (!e.antagonists.empty()) out += hang("  Opposed by: ", display_all(e.antagonists));
  if (e.arterial_supply) {
    section("Blood supply");
    out += wrap(*e.arterial_supply, "  ");
  }
  if (e.fibre_types) {
    section("Fibre types");
    out += wrap(*e.fibre_types, "  ");
  }
  if (e.variation) {
    section("Variation");
    out += wrap(*e.variation, "  ");
  }
  if (!e.landmarks.empty()) {
    section("Landmarks");
    for (const auto& l : e.landmarks) out += hang("  - ", l.id + ": " + l.text);
  }
  if (e.has("attachments")) {
    section("Muscles attached here");
    out += e.attachments.empty() ? std::string("  none\n") : wrap(join(e.attachments, ", "), "  ");
  }
  if (!e.muscles.empty()) {
    section("Muscles");
    out += wrap(display_all(e.muscles), "  ");
  }
  if (!e.roots.empty()) {
    section("Roots");
    out += "  " + join(e.roots, ", ") + "\n";
  }
  if (e.branch_of) out += "\nBranch of: " + display(*e.branch_of) + "\n";
  if (e.has("supplies")) {
    section("Supplies");
    out += e.supplies.empty() ? std::string("  no atlas muscle directly\n") : wrap(display_all(e.supplies), "  ");
  }
  if (e.sensory) {
    section("Sensory");
    out += wrap(*e.sensory, "  ");
  }
  if (e.course) {
    section("Course");
    out += wrap(*e.course, "  ");
  }
  if (!e.dermatomes.empty()) {
    section("Dermatomes");
    for (const auto& d : e.dermatomes) out += hang("  - ", d.root + ": " + d.text);
  }
  if (!e.cutaneous_nerves.empty()) {
    section("Cutaneous nerves");
    for (const auto& c : e.cutaneous_nerves) out += hang("  - ", c.name + ": " + c.text);
  }
  if (!e.clinical.empty()) {
    section("Clinical notes");
    for (const auto& c : e.clinical) out += hang("  - ", c.title + ": " + c.text);
  }
  if (e.patient_summary) {
    section("For patients");
    out += wrap(*e.patient_summary, "  ");
  }
  if (!e.sources.empty()) {
    section("Sources");
    std::vector<std::string> cited;
    for (const auto& [name, keys] : e.sources) {
      out += hang("  " + name + ": ", join(keys, ", "));
      for (const auto& k : keys)
        if (std::find(cited.begin(), cited.end(), k) == cited.end()) cited.push_back(k);
    }
    if (base) {
      out += "\n";
      for (const auto& k : cited) {
        const SourceInfo* s = base->find_source(k);
        out += hang("  [" + k + "] ", s ? s->citation + (s->url ? " " + *s->url : std::string()) : std::string("(not defined)"));
      }
    }
  }
  return out;
}

json entry_to_json(const KnowledgeEntry& e) {
  json o = json::object();
  auto attachments = [](const std::vector<Attachment>& list) {
    json a = json::array();
    for (const auto& x : list) a.push_back({{"text", x.text}, {"site", x.site}});
    return a;
  };
  // Emit exactly the fields the entry had in its file, under the same names.
  for (const auto& field : e.fields) {
    if (field == "id") o[field] = e.id;
    else if (field == "kind") o[field] = e.kind;
    else if (field == "name") o[field] = e.name;
    else if (field == "latin") o[field] = e.latin;
    else if (field == "synonyms") o[field] = e.synonyms;
    else if (field == "fma_id" && e.fma_id) o[field] = *e.fma_id;
    else if (field == "fma_id_right" && e.fma_id_right) o[field] = *e.fma_id_right;
    else if (field == "fma_id_left" && e.fma_id_left) o[field] = *e.fma_id_left;
    else if (field == "region") o[field] = e.region;
    else if (field == "compartment" && e.compartment) o[field] = *e.compartment;
    else if (field == "layer") o[field] = e.layer;
    else if (field == "description") o[field] = e.description;
    else if (field == "origin") o[field] = attachments(e.origin);
    else if (field == "insertion") o[field] = attachments(e.insertion);
    else if (field == "innervation" && e.innervation) {
      json n = {{"nerve", e.innervation->nerve}, {"roots", e.innervation->roots}, {"text", e.innervation->text}};
      if (e.innervation->disagreement) n["disagreement"] = *e.innervation->disagreement;
      o[field] = n;
    } else if (field == "arterial_supply" && e.arterial_supply) o[field] = *e.arterial_supply;
    else if (field == "actions") {
      json a = json::array();
      for (const auto& x : e.actions) {
        json item = {{"joint", x.joint}, {"movement", x.movement}, {"role", x.role}};
        if (x.note) item["note"] = *x.note;
        a.push_back(item);
      }
      o[field] = a;
    } else if (field == "synergists") o[field] = e.synergists;
    else if (field == "antagonists") o[field] = e.antagonists;
    else if (field == "fibre_types" && e.fibre_types) o[field] = *e.fibre_types;
    else if (field == "variation" && e.variation) o[field] = *e.variation;
    else if (field == "clinical") {
      json a = json::array();
      for (const auto& x : e.clinical) a.push_back({{"title", x.title}, {"text", x.text}});
      o[field] = a;
    } else if (field == "patient_summary" && e.patient_summary) o[field] = *e.patient_summary;
    else if (field == "patient_red_flags") o[field] = e.patient_red_flags;
    else if (field == "landmarks") {
      json a = json::array();
      for (const auto& x : e.landmarks) a.push_back({{"id", x.id}, {"text", x.text}});
      o[field] = a;
    } else if (field == "attachments") o[field] = e.attachments;
    else if (field == "roots") o[field] = e.roots;
    else if (field == "supplies") o[field] = e.supplies;
    else if (field == "sensory" && e.sensory) o[field] = *e.sensory;
    else if (field == "branch_of" && e.branch_of) o[field] = *e.branch_of;
    else if (field == "course" && e.course) o[field] = *e.course;
    else if (field == "muscles") o[field] = e.muscles;
    else if (field == "dermatomes") {
      json a = json::array();
      for (const auto& x : e.dermatomes) a.push_back({{"root", x.root}, {"text", x.text}});
      o[field] = a;
    } else if (field == "cutaneous_nerves") {
      json a = json::array();
      for (const auto& x : e.cutaneous_nerves) {
        json item = {{"name", x.name}};
        if (x.nerve) item["nerve"] = *x.nerve;
        item["text"] = x.text;
        a.push_back(item);
      }
      o[field] = a;
    } else if (field == "sources") {
      json s = json::object();
      for (const auto& [name, keys] : e.sources) s[name] = keys;
      o[field] = s;
    }
  }
  return o;
}

} // namespace crus
