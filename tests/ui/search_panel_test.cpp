// The search panel: results as you type, the alias that matched, Up/Down
// and Enter, focus on request, and typed input through real ImGui frames.
#include "panel_harness.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/search_panel.hpp"
#include "ui/shell.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>

using namespace crus;

namespace {

constexpr int kEnter = 257, kDown = 264, kUp = 265; // GLFW key codes, as ImGuiHost maps them

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  SearchIndex index;
  ui::ViewerContext ctx;
  ui::SearchPanel panel;

  Harness() {
    const std::pair<const char*, const char*> names[] = {{"tibialis_anterior", "Tibialis anterior"},
                                                         {"fibularis_longus", "Fibularis longus"},
                                                         {"fibularis_brevis", "Fibularis brevis"},
                                                         {"calcaneal_tendon", "Calcaneal tendon"},
                                                         {"soleus", "Soleus"}};
    std::vector<SearchEntry> entries;
    for (auto [id, name] : names) {
      SceneStructure s;
      s.id = s.node = id;
      s.name = name;
      scene.structures.push_back(s);
      entries.push_back({id, name, {}});
    }
    entries[1].aliases = {"musculus fibularis longus", "peroneus longus"};
    entries[2].aliases = {"musculus fibularis brevis", "peroneus brevis"};
    entries[3].aliases = {"Achilles tendon"};
    index = SearchIndex(entries);
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.search = &index;
  }

  void frame(const std::function<void(ImGuiIO&)>& input = {}) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(1, 1);
    if (input) input(io);
    host.begin_frame();
    ui::draw_panel_window(panel, ctx);
    host.end_frame();
    ASSERT_TRUE(panel.last_error.empty()) << panel.last_error;
  }
  void press(int key) {
    frame([&](ImGuiIO& io) { io.KeysDown[key] = true; });
    frame([&](ImGuiIO& io) { io.KeysDown[key] = false; });
  }
  // The text box takes the focus on the frame after the request and reads
  // characters from the frame after that.
  void focus() {
    ctx.request_search_focus = true;
    frame();
    EXPECT_FALSE(ctx.request_search_focus);
    frame();
  }
  void type(const char* text) {
    frame([&](ImGuiIO& io) { io.AddInputCharactersUTF8(text); });
    frame();
  }
  bool is_fibularis(int index) const {
    return index == scene.index_of("fibularis_longus") || index == scene.index_of("fibularis_brevis");
  }
};

TEST(SearchPanel, AliasFindsTheFibularisMusclesAndSaysWhatMatched) {
  Harness h;
  h.panel.set_query(h.ctx, "peroneus");
  ASSERT_EQ(h.panel.results().size(), 2u);
  for (const auto& r : h.panel.results()) {
    EXPECT_TRUE(r.id == "fibularis_longus" || r.id == "fibularis_brevis") << r.id;
    EXPECT_NE(r.matched.find("peroneus"), std::string::npos) << r.matched;
  }
  h.panel.set_query(h.ctx, "achilles");
  ASSERT_FALSE(h.panel.results().empty());
  EXPECT_EQ(h.panel.results()[0].id, "calcaneal_tendon");
  h.panel.set_query(h.ctx, "   ");
  EXPECT_TRUE(h.panel.results().empty());
}

TEST(SearchPanel, EnterSelectsTheFirstResultOrTheHighlightedOne) {
  Harness h;
  h.panel.set_query(h.ctx, "fibularis");
  ASSERT_EQ(h.panel.results().size(), 2u);
  EXPECT_EQ(h.panel.highlighted(), -1);
  ASSERT_TRUE(h.panel.activate(h.ctx));
  int first = h.scene.index_of(h.panel.results()[0].id);
  EXPECT_EQ(h.document.state().selected, first);
  EXPECT_EQ(h.ctx.frame_request, first);

  h.panel.move_highlight(+1); // from none to the first
  h.panel.move_highlight(+1);
  h.panel.move_highlight(+1); // stays on the last
  EXPECT_EQ(h.panel.highlighted(), 1);
  ASSERT_TRUE(h.panel.activate(h.ctx));
  EXPECT_EQ(h.document.state().selected, h.scene.index_of(h.panel.results()[1].id));
  h.panel.move_highlight(-1);
  EXPECT_EQ(h.panel.highlighted(), 0);

  h.panel.set_query(h.ctx, "zzzz");
  EXPECT_FALSE(h.panel.activate(h.ctx));
}

TEST(SearchPanel, TypingPeroneusAndPressingEnterSelectsAFibularisMuscle) {
  Harness h;
  h.frame();
  h.focus();
  h.type("peroneus");
  EXPECT_EQ(h.panel.query(), "peroneus");
  EXPECT_EQ(h.panel.results().size(), 2u);
  h.press(kEnter);
  EXPECT_TRUE(h.is_fibularis(h.document.state().selected)) << h.document.state().selected;
  EXPECT_EQ(h.ctx.frame_request, h.document.state().selected);
}

TEST(SearchPanel, TypedSpacesKeepTheWordsApart) {
  Harness h;
  h.frame();
  h.focus();
  h.type("peroneus");
  // A real space bar sends the key and the character in the same frame.
  h.frame([](ImGuiIO& io) {
    io.KeysDown[' '] = true;
    io.AddInputCharacter(' ');
  });
  h.frame([](ImGuiIO& io) { io.KeysDown[' '] = false; });
  h.type("brev");
  EXPECT_EQ(h.panel.query(), "peroneus brev");
  h.press(kEnter);
  EXPECT_EQ(h.document.state().selected, h.scene.index_of("fibularis_brevis"));
}

TEST(SearchPanel, ArrowKeysMoveTheHighlightBeforeEnter) {
  Harness h;
  h.frame();
  h.focus();
  h.type("fibularis");
  ASSERT_EQ(h.panel.results().size(), 2u);
  h.press(kDown);
  h.press(kDown);
  EXPECT_EQ(h.panel.highlighted(), 1);
  h.press(kUp);
  h.press(kDown);
  std::string expected = h.panel.results()[1].id;
  h.press(kEnter);
  EXPECT_EQ(h.document.state().selected, h.scene.index_of(expected));
}

TEST(SearchPanel, FocusRequestFocusesTheTextBoxAndSwallowsTheSlash) {
  Harness h;
  h.panel.open = false;
  h.frame();
  // '/' asked for the search in the same frame as its character arrived.
  h.ctx.request_search_focus = true;
  h.panel.open = true; // what the shell does with the request
  h.frame([](ImGuiIO& io) { io.AddInputCharacter('/'); });
  EXPECT_FALSE(h.ctx.request_search_focus);
  h.frame();
  h.type("sol");
  EXPECT_EQ(h.panel.query(), "sol");
  ASSERT_FALSE(h.panel.results().empty());
  EXPECT_EQ(h.panel.results()[0].id, "soleus");
}

TEST(SearchPanel, ANarrowPanelShowsAShortHintInsteadOfACutOne) {
  // With big text in a narrow panel the hint was cut to "Name, Latin nar".
  Harness h;
  for (const float width : {150.0f, 560.0f}) {
    const std::string text = test::draw_at_width(h.host, h.panel, h.ctx, width, 600.0f, 1);
    const bool whole = text.find("Name, Latin name or synonym") != std::string::npos;
    EXPECT_EQ(whole, width > 400.0f) << text;
    if (!whole) {
      EXPECT_NE(text.find("Search"), std::string::npos) << text;
    }
  }
}

TEST(SearchPanel, NoIndexOrEmptyQueryShowsAHintWithoutError) {
  Harness h;
  h.frame();
  EXPECT_TRUE(h.panel.results().empty());
  h.ctx.search = nullptr;
  h.panel.set_query(h.ctx, "soleus");
  EXPECT_TRUE(h.panel.results().empty());
  h.frame();
  EXPECT_FALSE(h.panel.activate(h.ctx));
  EXPECT_EQ(h.document.state().selected, -1);
}

} // namespace
