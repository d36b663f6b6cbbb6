// The inventory: per-host time coverage, problems, and every entry of every
// input with its status and why. Long, so the entry list sits in a
// <details>; a filter box (added by the script) narrows it down.
#include "html_escape.h"
#include "report_html_coverage.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"

namespace analyzer {
namespace {

// A "!/" chain with break opportunities after each "/", so the long paths
// of nested archives wrap at path boundaries instead of mid-name.
std::string SourceHtml(const std::string& source) {
  const std::string escaped = EscapeHtml(source);  // entities hold no '/'
  std::string out;
  for (char ch : escaped) {
    out.push_back(ch);
    if (ch == '/') out += "<wbr>";
  }
  return "<code>" + out + "</code>";
}

struct StatusCounts {
  uint64_t read = 0, skipped = 0, failed = 0;
};

StatusCounts CountStatuses(const std::vector<InventoryItem>& items) {
  StatusCounts n;
  for (const InventoryItem& item : items) {
    n.read += item.status == EntryStatus::kRead;
    n.skipped += item.status == EntryStatus::kSkipped;
    n.failed += item.status == EntryStatus::kFailed;
  }
  return n;
}

// Which entries to list when there are more than kMaxInventoryRows: every
// skipped or failed one first (what a reader checks), then read ones, each
// shown in bundle order; the rest is counted.
class RowBudget {
 public:
  explicit RowBudget(const std::vector<InputSummary>& inputs) {
    size_t not_read = 0;
    for (const InputSummary& s : inputs)
      for (const InventoryItem& item : s.inventory) not_read += item.status != EntryStatus::kRead;
    not_read_left_ = std::min(not_read, kMaxInventoryRows);
    read_left_ = kMaxInventoryRows - not_read_left_;
  }
  bool Take(const InventoryItem& item) {
    size_t& left = item.status == EntryStatus::kRead ? read_left_ : not_read_left_;
    if (left == 0) return ++omitted_, false;
    return --left, true;
  }
  size_t omitted() const { return omitted_; }

 private:
  size_t not_read_left_ = 0, read_left_ = 0, omitted_ = 0;
};

std::string Remarks(const InventoryItem& item, const std::string& lang) {
  std::string out = EscapeHtml(item.reason);
  const std::pair<uint64_t, Ui> counts[] = {{item.untimed_records, Ui::kUntimed},
                                            {item.invalid_sequences, Ui::kInvalidSequences},
                                            {item.lines_cut, Ui::kLinesCut},
                                            {item.records_cut, Ui::kRecordsCut}};
  for (const auto& [n, label] : counts)
    if (n > 0) out += (out.empty() ? "" : "; ") + DisplayCount(n, lang) + " " + UiText(label, lang);
  return out;
}

void AppendEntryRow(const InventoryItem& item, const std::string& lang, std::string* out) {
  const char* status = EntryStatusName(item.status);
  *out += "<tr data-row data-status=\"" + std::string(status) + "\"><td><span class=\"st st-" +
          status + "\">" + EntryStatusText(item.status, lang) + "</span></td><td class=\"src\">" +
          SourceHtml(item.source);
  if (item.kind == "archive")
    *out += " <span class=\"muted\">(archive, " + DisplayCount(item.entries, lang) + " " +
            UiText(Ui::kArchiveEntries, lang) + ")</span>";
  *out += "</td><td>" + EscapeHtml(item.format) + "</td><td>" + EscapeHtml(item.encoding) +
          "</td><td>" + EscapeHtml(item.zone);
  if (item.zone_assumed)
    *out += " <span class=\"assumed\">" + std::string(UiText(Ui::kZoneAssumed, lang)) + "</span>";
  *out += "</td><td>" + EscapeHtml(item.host) +
          (item.component.empty()
               ? ""
               : "<br><span class=\"muted\">" + EscapeHtml(item.component) + "</span>") +
          "</td>";
  const bool text = !item.format.empty();
  *out +=
      "<td class=\"num\">" + (text ? DisplayCount(item.lines, lang) : "") +
      "</td><td class=\"num\">" + (text ? DisplayCount(item.records, lang) : "") +
      "</td><td class=\"when\">" +
      (item.first.known() ? DisplayTimeRange(item.first, item.last) : "") +
      "</td><td class=\"num\">" +
      (item.bytes > 0 || item.status == EntryStatus::kRead ? DisplayBytes(item.bytes, lang) : "") +
      "</td><td>" + Remarks(item, lang) + "</td></tr>\n";
}

void AppendEntriesHead(const std::string& lang, std::string* out) {
  *out += "<table class=\"data entries\"><thead><tr>";
  for (Ui col :
       {Ui::kColStatus, Ui::kColEntry, Ui::kColFormat, Ui::kColEncoding, Ui::kColZone, Ui::kColHost,
        Ui::kColLines, Ui::kColRecords, Ui::kColTimeRange, Ui::kColSize, Ui::kColReason}) {
    const bool num = col == Ui::kColLines || col == Ui::kColRecords || col == Ui::kColSize;
    *out += std::string(num ? "<th class=\"num\">" : "<th>") + UiText(col, lang) + "</th>";
  }
  *out += "</tr></thead><tbody>\n";
}

std::string CountsText(const StatusCounts& n, const std::string& lang) {
  return DisplayCount(n.read, lang) + " " + UiText(Ui::kCountRead, lang) + ", " +
         DisplayCount(n.skipped, lang) + " " + UiText(Ui::kCountSkipped, lang) + ", " +
         DisplayCount(n.failed, lang) + " " + UiText(Ui::kCountFailed, lang);
}

void AppendProblems(const InputSummary& s, const std::string& lang, std::string* out) {
  *out += "<h4>" + std::string(UiText(Ui::kProblemsHeading, lang)) + " (" +
          DisplayCount(s.problems.size(), lang) + ")</h4>\n";
  if (s.problems.empty()) {
    *out += "<p class=\"muted\">" + std::string(UiText(Ui::kNoProblems, lang)) + "</p>\n";
    return;
  }
  *out += "<ul class=\"problems\">\n";
  for (size_t i = 0; i < s.problems.size() && i < kMaxProblemRows; ++i)
    *out += "<li data-row>" + SourceHtml(s.problems[i].source) + " " +
            EscapeHtml(s.problems[i].message) + "</li>\n";
  *out += "</ul>\n";
  if (s.problems.size() > kMaxProblemRows)
    *out += "<p class=\"omitted\">+" + DisplayCount(s.problems.size() - kMaxProblemRows, lang) +
            " " + UiText(Ui::kProblemsOmitted, lang) + "</p>\n";
}

void AppendInput(const InputSummary& s, const std::string& lang, RowBudget* budget,
                 std::string* out) {
  const StatusCounts n = CountStatuses(s.inventory);
  *out += "<article class=\"input\"><h3>" + SourceHtml(s.path) +
          (s.readable ? ""
                      : " <span class=\"st st-failed\">" +
                            std::string(UiText(Ui::kUnreadable, lang)) + "</span>") +
          "</h3>\n<dl class=\"facts\">";
  AppendFact(UiText(Ui::kEntries, lang),
             DisplayCount(s.inventory.size(), lang) + " (" + CountsText(n, lang) + ")", out);
  AppendFact(UiText(Ui::kColSize, lang), DisplayBytes(s.bytes, lang), out);
  AppendFact(UiText(Ui::kRecords, lang), DisplayCount(s.records, lang), out);
  AppendFact(UiText(Ui::kSpan, lang), s.first.known() ? DisplayTimeRange(s.first, s.last) : "–",
             out);
  if (!s.sha256.empty())
    AppendFact("SHA-256", "<code class=\"hash\">" + EscapeHtml(s.sha256) + "</code>", out);
  *out += "</dl>\n";
  AppendProblems(s, lang, out);
  *out += "<details class=\"entries\"><summary>" + std::string(UiText(Ui::kEntriesSummary, lang)) +
          " (" + DisplayCount(s.inventory.size(), lang) + ")</summary>\n";
  AppendEntriesHead(lang, out);
  for (const InventoryItem& item : s.inventory)
    if (budget->Take(item)) AppendEntryRow(item, lang, out);
  *out += "</tbody></table>\n</details></article>\n";
}

void AppendCoverageRow(const LaneCoverage& lane, TimeSpan span, const std::string& lang,
                       std::string* out) {
  int64_t covered = 0;
  for (const TimeSpan& s : lane.covered) covered += s.end.ticks - s.start.ticks;
  const std::vector<TimeSpan> gaps = CoverageGaps(lane.covered, span);
  std::string gap_text;
  for (const TimeSpan& g : gaps)
    gap_text += (gap_text.empty() ? "" : "<br>") + DisplayTimeRange(g.start, g.end) + " (" +
                DisplayDuration(g.end.ticks - g.start.ticks, lang) + ")";
  if (gaps.empty())
    gap_text = "<span class=\"muted\">" + std::string(UiText(Ui::kNone, lang)) + "</span>";
  *out += "<tr data-row><td>" + EscapeHtml(lane.host) + "</td><td>" + JoinEscaped(lane.components) +
          "</td><td class=\"num\">" + DisplayCount(lane.files, lang) + "</td><td class=\"num\">" +
          DisplayCount(lane.records, lang) + "</td><td class=\"when\">" +
          DisplayTimeRange(lane.covered.front().start, lane.covered.back().end) +
          "</td><td class=\"num\">" + DisplayDuration(covered, lang) + "</td><td class=\"when\">" +
          gap_text + "</td></tr>\n";
}

void AppendCoverage(const ReportContext& c, std::string* out) {
  const std::string& lang = c.lang;
  const std::vector<LaneCoverage> hosts = BuildCoverage(ContextInputs(c), false);
  *out += "<h3>" + std::string(UiText(Ui::kCoverageHeading, lang)) + "</h3>\n<p class=\"intro\">" +
          UiText(Ui::kCoverageIntro, lang) + "</p>\n";
  if (hosts.empty()) {
    *out += "<p class=\"muted\">" + std::string(UiText(Ui::kNoTimeline, lang)) + "</p>\n";
    return;
  }
  *out += "<table class=\"data coverage\"><thead><tr><th>" + std::string(UiText(Ui::kHosts, lang)) +
          "</th><th>" + UiText(Ui::kComponents, lang) + "</th><th class=\"num\">" +
          UiText(Ui::kFiles, lang) + "</th><th class=\"num\">" + UiText(Ui::kRecords, lang) +
          "</th><th>" + UiText(Ui::kSpan, lang) + "</th><th class=\"num\">" +
          UiText(Ui::kCovered, lang) + "</th><th>" + UiText(Ui::kGaps, lang) +
          "</th></tr></thead><tbody>\n";
  const TimeSpan span = BundleSpan(ContextInputs(c));
  for (const LaneCoverage& lane : hosts) AppendCoverageRow(lane, span, lang, out);
  *out += "</tbody></table>\n";
}

void AppendFilter(const std::string& lang, std::string* out) {
  *out += "<div class=\"filter\" hidden><input type=\"search\" id=\"filter\" placeholder=\"" +
          std::string(UiText(Ui::kFilterPlaceholder, lang)) + "\" aria-label=\"" +
          UiText(Ui::kFilterPlaceholder, lang) + "\"><select id=\"filter-status\" aria-label=\"" +
          UiText(Ui::kColStatus, lang) + "\"><option value=\"\">" + UiText(Ui::kFilterAll, lang) +
          "</option>";
  for (EntryStatus s : {EntryStatus::kRead, EntryStatus::kSkipped, EntryStatus::kFailed})
    *out += "<option value=\"" + std::string(EntryStatusName(s)) + "\">" +
            EntryStatusText(s, lang) + "</option>";
  *out += "</select><span id=\"filter-count\" data-format=\"" +
          std::string(UiText(Ui::kFilterCount, lang)) + "\"></span></div>\n";
}

}  // namespace

void AppendInventory(const ReportContext& c, std::string* out) {
  const std::string& lang = c.lang;
  *out += "<section id=\"inventory\" aria-labelledby=\"inventory-h\"><h2 id=\"inventory-h\">" +
          std::string(UiText(Ui::kInventoryHeading, lang)) + "</h2>\n<p class=\"intro\">" +
          UiText(Ui::kInventoryIntro, lang) + "</p>\n";
  AppendFilter(lang, out);
  AppendCoverage(c, out);
  RowBudget budget(ContextInputs(c));
  for (const InputSummary& s : ContextInputs(c)) AppendInput(s, lang, &budget, out);
  if (budget.omitted() > 0)
    *out += "<p class=\"omitted\">+" + DisplayCount(budget.omitted(), lang) + " " +
            UiText(Ui::kRowsOmitted, lang) + "</p>\n";
  *out += "</section>\n";
}

}  // namespace analyzer
