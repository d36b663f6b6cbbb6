#include "rule_loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>
#include <tuple>

#include "json_file.h"
#include "json_schema.h"
#include "rule_parser.h"
#include "sha256.h"

namespace analyzer {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> PackFiles(const std::string& dir, std::vector<std::string>* errors) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path().string());
  if (ec) errors->push_back(dir + ": cannot list rule packs: " + ec.message());
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Orders rules so that every rule comes after the rules it refers to.
bool OrderByDependencies(RuleSet* set, std::vector<std::string>* errors) {
  std::map<std::string, const Rule*> by_id;
  for (const auto& pack : set->packs)
    for (const auto& r : pack->rules) by_id[r->id] = r.get();
  std::map<const Rule*, int> state;  // 1 visiting, 2 done
  std::vector<const Rule*> order;
  std::function<bool(const Rule*)> visit = [&](const Rule* r) {
    if (state[r] == 2) return true;
    if (state[r] == 1) {
      errors->push_back(r->location + ": rule \"" + r->id + "\" is part of a reference cycle");
      return false;
    }
    state[r] = 1;
    std::vector<std::string> deps = {r->rule_ref, r->other_ref};
    if (r->report)
      for (const auto& c : r->report->derived_causes)
        deps.insert(deps.end(), c.evidence_rules.begin(), c.evidence_rules.end());
    for (const std::string& d : deps)
      if (!d.empty() && by_id.count(d) && !visit(by_id[d])) return false;
    state[r] = 2;
    order.push_back(r);
    return true;
  };
  for (const auto& [id, r] : by_id)
    if (!visit(r)) return false;
  set->rules = std::move(order);
  return true;
}

void ResolveReferences(RuleSet* set, std::vector<std::string>* errors) {
  for (const Rule* cr : set->rules) {
    Rule* r = const_cast<Rule*>(cr);  // the set owns its rules; resolving is part of loading
    auto resolve = [&](const std::string& id, int* index, const char* what, const std::string& where) {
      if (id.empty()) return;
      *index = set->IndexOf(id);
      if (*index < 0)
        errors->push_back(where + ": rule \"" + r->id + "\": " + what + " \"" + id + "\" is not a loaded rule");
    };
    resolve(r->rule_ref, &r->rule_index, r->kind == RuleKind::kSequence ? "first" : "rule", r->refs_location);
    resolve(r->other_ref, &r->other_index, r->kind == RuleKind::kSequence ? "then" : "missing",
            r->other_refs_location);
    if (!r->report) continue;
    for (auto& c : r->report->derived_causes) {
      c.evidence_indexes.clear();
      for (const std::string& id : c.evidence_rules) {
        int index = -1;
        resolve(id, &index, "cause evidence", c.location);
        c.evidence_indexes.push_back(index);
      }
    }
    if (!set->codes.count(r->report->error_code))
      errors->push_back(r->location + ": rule \"" + r->id + "\" reports \"" + r->report->error_code +
                        "\", which no pack describes under error_codes");
  }
}

// Ids are read from the raw JSON, so duplicates are reported even in packs
// that fail to load for other reasons.
void RecordRuleIds(const JsonFile& file, std::map<std::string, std::string>* pack_file,
                   std::vector<std::tuple<std::string, std::string, std::string>>* ids) {
  const auto& v = file.value;
  if (!v.is_object() || !v.contains("pack") || !v["pack"].is_string()) return;
  (*pack_file)[v["pack"].get<std::string>()] = file.path;
  const auto& rules = Member(v, "rules");
  if (!rules.is_array()) return;
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].is_object() && rules[i].contains("id") && rules[i]["id"].is_string())
      ids->emplace_back(file.path, rules[i]["id"].get<std::string>(), file.Where("/rules/" + std::to_string(i)));
}

void ReportDuplicateIds(const std::map<std::string, std::string>& pack_file,
                        const std::vector<std::tuple<std::string, std::string, std::string>>& ids,
                        std::vector<std::string>* errors) {
  std::set<std::string> live_files;  // files whose pack was not replaced
  for (const auto& [name, file] : pack_file) live_files.insert(file);
  std::map<std::string, std::string> seen;  // id -> location
  for (const auto& [file, id, location] : ids) {
    if (!live_files.count(file)) continue;
    auto [it, fresh] = seen.emplace(id, location);
    if (!fresh) errors->push_back(location + ": duplicate rule id \"" + id + "\" (also at " + it->second + ")");
  }
}

}  // namespace

bool LoadRuleSet(const std::string& shipped_dir, const std::vector<std::string>& extra_dirs,
                 const std::string& schema_path, RuleSet* out, std::vector<std::string>* errors) {
  const size_t before = errors->size();
  JsonFile schema_file;
  std::string error;
  if (!schema_file.Load(schema_path, &error)) {
    errors->push_back(error + " (the rule-pack schema)");
    return false;
  }
  const JsonSchema schema(schema_file.value);
  std::map<std::string, std::unique_ptr<RulePack>> by_name;
  std::map<std::string, std::string> pack_file;  // pack name -> file that provides it (last wins)
  std::vector<std::tuple<std::string, std::string, std::string>> ids;  // file, id, location
  std::vector<std::string> texts;  // for the digest, in load order
  std::vector<std::string> dirs = {shipped_dir};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  for (const std::string& dir : dirs) {
    for (const std::string& path : PackFiles(dir, errors)) {
      JsonFile file;
      if (!file.Load(path, &error)) {
        errors->push_back(error);
        continue;
      }
      RecordRuleIds(file, &pack_file, &ids);
      std::vector<SchemaViolation> violations;
      schema.Validate(file.value, &violations);
      std::set<size_t> invalid_rules;
      bool pack_level_problem = false;
      for (const auto& v : violations) {
        errors->push_back(file.Where(v.pointer) + ": " + v.message);
        size_t index = 0;
        if (std::sscanf(v.pointer.c_str(), "/rules/%zu", &index) == 1) invalid_rules.insert(index);
        else pack_level_problem = true;
      }
      if (pack_level_problem) continue;
      auto pack = ParsePack(file, invalid_rules, errors);
      if (!pack) continue;
      texts.push_back(fs::path(path).filename().string() + "\n" + file.text);
      by_name[pack->name] = std::move(pack);
    }
  }
  for (auto& [name, pack] : by_name) {
    for (const auto& [code, text] : pack->error_codes) out->codes[code] = &text;
    out->packs.push_back(std::move(pack));
  }
  ReportDuplicateIds(pack_file, ids, errors);
  if (errors->size() == before && OrderByDependencies(out, errors)) ResolveReferences(out, errors);
  if (out->packs.empty() && errors->size() == before) errors->push_back(shipped_dir + ": no rule pack found");
  Sha256 digest;
  for (const std::string& t : texts) digest.Update(t);
  out->digest = "sha256:" + digest.HexDigest();
  if (errors->size() == before) return true;
  *out = RuleSet();  // all or nothing: no half-loaded set, whose references may be unresolved
  return false;
}

}  // namespace analyzer
