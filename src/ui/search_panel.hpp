#pragma once
// Search as you type over names, Latin names and synonyms. Up and Down move
// the highlighted result, Enter selects it (the first when none is
// highlighted) and frames it; a click selects too.
#include "ui/panel.hpp"

#include <string>
#include <vector>

struct ImGuiInputTextCallbackData;

namespace crus::ui {

class SearchPanel : public Panel {
public:
  SearchPanel() = default;
  const char* title() const override { return "Search"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::left_bottom; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.01f;
    y = 0.62f;
    w = 0.23f;
    h = 0.32f;
  }

  static constexpr std::size_t max_results = 12;

  // What typing does: sets the text and runs the search.
  void set_query(const ViewerContext& ctx, const std::string& text);
  const std::string& query() const { return query_; }
  const std::vector<SearchResult>& results() const { return results_; }
  int highlighted() const { return highlighted_; } // -1: none
  // Up (-1) and Down (+1), clamped to the results.
  void move_highlight(int delta);
  // Enter: selects the highlighted result, or the first, and asks to frame
  // it. Returns false when there is nothing to select.
  bool activate(ViewerContext& ctx);
  bool activate(ViewerContext& ctx, std::size_t result);

private:
  void refresh(const ViewerContext& ctx);
  static int on_history_key(ImGuiInputTextCallbackData* data);

  std::string query_;
  std::string searched_; // the query results_ belong to
  const SearchIndex* searched_in_ = nullptr;
  std::size_t searched_size_ = 0; // entries in that index then (a new atlas refills it)
  std::vector<SearchResult> results_;
  int highlighted_ = -1;
  bool scroll_to_highlight_ = false;
};

} // namespace crus::ui
