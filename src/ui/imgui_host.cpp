#include "ui/imgui_host.hpp"

#include "core/io/file_io.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <fstream>
#include <sstream>

namespace crus::ui {

std::string find_ui_font() {
  const char* candidates[] = {
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
      "/usr/local/share/fonts/DejaVuSans.ttf",
      "/Library/Fonts/DejaVuSans.ttf",
  };
  std::error_code ec;
  for (const char* c : candidates)
    if (std::filesystem::exists(c, ec)) return c;
  return {};
}

ImGuiHost::ImGuiHost(void* native_window, float content_scale, const std::string& ini_path)
    : scale_(content_scale > 0.0f ? content_scale : 1.0f), ini_path_(ini_path) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr; // we persist it ourselves, atomically
  if (!ini_path_.empty()) {
    std::ifstream in(ini_path_);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      ImGui::LoadIniSettingsFromMemory(text.c_str(), text.size());
    }
  }
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.Colors[ImGuiCol_WindowBg].w = 1.0f; // overlapping panels must not show through
  style.ScaleAllSizes(scale_);
  if (native_window) {
    // No callbacks of its own: the window queues the input events and
    // begin_frame replays them (see core/commands/input_events.hpp).
    ImGui_ImplGlfw_InitForOpenGL(static_cast<struct GLFWwindow*>(native_window), false);
  } else {
    // Headless (tests, figures): the same key indices the GLFW backend uses,
    // so code and tests address keys one way.
    const std::pair<int, int> map[] = {
        {ImGuiKey_Tab, 258},       {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262}, {ImGuiKey_UpArrow, 265},
        {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},    {ImGuiKey_PageDown, 267},   {ImGuiKey_Home, 268},
        {ImGuiKey_End, 269},       {ImGuiKey_Insert, 260},    {ImGuiKey_Delete, 261},     {ImGuiKey_Backspace, 259},
        {ImGuiKey_Space, 32},      {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},     {ImGuiKey_KeyPadEnter, 335},
        {ImGuiKey_A, 'A'},         {ImGuiKey_C, 'C'},         {ImGuiKey_V, 'V'},          {ImGuiKey_X, 'X'},
        {ImGuiKey_Y, 'Y'},         {ImGuiKey_Z, 'Z'}};
    for (auto [key, index] : map) io.KeyMap[key] = index;
    io.DisplaySize = ImVec2(1280, 800);
  }
  ImGui_ImplOpenGL3_Init("#version 330 core");
  load_font();
}

void ImGuiHost::activate() { ImGui::SetCurrentContext(context_); }

ImGuiHost::~ImGuiHost() {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  activate();
  save_layout();
  ImGui_ImplOpenGL3_Shutdown();
  if (ImGui::GetIO().BackendPlatformUserData) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(context_);
  ImGui::SetCurrentContext(previous != context_ ? previous : nullptr);
}

void ImGuiHost::load_font() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  std::string path = find_ui_font();
  ImFont* font = nullptr;
  if (!path.empty()) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 2;
    // Latin-1 and a few symbols (arrows, bullets) used in the panels.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2199, 0x2212, 0x2212, 0};
    font = io.Fonts->AddFontFromFileTTF(path.c_str(), font_points_ * scale_, &config, ranges);
    if (font && large_points_ > 0.0f) io.Fonts->AddFontFromFileTTF(path.c_str(), large_points_ * scale_, &config, ranges);
  }
  if (font) {
    font_name_ = "DejaVu Sans";
  } else {
    ImFontConfig config;
    config.SizePixels = 13.0f * scale_ * font_points_ / 13.0f;
    io.Fonts->AddFontDefault(&config);
    font_name_ = "ImGui default";
  }
  io.Fonts->Build();
}

void ImGuiHost::set_large_font_size(float points) {
  if (points == large_points_) return;
  large_points_ = points;
  font_dirty_ = true;
}

ImFont* large_font() {
  ImGuiIO& io = ImGui::GetIO();
  return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : io.Fonts->Fonts[0];
}

void ImGuiHost::set_font_size(float points) {
  if (points == font_points_) return;
  font_points_ = points;
  font_dirty_ = true;
}

void ImGuiHost::apply(const FrameInput& input) {
  ImGuiIO& io = ImGui::GetIO();
  for (int k = 0; k < kInputKeys && k < IM_ARRAYSIZE(io.KeysDown); ++k) io.KeysDown[k] = input.keys[static_cast<std::size_t>(k)];
  for (int b = 0; b < kInputButtons && b < IM_ARRAYSIZE(io.MouseDown); ++b)
    io.MouseDown[b] = input.buttons[static_cast<std::size_t>(b)];
  // GLFW's key codes for the modifier keys (left and right).
  auto held = [&](int a, int b) { return input.keys[static_cast<std::size_t>(a)] || input.keys[static_cast<std::size_t>(b)]; };
  io.KeyShift = held(340, 344);
  io.KeyCtrl = held(341, 345);
  io.KeyAlt = held(342, 346);
  io.KeySuper = held(343, 347);
  if (input.cursor) io.MousePos = ImVec2(input.cursor->x, input.cursor->y);
  io.MouseWheelH += input.scroll.x;
  io.MouseWheel += input.scroll.y;
  for (unsigned c : input.characters) io.AddInputCharacter(c);
  // ImGui's clock follows the events, so a double-click replayed over
  // several slow frames is still two clicks 0.1 s apart.
  if (clock_ >= 0.0) io.DeltaTime = static_cast<float>(std::max(input.time - clock_, 1e-4));
  clock_ = std::max(input.time, clock_ >= 0.0 ? clock_ + io.DeltaTime : input.time);
}

void ImGuiHost::begin_frame(const FrameInput* input) {
  activate();
  if (font_dirty_) {
    load_font();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    font_dirty_ = false;
  }
  ImGui_ImplOpenGL3_NewFrame();
  if (ImGui::GetIO().BackendPlatformUserData) ImGui_ImplGlfw_NewFrame();
  if (input) apply(*input);
  ImGui::NewFrame();
}

void ImGuiHost::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (ImGui::GetIO().WantSaveIniSettings) save_layout();
}

void ImGuiHost::discard_frame() { ImGui::EndFrame(); }

void ImGuiHost::set_display_size(float width, float height) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
}

void ImGuiHost::save_layout() {
  ImGuiIO& io = ImGui::GetIO();
  io.WantSaveIniSettings = false;
  if (ini_path_.empty()) return;
  std::size_t size = 0;
  const char* data = ImGui::SaveIniSettingsToMemory(&size);
  try {
    write_file_atomic(ini_path_, data, size);
  } catch (const std::exception&) {
    // A read-only config folder must not stop the viewer.
  }
}

} // namespace crus::ui
