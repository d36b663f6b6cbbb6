#include "log_format.h"

#include <algorithm>
#include <filesystem>

#include "json_schema.h"
#include "line_parser.h"

namespace analyzer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

int GroupIndex(const RE2& re, const char* name) {
  const auto& groups = re.NamedCapturingGroups();
  auto it = groups.find(name);
  return it == groups.end() ? 0 : it->second;
}

bool CompileRegex(const JsonFile& file, LogFormat* f, std::vector<std::string>* errors) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  const std::string pattern = file.value["regex"].get<std::string>();
  f->regex = std::make_unique<RE2>(pattern, options);
  if (!f->regex->ok()) {
    errors->push_back(file.Where("/regex") + ": regex does not compile under RE2: " +
                      f->regex->error());
    return false;
  }
  for (const std::string suffix : {"(?P<message>.*)$", "(?P<message>.*)"}) {
    if (pattern.size() > suffix.size() &&
        pattern.compare(pattern.size() - suffix.size(), suffix.size(), suffix) == 0) {
      f->head_regex = std::make_unique<RE2>(pattern.substr(0, pattern.size() - suffix.size()), options);
      if (!f->head_regex->ok()) f->head_regex.reset();  // keep the full pattern
      break;
    }
  }
  f->timestamp_first = pattern.rfind("(?P<timestamp>", 0) == 0;
  f->timestamp_group = GroupIndex(*f->regex, "timestamp");
  f->level_group = GroupIndex(*f->regex, "level");
  f->component_group = GroupIndex(*f->regex, "component");
  f->host_group = GroupIndex(*f->regex, "host");
  f->message_group = GroupIndex(*f->regex, "message");
  return true;
}

void ReadSamples(const json& v, LogFormat* f) {
  for (const auto& s : Member(v, "samples")) {
    FormatSample sample;
    sample.line = s.value("line", "");
    sample.header = s.value("header", "");
    sample.time = s.value("time", "");
    sample.level = s.value("level", "");
    sample.component = s.value("component", "");
    sample.host = s.value("host", "");
    sample.message = s.value("message", "");
    f->samples.push_back(std::move(sample));
  }
  for (const auto& s : Member(v, "non_starting_samples"))
    f->non_starting_samples.push_back(s.get<std::string>());
}

bool LoadSchema(const std::string& path, std::unique_ptr<JsonSchema>* out,
                std::vector<std::string>* errors) {
  JsonFile schema;
  std::string error;
  if (!schema.Load(path, &error)) {
    errors->push_back(error + " (the log-format schema is needed to load formats)");
    return false;
  }
  *out = std::make_unique<JsonSchema>(schema.value);
  return true;
}

std::string Field(std::string_view line, const Span& s) { return std::string(s.In(line)); }

}  // namespace

bool BuildFormat(const JsonFile& file, LogFormat* f, std::vector<std::string>* errors) {
  const json& v = file.value;
  const size_t before = errors->size();
  f->file = file.path;
  f->name = v.value("name", "");
  f->kind = v.value("kind", "regex") == "w3c" ? LogFormat::Kind::kW3c : LogFormat::Kind::kRegex;
  f->priority = v.value("priority", 0);
  f->zone = v.value("zone", "assumed") == "utc" ? LogFormat::Zone::kUtc : LogFormat::Zone::kAssumed;
  f->multiline = v.value("multiline", f->kind == LogFormat::Kind::kRegex);
  f->fallback = v.value("fallback", false);
  f->sniff = v.value("sniff", true);
  for (const auto& g : Member(v, "globs")) f->globs.push_back(g.get<std::string>());
  const auto forms = Member(v, "timestamp_formats");
  for (size_t i = 0; i < forms.size(); ++i) {
    TimestampFormat tf(forms[i].get<std::string>());
    if (!tf.ok())
      errors->push_back(file.Where("/timestamp_formats/" + std::to_string(i)) +
                        ": unknown token in timestamp format \"" + tf.pattern() + "\"");
    f->timestamp_formats.push_back(std::move(tf));
  }
  if (f->kind == LogFormat::Kind::kRegex) {
    if (!v.contains("regex")) errors->push_back(file.Where("") + ": a regex format needs \"regex\"");
    else CompileRegex(file, f, errors);
  }
  ReadSamples(v, f);
  if (f->samples.empty())
    errors->push_back(file.Where("") + ": format \"" + f->name + "\" has no samples");
  return errors->size() == before;
}

std::vector<std::shared_ptr<const LogFormat>> LoadFormats(const std::string& dir,
                                                          std::vector<std::string>* errors) {
  std::vector<std::shared_ptr<const LogFormat>> formats;
  std::unique_ptr<JsonSchema> schema;
  if (!LoadSchema(dir + "/../schema/log-format.schema.json", &schema, errors)) return formats;
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") paths.push_back(e.path().string());
  if (ec) errors->push_back(dir + ": cannot list formats: " + ec.message());
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    JsonFile file;
    std::string error;
    if (!file.Load(path, &error)) {
      errors->push_back(error);
      continue;
    }
    std::vector<SchemaViolation> violations;
    schema->Validate(file.value, &violations);
    for (const auto& v : violations) errors->push_back(file.Where(v.pointer) + ": " + v.message);
    auto f = std::make_shared<LogFormat>();
    if (violations.empty() && BuildFormat(file, f.get(), errors)) formats.push_back(std::move(f));
  }
  return formats;
}

void CheckSamples(const LogFormat& format, std::vector<std::string>* errors) {
  const std::string where = format.file + ": format \"" + format.name + "\"";
  for (const FormatSample& s : format.samples) {
    LineParser parser(format, TimeZone::Utc());
    if (format.kind == LogFormat::Kind::kW3c) {
      ParsedLine header;
      parser.Parse(s.header.empty() ? "#Fields: date time s-ip cs-method cs-uri-stem sc-status"
                                    : s.header,
                   &header);
    }
    ParsedLine p;
    parser.Parse(s.line, &p);
    auto fail = [&](const std::string& what) {
      errors->push_back(where + ": sample \"" + s.line.substr(0, 80) + "\": " + what);
    };
    if (!p.starts_record) {
      fail("does not start a record");
      continue;
    }
    LineParser fast(format, TimeZone::Utc(), /*want_fields=*/false);
    if (format.kind == LogFormat::Kind::kW3c) {
      ParsedLine header;
      fast.Parse(s.header.empty() ? "#Fields: date time s-ip cs-method cs-uri-stem sc-status" : s.header,
                 &header);
    }
    ParsedLine q;
    fast.Parse(s.line, &q);
    if (!q.starts_record || q.time != p.time)
      fail("the fast path (time only) disagrees with the full parse");
    const std::string got_time = p.time.known() ? FormatRfc3339(p.time) : "";
    if (got_time != s.time) fail("time is \"" + got_time + "\", expected \"" + s.time + "\"");
    const std::string level =
        !p.status_level.empty() ? std::string(p.status_level)
                                : std::string(NormalizeLevel(p.level.In(s.line)));
    if (!s.level.empty() && level != s.level) fail("level is \"" + level + "\"");
    if (!s.component.empty() && Field(s.line, p.component) != s.component)
      fail("component is \"" + Field(s.line, p.component) + "\"");
    if (!s.host.empty() && Field(s.line, p.host) != s.host)
      fail("host is \"" + Field(s.line, p.host) + "\"");
    if (!s.message.empty() && Field(s.line, p.message) != s.message)
      fail("message is \"" + Field(s.line, p.message) + "\"");
  }
  for (const std::string& line : format.non_starting_samples) {
    LineParser parser(format, TimeZone::Utc());
    ParsedLine p;
    parser.Parse(line, &p);
    if (p.starts_record) errors->push_back(where + ": \"" + line + "\" must not start a record");
  }
}

}  // namespace analyzer
