// The timeline: an SVG drawn here, no chart library. One row per collection
// window (per input), then one lane per host and component: a hatched track
// (no logs), light bands where files of the lane cover the time, and the
// episodes as bars linking to their findings, with a <title> tooltip.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "html_escape.h"
#include "report_html_coverage.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"

namespace analyzer {
namespace {

// Geometry, in viewBox units (the SVG scales to the page width).
constexpr double kWidth = 1000, kPlotLeft = 200, kPlotRight = 964;  // room for a centred date label
// Episode bars stand taller than the coverage track they sit on.
constexpr double kAxisHeight = 40, kRowHeight = 22, kTrackHeight = 10, kBarHeight = 16;
constexpr size_t kMaxHostChars = 18, kMaxComponentChars = 14;

struct Mark {
  const Finding* finding;
  const Episode* episode;
  std::string anchor;
  bool note;
};

struct Lane {
  std::string host, component;
  std::vector<TimeSpan> covered;
  std::vector<Mark> marks;
};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class Scale {
 public:
  explicit Scale(TimeSpan span)
      : start_(span.start.ticks), length_(span.end.ticks - span.start.ticks) {}
  double X(UtcTime t) const {
    const double f = static_cast<double>(t.ticks - start_) / static_cast<double>(length_);
    return kPlotLeft + std::clamp(f, 0.0, 1.0) * (kPlotRight - kPlotLeft);
  }

 private:
  int64_t start_, length_;
};

// The bundle's span, widened to every episode, and never empty, so that
// Scale never divides by zero.
TimeSpan PlotSpan(const ReportContext& c) {
  TimeSpan span = BundleSpan(ContextInputs(c));
  const Findings& findings = ContextFindings(c);
  for (const auto* list : {&findings.incidents, &findings.notes})
    for (const Finding& f : *list)
      for (const Episode& e : f.episodes) {
        if (!e.start.known() || !e.end.known()) continue;
        if (!span.start.known() || e.start < span.start) span.start = e.start;
        if (!span.end.known() || span.end < e.end) span.end = e.end;
      }
  if (span.start.known() && span.end.ticks - span.start.ticks < 60 * kTicksPerSecond)
    span.start.ticks -= 30 * kTicksPerSecond,
        span.end.ticks = span.start.ticks + 60 * kTicksPerSecond;
  return span;
}

bool Overlaps(const std::vector<TimeSpan>& covered, const Episode& e) {
  for (const TimeSpan& s : covered)
    if (!(s.end < e.start) && !(e.end < s.start)) return true;
  return false;
}

// An episode knows its hosts, its finding knows the components: draw it on
// the lane of a component whose logs cover the episode, so a bar never sits
// on a lane that says nothing at that time.
size_t PickLane(const std::string& host, const Finding& f, const Episode& e,
                std::vector<Lane>* lanes) {
  size_t fallback = lanes->size();
  for (size_t i = 0; i < lanes->size(); ++i) {
    const Lane& lane = (*lanes)[i];
    if (lane.host != host) continue;
    if (std::find(f.components.begin(), f.components.end(), lane.component) == f.components.end())
      continue;
    if (Overlaps(lane.covered, e)) return i;
    fallback = std::min(fallback, i);
  }
  if (fallback < lanes->size()) return fallback;
  lanes->push_back({host, f.components.empty() ? "" : f.components.front(), {}, {}});
  return lanes->size() - 1;
}

void PlaceMarks(const ReportContext& c, std::vector<Lane>* lanes) {
  const Findings& findings = ContextFindings(c);
  for (bool note : {false, true}) {
    const std::vector<Finding>& list = note ? findings.notes : findings.incidents;
    for (size_t i = 0; i < list.size(); ++i)
      for (const Episode& e : list[i].episodes) {
        if (!e.start.known() || !e.end.known()) continue;
        for (const std::string& host : e.hosts)
          (*lanes)[PickLane(host, list[i], e, lanes)].marks.push_back(
              {&list[i], &e, FindingAnchor(note, i), note});
      }
  }
}

// Hosts that matter to the findings first: those with episodes or with
// logs of a component the findings come from (the bridge VMs, so XRP01..03
// stay together); then the others. By host and component within each group.
std::vector<Lane> BuildLanes(const ReportContext& c) {
  std::vector<Lane> lanes;
  for (LaneCoverage& cov : BuildCoverage(ContextInputs(c), true))
    lanes.push_back({cov.host, cov.component, std::move(cov.covered), {}});
  PlaceMarks(c, &lanes);
  std::set<std::string> components, first;
  const Findings& findings = ContextFindings(c);
  for (const auto* list : {&findings.incidents, &findings.notes})
    for (const Finding& f : *list) components.insert(f.components.begin(), f.components.end());
  for (const Lane& lane : lanes)
    if (!lane.marks.empty() || components.count(lane.component)) first.insert(lane.host);
  std::stable_sort(lanes.begin(), lanes.end(), [&](const Lane& a, const Lane& b) {
    const bool qa = !first.count(a.host), qb = !first.count(b.host);
    return std::tie(qa, a.host, a.component) < std::tie(qb, b.host, b.component);
  });
  return lanes;
}

struct Tick {
  UtcTime time;
  bool with_date;
};

// Round steps (1 min .. 1 week) giving at most 8 ticks over the span.
std::vector<Tick> Ticks(TimeSpan span) {
  static const int64_t kSteps[] = {60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
  const int64_t length = span.end.ticks - span.start.ticks;
  int64_t step = 0;
  for (int64_t s : kSteps)
    if (length / (s * kTicksPerSecond) <= 8) {
      step = s * kTicksPerSecond;
      break;
    }
  if (step == 0) step = (length / (8 * 86400 * kTicksPerSecond) + 1) * 86400 * kTicksPerSecond;
  int64_t t = span.start.ticks / step * step;
  if (t < span.start.ticks) t += step;
  std::vector<Tick> ticks;
  std::string last_date;
  for (; t <= span.end.ticks; t += step) {
    const std::string date = DisplayClock(UtcTime{t}, true).substr(0, 10);
    ticks.push_back({UtcTime{t}, date != last_date});
    last_date = date;
  }
  return ticks;
}

std::string Shortened(const std::string& text, size_t max_chars) {
  if (text.size() <= max_chars) return EscapeHtml(text);
  size_t cut = max_chars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  return EscapeHtml(text.substr(0, cut)) + "…";
}

void AppendAxis(const std::vector<Tick>& ticks, const Scale& scale, double bottom,
                std::string* out) {
  for (const Tick& tick : ticks) {
    const std::string x = Num(scale.X(tick.time));
    *out += "<line class=\"grid\" x1=\"" + x + "\" y1=\"" + Num(kAxisHeight - 6) + "\" x2=\"" + x +
            "\" y2=\"" + Num(bottom) + "\"/>";
    if (tick.with_date)
      *out += "<text class=\"date\" x=\"" + x + "\" y=\"13\">" +
              DisplayClock(tick.time, true).substr(0, 10) + "</text>";
    *out += "<text class=\"tick\" x=\"" + x + "\" y=\"28\">" + DisplayClock(tick.time, false) +
            "</text>";
  }
  *out += "\n";
}

void AppendRowLabel(const std::string& left, const std::string& left_full, const std::string& right,
                    const std::string& right_full, double y, std::string* out) {
  const std::string ty = Num(y + kRowHeight / 2 + 4);
  if (!left.empty())
    *out += "<text class=\"host\" x=\"6\" y=\"" + ty + "\"><title>" + left_full + "</title>" +
            left + "</text>";
  if (!right.empty())
    *out += "<text class=\"comp\" x=\"" + Num(kPlotLeft - 8) + "\" y=\"" + ty + "\"><title>" +
            right_full + "</title>" + right + "</text>";
}

std::string Rect(const char* cls, double x1, double x2, double y, double h) {
  return "<rect class=\"" + std::string(cls) + "\" x=\"" + Num(x1) + "\" y=\"" + Num(y) +
         "\" width=\"" + Num(std::max(x2 - x1, 0.0)) + "\" height=\"" + Num(h) + "\"/>";
}

std::string MarkTitle(const ReportContext& c, const Mark& m, const std::string& host) {
  const Episode& e = *m.episode;
  std::string title = m.finding->error_code + " · " + m.finding->cause + " — " + host + " — " +
                      DisplayTimeRange(e.start, e.end) + " UTC (" +
                      DisplayDuration(e.end.ticks - e.start.ticks, c.lang) + ") — " +
                      UiText(Ui::kOccurrences, c.lang) + " " + DisplayCount(e.count, c.lang);
  if (e.ongoing) title += " — " + std::string(UiText(Ui::kOngoing, c.lang));
  if (m.note) title += " — " + std::string(UiText(Ui::kLegendNote, c.lang));
  return EscapeHtml(title);
}

void AppendMark(const ReportContext& c, const Mark& m, const std::string& host, const Scale& scale,
                double y, std::string* out) {
  const double x1 = scale.X(m.episode->start);
  const double x2 = std::max(scale.X(m.episode->end), x1 + 4);  // a lone hit stays visible
  const double top = y + (kRowHeight - kBarHeight) / 2;
  *out += "<a class=\"mark " + std::string(m.note ? "note" : "inc") + "\" href=\"#" + m.anchor +
          "\"><title>" + MarkTitle(c, m, host) + "</title>" + Rect("bar", x1, x2, top, kBarHeight);
  if (m.episode->ongoing)
    *out += "<path class=\"bar\" d=\"M" + Num(x2) + "," + Num(top - 2) + "l7," +
            Num(kBarHeight / 2 + 2) + "l-7," + Num(kBarHeight / 2 + 2) + "z\"/>";
  *out += "</a>";
}

// The inputs' time ranges, one row each, and their edges as dashed lines
// down through every lane.
double AppendWindows(const ReportContext& c, const Scale& scale, double y, double bottom,
                     std::string* out) {
  const std::vector<InputSummary>& inputs = ContextInputs(c);
  std::string edges;
  size_t number = 0;
  for (const InputSummary& s : inputs) {
    if (!s.first.known() || !s.last.known()) continue;
    ++number;
    std::string label = UiText(Ui::kCollectionWindow, c.lang);
    if (inputs.size() > 1) label += " " + std::to_string(number);
    AppendRowLabel(label, EscapeHtml(s.path), "", "", y, out);
    const double x1 = scale.X(s.first), x2 = scale.X(s.last);
    *out += "<g class=\"win\"><title>" + EscapeHtml(s.path) + " — " +
            DisplayTimeRange(s.first, s.last) + " UTC</title>" +
            Rect("band", x1, x2, y + 4, kRowHeight - 8) + "</g>";
    for (double x : {x1, x2})
      edges += "<line class=\"win-edge\" x1=\"" + Num(x) + "\" y1=\"" + Num(y + kRowHeight) +
               "\" x2=\"" + Num(x) + "\" y2=\"" + Num(bottom) + "\"/>";
    y += kRowHeight;
  }
  *out += edges + "\n";
  return y;
}

void AppendLane(const ReportContext& c, const Lane& lane, bool first_of_host, const Scale& scale,
                double y, size_t* marks_left, std::string* out) {
  if (first_of_host)
    *out += "<line class=\"sep\" x1=\"0\" y1=\"" + Num(y) + "\" x2=\"" + Num(kWidth) + "\" y2=\"" +
            Num(y) + "\"/>";
  AppendRowLabel(first_of_host ? Shortened(lane.host, kMaxHostChars) : "", EscapeHtml(lane.host),
                 Shortened(lane.component, kMaxComponentChars), EscapeHtml(lane.component), y, out);
  const double top = y + (kRowHeight - kTrackHeight) / 2;
  *out += Rect("track", kPlotLeft, kPlotRight, top, kTrackHeight);
  for (const TimeSpan& s : lane.covered)
    *out += Rect("cov", scale.X(s.start), scale.X(s.end), top, kTrackHeight);
  for (const Mark& m : lane.marks) {
    if (*marks_left == 0) break;
    --*marks_left;
    AppendMark(c, m, lane.host, scale, y, out);
  }
  *out += "\n";
}

size_t CountMarks(const std::vector<Lane>& lanes) {
  size_t n = 0;
  for (const Lane& lane : lanes) n += lane.marks.size();
  return n;
}

void AppendSvg(const ReportContext& c, TimeSpan span, const std::vector<Lane>& lanes, size_t shown,
               std::string* out) {
  size_t windows = 0;
  for (const InputSummary& s : ContextInputs(c)) windows += s.first.known() && s.last.known();
  const double bottom = kAxisHeight + kRowHeight * static_cast<double>(windows + shown);
  const Scale scale(span);
  *out += "<svg class=\"tl\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(kWidth) +
          " " + Num(bottom + 6) +
          "\" role=\"img\" aria-labelledby=\"tl-title\"><title id=\"tl-title\">" +
          UiText(Ui::kTimelineLabel, c.lang) +
          "</title>\n<defs><pattern id=\"tl-hatch\" width=\"6\" "
          "height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect "
          "class=\"hatch-bg\" "
          "width=\"6\" height=\"6\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" "
          "y2=\"6\"/></pattern></defs>\n";
  AppendAxis(Ticks(span), scale, bottom, out);
  double y = AppendWindows(c, scale, kAxisHeight, bottom, out);
  size_t marks_left = kMaxTimelineMarks;
  for (size_t i = 0; i < shown; ++i, y += kRowHeight)
    AppendLane(c, lanes[i], i == 0 || lanes[i - 1].host != lanes[i].host, scale, y, &marks_left,
               out);
  *out += "</svg>\n";
}

void AppendLegend(const ReportContext& c, std::string* out) {
  const std::string& lang = c.lang;
  *out += "<ul class=\"legend\"><li><span class=\"sw sw-inc\"></span>" +
          std::string(UiText(Ui::kLegendIncident, lang)) +
          "</li><li><span class=\"sw sw-note\"></span>" + UiText(Ui::kLegendNote, lang) +
          "</li><li><span class=\"sw sw-cov\"></span>" + UiText(Ui::kLegendCovered, lang) +
          "</li><li><span class=\"sw sw-gap\"></span>" + UiText(Ui::kLegendGap, lang) +
          "</li><li><span class=\"sw sw-win\"></span>" + UiText(Ui::kCollectionWindow, lang) +
          "</li><li class=\"help\">" + UiText(Ui::kTimelineHelp, lang) + " (UTC)</li></ul>\n";
}

}  // namespace

void AppendTimeline(const ReportContext& c, std::string* out) {
  *out += "<section id=\"timeline\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">" +
          std::string(UiText(Ui::kTimelineHeading, c.lang)) + "</h2>\n";
  const TimeSpan span = PlotSpan(c);
  if (!span.start.known()) {
    *out +=
        "<p class=\"muted\">" + std::string(UiText(Ui::kNoTimeline, c.lang)) + "</p></section>\n";
    return;
  }
  const std::vector<Lane> lanes = BuildLanes(c);
  const size_t shown = std::min(lanes.size(), kMaxTimelineLanes);
  *out += "<div class=\"tl-wrap\">\n";
  AppendSvg(c, span, lanes, shown, out);
  *out += "</div>\n";
  AppendLegend(c, out);
  if (lanes.size() > shown)
    *out += "<p class=\"omitted\">+" + DisplayCount(lanes.size() - shown, c.lang) + " " +
            UiText(Ui::kLanesOmitted, c.lang) + "</p>\n";
  size_t drawn = 0;
  for (size_t i = 0; i < shown; ++i) drawn += lanes[i].marks.size();
  if (CountMarks(lanes) > std::min(drawn, kMaxTimelineMarks))
    *out += "<p class=\"omitted\">+" +
            DisplayCount(CountMarks(lanes) - std::min(drawn, kMaxTimelineMarks), c.lang) + " " +
            UiText(Ui::kMarksOmitted, c.lang) + "</p>\n";
  *out += "</section>\n";
}

}  // namespace analyzer
