#include "report_html.h"

#include "html_escape.h"
#include "report_html_assets.h"
#include "report_html_coverage.h"
#include "report_html_format.h"
#include "report_html_sections.h"
#include "report_html_text.h"
#include "sha256.h"

#ifndef ANALYZER_VERSION
#define ANALYZER_VERSION "0.0.0"
#endif

namespace analyzer {
namespace {

std::string Base64FromHex(const std::string& hex) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[v >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// No network of any kind; only our own script, by hash, so an injected
// <script> or on* attribute would not run even if escaping ever failed.
// img-src data: serves the empty favicon that stops the browser asking.
std::string ContentSecurityPolicy() {
  Sha256 digest;
  digest.Update(kHtmlScript);
  return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
         Base64FromHex(digest.HexDigest()) +
         "'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'";
}

void AppendHead(const ReportContext& c, std::string* out) {
  *out += "<!DOCTYPE html>\n<html lang=\"" + std::string(c.lang == "fr" ? "fr" : "en") +
          "\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" "
          "content=\"" +
          ContentSecurityPolicy() +
          "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"referrer\" "
          "content=\"no-referrer\">\n"
          "<meta name=\"generator\" content=\"analyzer " ANALYZER_VERSION
          "\">\n<link rel=\"icon\" href=\"data:,\">\n"
          "<title>" +
          UiText(Ui::kTitle, c.lang) + "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n";
}

std::string InputsHtml(const std::vector<InputSummary>& inputs) {
  std::string out;
  for (size_t i = 0; i < inputs.size(); ++i)
    out += (i ? ", " : "") + std::string("<code>") + EscapeHtml(inputs[i].path) + "</code>";
  return out;
}

std::string EntriesText(const std::vector<InputSummary>& inputs, const std::string& lang) {
  uint64_t read = 0, skipped = 0, failed = 0;
  for (const InputSummary& s : inputs)
    for (const InventoryItem& item : s.inventory) {
      read += item.status == EntryStatus::kRead;
      skipped += item.status == EntryStatus::kSkipped;
      failed += item.status == EntryStatus::kFailed;
    }
  return DisplayCount(read + skipped + failed, lang) + " (" + DisplayCount(read, lang) + " " +
         UiText(Ui::kCountRead, lang) + ", " + DisplayCount(skipped, lang) + " " +
         UiText(Ui::kCountSkipped, lang) + ", " + DisplayCount(failed, lang) + " " +
         UiText(Ui::kCountFailed, lang) + ")";
}

void AppendSummary(const ReportContext& c, std::string* out) {
  const std::vector<InputSummary>& inputs = ContextInputs(c);
  const TimeSpan span = BundleSpan(inputs);
  uint64_t records = 0;
  for (const InputSummary& s : inputs) records += s.records;
  *out += "<dl class=\"meta\">";
  AppendFact(UiText(Ui::kInputs, c.lang), InputsHtml(inputs), out);
  AppendFact(UiText(Ui::kSpan, c.lang),
             span.start.known()
                 ? DisplayTimeRange(span.start, span.end) + " UTC (" +
                       DisplayDuration(span.end.ticks - span.start.ticks, c.lang) + ")"
                 : "–",
             out);
  AppendFact(UiText(Ui::kRecords, c.lang), DisplayCount(records, c.lang), out);
  AppendFact(UiText(Ui::kEntries, c.lang), EntriesText(inputs, c.lang), out);
  if (c.rules != nullptr && !c.rules->digest.empty())
    AppendFact(UiText(Ui::kRulesDigest, c.lang),
               "<code title=\"" + EscapeHtml(c.rules->digest) + "\">" +
                   EscapeHtml(c.rules->digest.substr(0, 19)) + "…</code>",
               out);
  *out += "</dl>\n";
}

void AppendNav(const ReportContext& c, std::string* out) {
  const Findings& f = ContextFindings(c);
  *out += "<nav class=\"toc\"><a href=\"#verdicts\">" +
          std::string(UiText(Ui::kNavVerdicts, c.lang)) + "</a><a href=\"#timeline\">" +
          UiText(Ui::kNavTimeline, c.lang) + "</a><a href=\"#findings\">" +
          UiText(Ui::kNavFindings, c.lang) + " (" + std::to_string(f.incidents.size()) +
          ")</a><a href=\"#notes\">" + UiText(Ui::kNavNotes, c.lang) + " (" +
          std::to_string(f.notes.size()) + ")</a><a href=\"#inventory\">" +
          UiText(Ui::kNavInventory, c.lang) + "</a></nav>\n";
}

void AppendHeader(const ReportContext& c, std::string* out) {
  *out += "<header class=\"top\"><div class=\"wrap\">\n<h1>" +
          std::string(UiText(Ui::kTitle, c.lang)) + "</h1>\n<p class=\"sub\">" +
          UiText(Ui::kSubtitle, c.lang) + " · " + UiText(Ui::kAllTimesUtc, c.lang) + "</p>\n";
  AppendSummary(c, out);
  AppendNav(c, out);
  *out += "</div></header>\n";
}

}  // namespace

std::string RenderHtmlReport(const ReportContext& context) {
  std::string out;
  out.reserve(64 * 1024);
  AppendHead(context, &out);
  out += "<body>\n";
  AppendHeader(context, &out);
  out += "<main class=\"wrap\">\n";
  AppendVerdicts(context, &out);
  AppendTimeline(context, &out);
  AppendFindings(context, &out);
  AppendNotes(context, &out);
  AppendInventory(context, &out);
  out += "</main>\n<footer><div class=\"wrap\">" +
         FillIn(UiText(Ui::kFooter, context.lang), "version", ANALYZER_VERSION) +
         "</div></footer>\n<script>";
  out += kHtmlScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace analyzer
