#include "ui/search_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace crus::ui {

void SearchPanel::refresh(const ViewerContext& ctx) {
  std::size_t size = ctx.search ? ctx.search->entries().size() : 0;
  if (query_ == searched_ && ctx.search == searched_in_ && size == searched_size_) return;
  results_ = ctx.search ? ctx.search->search(query_, max_results) : std::vector<SearchResult>{};
  searched_ = query_;
  searched_in_ = ctx.search;
  searched_size_ = size;
  highlighted_ = -1;
}

void SearchPanel::set_query(const ViewerContext& ctx, const std::string& text) {
  query_ = text;
  refresh(ctx);
}

void SearchPanel::move_highlight(int delta) {
  if (results_.empty()) {
    highlighted_ = -1;
    return;
  }
  int last = static_cast<int>(results_.size()) - 1;
  highlighted_ = highlighted_ < 0 ? (delta > 0 ? 0 : last) : std::clamp(highlighted_ + delta, 0, last);
  scroll_to_highlight_ = true;
}

bool SearchPanel::activate(ViewerContext& ctx, std::size_t result) {
  if (result >= results_.size() || !ctx.scene || !ctx.document) return false;
  int index = ctx.scene->index_of(results_[result].id);
  if (index < 0) return false;
  highlighted_ = static_cast<int>(result);
  ctx.document->select(index);
  ctx.frame_request = index;
  return true;
}

bool SearchPanel::activate(ViewerContext& ctx) {
  return activate(ctx, highlighted_ >= 0 ? static_cast<std::size_t>(highlighted_) : 0);
}

int SearchPanel::on_history_key(ImGuiInputTextCallbackData* data) {
  auto* self = static_cast<SearchPanel*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
    if (data->EventKey == ImGuiKey_UpArrow) self->move_highlight(-1);
    if (data->EventKey == ImGuiKey_DownArrow) self->move_highlight(+1);
  }
  return 0;
}

void SearchPanel::draw(ViewerContext& ctx) {
  if (ctx.request_search_focus) {
    ctx.request_search_focus = false;
    open = true;
    ImGui::SetWindowFocus();
    // '/' opened the search; it is a shortcut here, not the first letter.
    ImVector<ImWchar>& typed = ImGui::GetIO().InputQueueCharacters;
    // (An empty ImVector has no storage: erasing from it would memmove null.)
    auto* kept = std::remove(typed.begin(), typed.end(), static_cast<ImWchar>('/'));
    if (kept != typed.end()) typed.erase(kept, typed.end());
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGuiInputTextFlags flags =
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_AutoSelectAll;
  // The long hint is cut off in a narrow panel with big text: a short one then.
  const char* hint = "Name, Latin name or synonym";
  if (ImGui::CalcTextSize(hint).x + 2.0f * ImGui::GetStyle().FramePadding.x > ImGui::GetContentRegionAvail().x) hint = "Search";
  bool entered = ImGui::InputTextWithHint("##query", hint, &query_, flags, &SearchPanel::on_history_key, this);
  refresh(ctx);
  if (entered) activate(ctx);

  if (!ctx.search) {
    ImGui::TextDisabled("Search needs an atlas.");
    return;
  }
  if (query_.find_first_not_of(" \t") == std::string::npos) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Type a name, a Latin name or another name for a structure: for example peroneus, "
                       "Achilles or calf. Up and Down choose, Enter selects.");
    ImGui::PopStyleColor();
    return;
  }
  if (results_.empty()) {
    ImGui::TextWrapped("Nothing matches \"%s\".", query_.c_str());
    return;
  }
  if (ImGui::BeginChild("##results")) {
    const ImGuiStyle& style = ImGui::GetStyle();
    for (std::size_t i = 0; i < results_.size(); ++i) {
      const SearchResult& r = results_[i];
      bool alias = fold_for_search(r.matched) != fold_for_search(r.name);
      float height = ImGui::GetTextLineHeight() * (alias ? 2.0f : 1.0f) + (alias ? style.ItemSpacing.y : 0.0f);
      ImGui::PushID(static_cast<int>(i));
      ImVec2 start = ImGui::GetCursorPos();
      bool highlighted = highlighted_ == static_cast<int>(i);
      if (ImGui::Selectable("##result", highlighted, 0, ImVec2(0.0f, height))) activate(ctx, i);
      if (highlighted && scroll_to_highlight_) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_highlight_ = false;
      }
      ImGui::SetCursorPos(start);
      ImGui::TextUnformatted(r.name.c_str());
      if (alias) {
        ImGui::Indent();
        ImGui::TextDisabled("matched: %s", r.matched.c_str());
        ImGui::Unindent();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

} // namespace crus::ui
