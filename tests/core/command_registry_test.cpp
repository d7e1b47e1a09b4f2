// The command registry: chords parsed and printed one way, dispatch by chord
// with exact modifiers, context precedence, repeat, the viewer's catalogue
// without a chord taken twice in a context, the user's key file (located
// errors, all or nothing) and the palette's search.
#include "core/commands/command_catalogue.hpp"
#include "core/commands/command_registry.hpp"
#include "core/error.hpp"
#include "core/commands/key_bindings.hpp"
#include "support/test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace crus;

namespace {

KeyChord chord(const char* text) {
  auto c = parse_key_chord(text);
  EXPECT_TRUE(c) << text;
  return c.value_or(KeyChord{});
}

const std::vector<std::string> kViewer = {"viewport", "viewer", "global"};
const std::vector<std::string> kTyping = {"text", "global"};

TEST(KeyChord, ParsesAnyCaseAndPrintsOneWay) {
  EXPECT_EQ(to_string(chord("ctrl+shift+z")), "Ctrl+Shift+Z");
  EXPECT_EQ(to_string(chord("Shift+Ctrl+Z")), "Ctrl+Shift+Z");
  EXPECT_EQ(to_string(chord("f1")), "F1");
  EXPECT_EQ(to_string(chord("Control+keypadadd")), "Ctrl+KeypadAdd");
  EXPECT_EQ(to_string(chord("=")), "=");
  EXPECT_EQ(chord("Alt+Left"), (KeyChord{false, false, true, "Left"}));
  for (const std::string& name : key_names()) EXPECT_EQ(to_string(chord(name.c_str())), name);
}

TEST(KeyChord, RefusesWhatIsNotAChordAndSaysWhy) {
  std::string why;
  EXPECT_FALSE(parse_key_chord("Ctrl++", &why));
  EXPECT_NE(why.find("Shift+="), std::string::npos) << why;
  EXPECT_FALSE(parse_key_chord("Hyper+A", &why));
  EXPECT_NE(why.find("not a modifier"), std::string::npos) << why;
  EXPECT_FALSE(parse_key_chord("Ctrl+Ctrl+A", &why));
  EXPECT_NE(why.find("twice"), std::string::npos) << why;
  EXPECT_FALSE(parse_key_chord("Ctrl+Banana", &why));
  EXPECT_NE(why.find("\"Banana\" is not a key"), std::string::npos) << why;
  EXPECT_FALSE(parse_key_chord("", &why));
}

struct Counted {
  CommandRegistry registry;
  std::map<std::string, int> runs;
  void add(const char* id, const char* context, std::initializer_list<const char*> keys, bool repeat = false) {
    std::vector<KeyChord> chords;
    for (const char* k : keys) chords.push_back(chord(k));
    registry.add(CommandInfo{id, id, "", context, chords, repeat});
    registry.bind(id, [this, id] { ++runs[id]; });
  }
};

TEST(CommandRegistry, DispatchesByChordWithExactModifiers) {
  Counted c;
  c.add("view.zoom_in", "viewer", {"="});
  c.add("text.larger", "global", {"Ctrl+="});
  EXPECT_TRUE(c.registry.dispatch(chord("Ctrl+="), kViewer));
  EXPECT_EQ(c.runs["text.larger"], 1);
  EXPECT_EQ(c.runs["view.zoom_in"], 0);
  EXPECT_TRUE(c.registry.dispatch(chord("="), kViewer));
  EXPECT_EQ(c.runs["view.zoom_in"], 1);
  EXPECT_FALSE(c.registry.dispatch(chord("Alt+="), kViewer)); // no command has it
  EXPECT_FALSE(c.registry.dispatch(chord("="), kTyping));     // the viewer's keys rest while typing
  EXPECT_TRUE(c.registry.dispatch(chord("Ctrl+="), kTyping)); // a global one does not
  EXPECT_EQ(c.runs["text.larger"], 2);
}

TEST(CommandRegistry, TheMostSpecificActiveContextOwnsAChord) {
  Counted c;
  c.add("view.reset", "viewer", {"R"});
  c.add("presenter.restart", "presenter", {"R"});
  EXPECT_TRUE(c.registry.conflicts().empty()); // different contexts
  EXPECT_EQ(c.registry.match(chord("R"), {"presenter", "viewer", "global"})->info.id, "presenter.restart");
  EXPECT_EQ(c.registry.match(chord("R"), {"viewer", "global"})->info.id, "view.reset");
  EXPECT_EQ(c.registry.match(chord("R"), {"global"}), nullptr);
}

TEST(CommandRegistry, ADisabledCommandKeepsItsChordAndDoesNothing) {
  Counted c;
  c.add("view.frame_selected", "viewer", {"F"});
  c.add("global.f", "global", {"F"});
  bool selection = false;
  c.registry.bind(
      "view.frame_selected", [&] { ++c.runs["view.frame_selected"]; }, [&] { return selection; });
  EXPECT_FALSE(c.registry.dispatch(chord("F"), kViewer));
  EXPECT_EQ(c.runs["global.f"], 0) << "a disabled command must not pass its chord on";
  selection = true;
  EXPECT_TRUE(c.registry.dispatch(chord("F"), kViewer));
  EXPECT_EQ(c.runs["view.frame_selected"], 1);
}

TEST(CommandRegistry, OnlyRepeatingCommandsActOnAHeldKey) {
  Counted c;
  c.add("view.orbit_left", "viewport", {"Left"}, true);
  c.add("view.mirror", "viewer", {"M"});
  EXPECT_TRUE(c.registry.dispatch(chord("Left"), kViewer, /*repeat=*/true));
  EXPECT_FALSE(c.registry.dispatch(chord("M"), kViewer, /*repeat=*/true));
  EXPECT_TRUE(c.registry.dispatch(chord("M"), kViewer, /*repeat=*/false));
  EXPECT_EQ(c.runs["view.mirror"], 1);
}

TEST(CommandRegistry, RefusesBadIdsAndBindingsOfUnknownCommands) {
  CommandRegistry r;
  r.add(CommandInfo{"view.mirror", "Mirror", "View", "viewer", {}, false});
  EXPECT_THROW(r.add(CommandInfo{"view.mirror", "Again", "View", "viewer", {}, false}), std::invalid_argument);
  EXPECT_THROW(r.add(CommandInfo{"Mirror", "Mirror", "View", "viewer", {}, false}), std::invalid_argument);
  EXPECT_THROW(r.add(CommandInfo{"view..x", "X", "View", "viewer", {}, false}), std::invalid_argument);
  EXPECT_THROW(r.add(CommandInfo{"view.x", "X", "View", "", {}, false}), std::invalid_argument);
  EXPECT_THROW(r.bind("view.mirorr", [] {}), std::invalid_argument);
  EXPECT_FALSE(r.run("view.mirror")) << "an unbound command does not run";
  EXPECT_FALSE(r.is_enabled("view.mirror"));
}

TEST(CommandRegistry, ConflictsNameTheChordContextAndBothCommands) {
  Counted c;
  c.add("view.zoom_in", "viewer", {"Ctrl+="});
  c.add("text.larger", "viewer", {"Ctrl+="});
  c.add("file.quit", "global", {"Ctrl+Q"});
  c.add("view.quick", "viewer", {"Ctrl+Q"});
  const auto clashes = c.registry.conflicts();
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0], "Ctrl+= in viewer: view.zoom_in and text.larger");
  // viewer and global are active together: the viewer's Ctrl+Q would hide Quit.
  const auto nested = c.registry.conflicts({"viewer", "global"});
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[1], "Ctrl+Q in global/viewer: file.quit and view.quick");
}

TEST(CommandCatalogue, NoChordIsTakenTwiceInAContext) {
  CommandRegistry r;
  add_viewer_commands(r);
  EXPECT_GT(r.all().size(), 40u);
  const auto clashes = r.conflicts(viewer_contexts());
  std::string list;
  for (const auto& c : clashes) list += "\n  " + c;
  EXPECT_TRUE(clashes.empty()) << list;
}

TEST(CommandCatalogue, CtrlEqualsSizesTheTextAndEqualsZooms) {
  CommandRegistry r;
  add_viewer_commands(r);
  EXPECT_EQ(r.match(chord("Ctrl+="), kViewer)->info.id, "text.larger");
  EXPECT_EQ(r.match(chord("Ctrl+-"), kViewer)->info.id, "text.smaller");
  EXPECT_EQ(r.match(chord("Ctrl+KeypadAdd"), kViewer)->info.id, "text.larger");
  EXPECT_EQ(r.match(chord("="), kViewer)->info.id, "view.zoom_in");
  EXPECT_EQ(r.match(chord("Shift+="), kViewer)->info.id, "view.zoom_in");
  EXPECT_EQ(r.match(chord("KeypadSubtract"), kViewer)->info.id, "view.zoom_out");
  EXPECT_EQ(r.match(chord("Ctrl+Shift+P"), kTyping)->info.id, "palette.open");
  EXPECT_EQ(r.match(chord("Ctrl+K"), kViewer)->info.id, "palette.open");
  EXPECT_EQ(r.keys_text("edit.redo"), "Ctrl+Y or Ctrl+Shift+Z");
  EXPECT_EQ(panel_command_id("Where does it hurt?"), "panel.where_does_it_hurt");
  EXPECT_NE(r.find(panel_command_id("Trigger points")), nullptr);
}

TEST(CommandRegistry, SearchFindsByTitleWordsOrIdTitleStartsFirst) {
  CommandRegistry r;
  add_viewer_commands(r);
  auto ids = [&](const char* q) {
    std::vector<std::string> out;
    for (const Command* c : r.search(q)) out.push_back(c->info.id);
    return out;
  };
  ASSERT_FALSE(ids("mirror").empty());
  EXPECT_EQ(ids("mirror").front(), "view.mirror");
  EXPECT_EQ(ids("ZOOM in"), std::vector<std::string>{"view.zoom_in"});
  EXPECT_EQ(ids("frame_selected"), std::vector<std::string>{"view.frame_selected"});
  EXPECT_EQ(ids("view").front(), "view.anterior") << "titles starting with the word do not come first";
  EXPECT_TRUE(ids("no such thing").empty());
  EXPECT_EQ(r.search("").size(), r.all().size());
}

// --- the user's key file ---

CommandRegistry catalogue() {
  CommandRegistry r;
  add_viewer_commands(r);
  return r;
}

std::string error_of(CommandRegistry& r, const std::string& text) {
  try {
    apply_key_bindings(r, text, "keys.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(KeyBindings, AFileChangesTheChordsItNamesAndNothingElse) {
  CommandRegistry r = catalogue();
  ASSERT_EQ(error_of(r, R"({"keys": {"view.mirror": "Ctrl+M", "view.zoom_in": ["=", "KeypadAdd"], "view.hide_panels": []}})"),
            "");
  EXPECT_EQ(r.keys_text("view.mirror"), "Ctrl+M");
  EXPECT_EQ(r.keys_text("view.zoom_in"), "= or KeypadAdd");
  EXPECT_EQ(r.keys_text("view.hide_panels"), "");
  EXPECT_EQ(r.keys_text("edit.undo"), "Ctrl+Z");
  EXPECT_EQ(r.match(chord("M"), kViewer), nullptr);
}

TEST(KeyBindings, ProblemsNameTheLineAndFieldAndKeepEveryDefault) {
  struct Case {
    const char* text;
    const char* where;
    const char* says;
  };
  const Case cases[] = {
      {"{\n\"keys\": {\n\"view.mirror\": \"Ctrl+M\",\n\"view.mirorr\": \"M\"\n}\n}", "keys.json:4", "did you mean view.mirror?"},
      {"{\n\"keys\": {\n\"view.mirror\": [\"Ctrl+M\",\n \"Ctrl+Banana\"]\n}\n}", "keys.json:4", "\"Banana\" is not a key"},
      {"{\n\"keys\": {\n\"view.mirror\": 3\n}\n}", "keys.json:3", "expected a key chord"},
      {"{\n\"keys\": {\n\"view.mirror\": \"Ctrl+Z\"\n}\n}", "keys.json:3", "Ctrl+Z is also the key of edit.undo"},
      {"{\n\"keys\": {\n\"view.mirror\": \"F1\"\n}\n}", "keys.json:3", "F1 is also the key of panel.help (context global)"},
      {"{\n\"keys\": {\n\"view.mirror\": \"M\",\n}\n}", "keys.json:4", ""},
      {"{\n\"bindings\": {}\n}", "keys.json:2", "unknown member"},
      {"[1, 2]", "keys.json:1", "expected an object"},
  };
  for (const Case& c : cases) {
    CommandRegistry r = catalogue();
    const std::string error = error_of(r, c.text);
    EXPECT_EQ(error.rfind(c.where, 0), 0u) << c.text << "\n -> " << error;
    EXPECT_NE(error.find(c.says), std::string::npos) << c.text << "\n -> " << error;
    EXPECT_EQ(r.keys_text("view.mirror"), "M") << "a bad file changed a chord: " << c.text;
  }
}

TEST(KeyBindings, TheFileGivesOneLineAndTheDefaultsWhenBadNothingWhenMissing) {
  const auto dir = test::scratch_dir("key_bindings");
  CommandRegistry r = catalogue();
  EXPECT_EQ(apply_key_bindings_file(r, (dir / "absent.json").string()), "");
  const std::string path = (dir / "keys.json").string();
  std::ofstream(path) << "{\"keys\": {\"view.mirror\": \"Ctrl+Q\"}}"; // Quit's, in an enclosing context
  const std::string problem = apply_key_bindings_file(r, path);
  EXPECT_EQ(problem.rfind(path + ":1: keys[\"view.mirror\"]", 0), 0u) << problem;
  EXPECT_NE(problem.find("the default keys are used"), std::string::npos) << problem;
  EXPECT_EQ(problem.find('\n'), std::string::npos) << problem;
  EXPECT_EQ(r.keys_text("file.quit"), "Ctrl+Q");
  EXPECT_EQ(r.keys_text("view.mirror"), "M");
}

} // namespace

TEST(CommandCatalogue, AnnotationAndPointerKeysTakeNoOtherCommandsKey) {
  // The annotation tools and the presenter's pointer, ink and keep-ink keys
  // are new chords everywhere they can be pressed: no viewer, global,
  // presenter or annotate command loses its key to them. Only Escape is
  // shared on purpose: while a tool is in use it stops the tool first.
  CommandRegistry r;
  add_viewer_commands(r);
  const std::vector<std::string> mine = {"annotate.add_pin",    "annotate.add_arrow",   "annotate.ink",
                                         "annotate.clear_ink",  "annotate.delete_last", "annotate.place_here",
                                         "presenter.laser",     "presenter.spotlight",  "presenter.ink",
                                         "presenter.clear_ink", "presenter.keep_ink"};
  for (const std::string& id : mine) {
    const Command* c = r.find(id);
    ASSERT_TRUE(c) << id;
    ASSERT_FALSE(c->info.keys.empty()) << id << " needs a key: everything works from the keyboard";
    for (const KeyChord& k : c->info.keys)
      for (const Command& other : r.all())
        if (other.info.id != id) {
          EXPECT_EQ(std::find(other.info.keys.begin(), other.info.keys.end(), k), other.info.keys.end())
              << to_string(k) << ": " << id << " and " << other.info.id;
        }
  }
  EXPECT_EQ(r.match(chord("Escape"), {"annotate", "presenter", "viewer", "global"})->info.id, "annotate.cancel");
  EXPECT_EQ(r.match(chord("L"), {"presenter", "viewer", "global"})->info.id, "presenter.laser");
  EXPECT_EQ(r.match(chord("Shift+P"), kViewer)->info.id, "annotate.add_pin");
}
