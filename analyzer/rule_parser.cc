#include "rule_parser.h"

#include "rule_loader.h"
#include "utc_time.h"

namespace analyzer {
namespace {

using nlohmann::json;

// Parses one rule; `ptr` is its JSON pointer, used to place messages.
class RuleBuilder {
 public:
  RuleBuilder(const JsonFile& file, const std::string& ptr, std::vector<std::string>* errors)
      : file_(file), ptr_(ptr), v_(file.value.at(json::json_pointer(ptr))), errors_(errors) {}

  std::unique_ptr<Rule> Build() {
    auto r = std::make_unique<Rule>();
    r->id = v_["id"].get<std::string>();
    r->file = file_.path;
    r->location = file_.Where(ptr_);
    r->description = v_.value("description", "");
    const std::string kind = v_["kind"].get<std::string>();
    const size_t before = errors_->size();
    if (kind == "match") BuildMatch(*r);
    else BuildCorrelation(kind, *r);
    if (v_.contains("report")) BuildReport(*r);
    return errors_->size() == before ? std::move(r) : nullptr;
  }

 private:
  void Error(const std::string& sub, const std::string& message) {
    errors_->push_back(file_.Where(ptr_ + sub) + ": rule \"" + v_.value("id", "?") + "\": " + message);
  }

  std::unique_ptr<RE2> Regex(const std::string& sub, const std::string& pattern) {
    std::unique_ptr<RE2> re;
    const std::string why = CompilePattern(pattern, &re);
    if (!why.empty()) Error(sub, why);
    return re;
  }

  void Require(const char* field, const char* kind) {
    if (!v_.contains(field)) Error("", std::string(kind) + " rules need \"" + field + "\"");
  }

  void Forbid(std::initializer_list<const char*> fields, const char* kind) {
    for (const char* f : fields)
      if (v_.contains(f)) Error(std::string("/") + f, std::string("\"") + f + "\" has no meaning for " + kind + " rules");
  }

  int64_t Window(const std::string& field) {
    int64_t ticks = 0;
    if (v_.contains(field) && !ParseDuration(v_[field].get<std::string>(), &ticks))
      Error("/" + field, "bad duration \"" + v_[field].get<std::string>() + "\" (use 90s, 15m, 2h)");
    if (ticks > 366 * 86400 * kTicksPerSecond) Error("/" + field, "window longer than a year");
    return ticks;
  }

  void BuildMatch(Rule& r);
  void BuildScope(Rule& r);
  void BuildExamples(Rule& r);
  void BuildCorrelation(const std::string& kind, Rule& r);
  void BuildReport(Rule& r);

  const JsonFile& file_;
  std::string ptr_;
  const json& v_;
  std::vector<std::string>* errors_;
};

void RuleBuilder::BuildMatch(Rule& r) {
  r.kind = RuleKind::kMatch;
  Require("pattern", "match");
  Forbid({"rule", "missing", "first", "then", "count", "window", "key"}, "match");
  if (!v_.contains("pattern")) return;
  r.pattern = v_["pattern"].get<std::string>();
  r.regex = Regex("/pattern", r.pattern);
  r.field = v_.value("field", "text");
  r.group = v_.value("group", "");
  r.group_precedence = v_.value("precedence", 0);
  BuildScope(r);
  for (const auto& [name, list] : Member(v_, "extract").items()) {
    std::vector<std::unique_ptr<RE2>> res;
    for (size_t i = 0; i < list.size(); ++i) {
      auto re = Regex("/extract/" + name + "/" + std::to_string(i), list[i].get<std::string>());
      if (re && re->NumberOfCapturingGroups() != 1)
        Error("/extract/" + name + "/" + std::to_string(i), "an extract pattern needs exactly one capturing group");
      res.push_back(std::move(re));
    }
    r.extract.emplace_back(name, std::move(res));
  }
  for (const auto& [name, pattern] : Member(v_, "where").items())
    r.where.emplace_back(name, Regex("/where/" + name, pattern.get<std::string>()));
  for (const auto& [name, pattern] : Member(v_, "where_not").items())
    r.where_not.emplace_back(name, Regex("/where_not/" + name, pattern.get<std::string>()));
  BuildExamples(r);
}

void RuleBuilder::BuildScope(Rule& r) {
  const json scope = Member(v_, "scope");
  for (const auto& c : Member(scope, "components")) r.components.push_back(c.get<std::string>());
  if (scope.contains("hosts")) r.host_regex = Regex("/scope/hosts", scope["hosts"].get<std::string>());
  for (const auto& p : Member(scope, "paths")) r.path_globs.push_back(p.get<std::string>());
  for (const auto& l : Member(scope, "levels")) r.levels.push_back(l.get<std::string>());
}

MatchExample ParseExample(const json& e) {
  MatchExample ex;
  if (e.is_string()) {
    ex.text = e.get<std::string>();
    return ex;
  }
  ex.text = e.value("text", "");
  ex.host = e.value("host", "");
  ex.component = e.value("component", "");
  ex.level = e.value("level", "");
  ex.path = e.value("path", "");
  for (const auto& [k, val] : Member(e, "fields").items()) ex.fields[k] = val.get<std::string>();
  return ex;
}

void RuleBuilder::BuildExamples(Rule& r) {
  if (!v_.contains("examples")) {
    Error("", "match rules need examples that must and must not match");
    return;
  }
  for (const auto& e : v_["examples"]["match"]) r.must_match.push_back(ParseExample(e));
  for (const auto& e : v_["examples"]["no_match"]) r.must_not_match.push_back(ParseExample(e));
}

void RuleBuilder::BuildCorrelation(const std::string& kind, Rule& r) {
  Forbid({"pattern", "field", "scope", "extract", "where", "where_not", "examples", "group", "precedence"},
         kind.c_str());
  Require("window", kind.c_str());
  r.window_ticks = Window("window");
  for (const auto& k : Member(v_, "key")) r.key.push_back(k.get<std::string>());
  if (kind == "threshold") {
    r.kind = RuleKind::kThreshold;
    Require("rule", "threshold");
    Require("count", "threshold");
    r.rule_ref = v_.value("rule", "");
    r.count = v_.value("count", 1);
    r.refs_location = file_.Where(ptr_ + "/rule");
  } else if (kind == "sequence") {
    r.kind = RuleKind::kSequence;
    Require("first", "sequence");
    Require("then", "sequence");
    r.rule_ref = v_.value("first", "");
    r.other_ref = v_.value("then", "");
    r.refs_location = file_.Where(ptr_ + "/first");
    r.other_refs_location = file_.Where(ptr_ + "/then");
  } else {
    r.kind = RuleKind::kAbsence;
    Require("rule", "absence");
    Require("missing", "absence");
    r.rule_ref = v_.value("rule", "");
    r.other_ref = v_.value("missing", "");
    r.refs_location = file_.Where(ptr_ + "/rule");
    r.other_refs_location = file_.Where(ptr_ + "/missing");
  }
}

void RuleBuilder::BuildReport(Rule& r) {
  const json& rep = v_["report"];
  auto spec = std::make_unique<ReportSpec>();
  spec->error_code = rep["error_code"].get<std::string>();
  spec->cause = rep.value("cause", "");
  spec->default_cause = rep.value("default_cause", "undetermined");
  if (rep.contains("severity")) ParseSeverity(rep["severity"].get<std::string>(), &spec->severity);
  if (rep.contains("recovered_severity"))
    ParseSeverity(rep["recovered_severity"].get<std::string>(), &spec->recovered_severity);
  const json causes = Member(rep, "causes");
  for (size_t i = 0; i < causes.size(); ++i) {
    DerivedCause c;
    c.cause = causes[i]["cause"].get<std::string>();
    for (const auto& e : causes[i]["evidence"]) c.evidence_rules.push_back(e.get<std::string>());
    c.location = file_.Where(ptr_ + "/report/causes/" + std::to_string(i) + "/evidence");
    const std::string within = causes[i]["within"].get<std::string>();
    if (!ParseDuration(within, &c.within_ticks))
      Error("/report/causes/" + std::to_string(i) + "/within", "bad duration \"" + within + "\"");
    spec->derived_causes.push_back(std::move(c));
  }
  if (!spec->cause.empty() && !spec->derived_causes.empty())
    Error("/report", "give either a fixed \"cause\" or derived \"causes\", not both");
  if (r.refs_location.empty()) r.refs_location = file_.Where(ptr_ + "/report");
  r.report = std::move(spec);
}

LocalizedText Text(const json& v) {
  return LocalizedText{v.value("en", ""), v.value("fr", "")};
}

}  // namespace

std::string CompilePattern(const std::string& pattern, std::unique_ptr<RE2>* out) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(32 << 20);
  *out = std::make_unique<RE2>(pattern, options);
  if ((*out)->ok()) return "";
  std::string why = "pattern does not compile under RE2: " + (*out)->error();
  if (pattern.find("(?<=") != std::string::npos || pattern.find("(?<!") != std::string::npos ||
      pattern.find("(?=") != std::string::npos || pattern.find("(?!") != std::string::npos)
    why += " (look-around is not supported by RE2: match the context instead, or use where_not)";
  else if (RE2::PartialMatch(pattern, "\\\\[1-9]"))
    why += " (back-references are not supported by RE2)";
  out->reset();
  return why;
}

std::unique_ptr<RulePack> ParsePack(const JsonFile& file, const std::set<size_t>& invalid_rules,
                                    std::vector<std::string>* errors) {
  const size_t before = errors->size();
  auto pack = std::make_unique<RulePack>();
  pack->file = file.path;
  pack->name = file.value["pack"].get<std::string>();
  pack->version = file.value.value("version", "");
  for (const auto& [code, v] : Member(file.value, "error_codes").items()) {
    ErrorCodeText& t = pack->error_codes[code];
    t.title = Text(v["title"]);
    t.explanation = Text(v["explanation"]);
    t.remediation = Text(v["remediation"]);
    for (const auto& c : Member(v, "requires_components")) t.required_components.push_back(c.get<std::string>());
    for (const auto& [cause, ct] : Member(v, "causes").items()) {
      if (ct.contains("explanation")) t.cause_explanation[cause] = Text(ct["explanation"]);
      if (ct.contains("remediation")) t.cause_remediation[cause] = Text(ct["remediation"]);
    }
  }
  const auto& rules = file.value["rules"];
  for (size_t i = 0; i < rules.size(); ++i) {
    if (invalid_rules.count(i)) continue;
    RuleBuilder b(file, "/rules/" + std::to_string(i), errors);
    if (auto r = b.Build()) pack->rules.push_back(std::move(r));
  }
  if (errors->size() != before || !invalid_rules.empty()) return nullptr;
  return pack;
}

}  // namespace analyzer
