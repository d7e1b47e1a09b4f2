#pragma once
// Saving a patient handout from a panel: the "Save as" popup, the call to
// the viewer's exporter and the one-line result under the button. Shared by
// the trigger-point and pain-map panels.
#include "ui/viewer_context.hpp"

#include <string>

namespace crus::ui {

class HandoutSaver {
public:
  // Opens `popup` with `default_path` filled in, for `trigger_point` (empty:
  // the painted pain map). Call from the button that asks for the handout.
  void open(const char* popup, const std::string& default_path, const std::string& trigger_point);
  // Draws the popup (when open) and the last result.
  void draw(ViewerContext& ctx, const char* popup);
  // Calls ctx.export_handout(path, trigger_point, patient()) and keeps a
  // one-line result.
  void save(ViewerContext& ctx, const std::string& path, const std::string& trigger_point);
  // The patient's name, date and notes as typed in the popup. They live in
  // this object only (for the next handout of the same consultation) and are
  // never written to settings or any file but the handout.
  HandoutPatient patient() const;
  void set_patient(const HandoutPatient& patient);

  // A4 or US Letter, chosen in the popup; save() passes it on as
  // ctx.handout_paper.
  Paper paper() const { return paper_; }
  void set_paper(Paper paper) { paper_ = paper; }

  const std::string& result() const { return result_; }
  bool failed() const { return failed_; }

private:
  std::string result_;
  bool failed_ = false;
  std::string trigger_point_;
  Paper paper_ = Paper::a4;
  char path_[1024] = {};
  char name_[128] = {};
  char date_[16] = {};
  char notes_[1536] = {};
};

} // namespace crus::ui
