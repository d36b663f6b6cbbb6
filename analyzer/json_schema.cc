#include "json_schema.h"

#include <re2/re2.h>

#include "json_file.h"

namespace analyzer {
namespace {

using nlohmann::json;

bool HasType(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  if (type == "integer") return value.is_number_integer() || value.is_number_unsigned();
  if (type == "number") return value.is_number();
  return false;
}

std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

std::string Brief(const json& v) {
  std::string s = v.dump();
  return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

}  // namespace

void JsonSchema::Validate(const json& value, std::vector<SchemaViolation>* out,
                          size_t max) const {
  max_ = out->size() + max;
  Check(schema_, value, "", out);
}

const json& JsonSchema::Resolve(const json& schema) const {
  const json* s = &schema;
  for (int hops = 0; hops < 16 && s->is_object() && s->contains("$ref"); ++hops) {
    const std::string ref = (*s)["$ref"].get<std::string>();
    if (ref.rfind("#/", 0) != 0) break;
    const json* target = &schema_;
    try {
      target = &schema_.at(json::json_pointer(ref.substr(1)));
    } catch (const json::exception&) {
      break;
    }
    s = target;
  }
  return *s;
}

void JsonSchema::Check(const json& raw_schema, const json& value, const std::string& ptr,
                       std::vector<SchemaViolation>* out) const {
  if (out->size() >= max_) return;
  const json& schema = Resolve(raw_schema);
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) out->push_back({ptr, "is not allowed here"});
    return;
  }
  if (!schema.is_object()) return;
  if (schema.contains("type")) {
    const json& t = schema["type"];
    bool ok = false;
    if (t.is_string()) ok = HasType(value, t.get<std::string>());
    for (const auto& one : t.is_array() ? t : json::array()) ok |= HasType(value, one.get<std::string>());
    if (!ok) {
      out->push_back({ptr, "must be of type " + (t.is_string() ? t.get<std::string>() : t.dump())});
      return;
    }
  }
  if (value.is_object()) CheckObject(schema, value, ptr, out);
  if (value.is_array()) CheckArray(schema, value, ptr, out);
  CheckScalar(schema, value, ptr, out);
  CheckCombinators(schema, value, ptr, out);
}

void JsonSchema::CheckObject(const json& schema, const json& value, const std::string& ptr,
                             std::vector<SchemaViolation>* out) const {
  for (const auto& req : Member(schema, "required")) {
    if (!value.contains(req.get<std::string>()))
      out->push_back({ptr, "is missing required field \"" + req.get<std::string>() + "\""});
  }
  const json props = Member(schema, "properties");
  const json additional = schema.value("additionalProperties", json(true));
  for (const auto& [key, member] : value.items()) {
    const std::string child = ptr + "/" + Escape(key);
    if (props.contains(key)) {
      Check(props[key], member, child, out);
    } else if (additional.is_boolean() && !additional.get<bool>()) {
      out->push_back({child, "unknown field \"" + key + "\""});
    } else if (additional.is_object()) {
      Check(additional, member, child, out);
    }
  }
}

void JsonSchema::CheckArray(const json& schema, const json& value, const std::string& ptr,
                            std::vector<SchemaViolation>* out) const {
  if (schema.contains("minItems") && value.size() < schema["minItems"].get<size_t>())
    out->push_back({ptr, "must have at least " + schema["minItems"].dump() + " items"});
  if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<size_t>())
    out->push_back({ptr, "must have at most " + schema["maxItems"].dump() + " items"});
  if (!schema.contains("items")) return;
  for (size_t i = 0; i < value.size(); ++i)
    Check(schema["items"], value[i], ptr + "/" + std::to_string(i), out);
}

void JsonSchema::CheckScalar(const json& schema, const json& value, const std::string& ptr,
                             std::vector<SchemaViolation>* out) const {
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found |= e == value;
    if (!found) out->push_back({ptr, Brief(value) + " is not one of " + Brief(schema["enum"])});
  }
  if (schema.contains("const") && schema["const"] != value)
    out->push_back({ptr, "must be " + Brief(schema["const"])});
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (schema.contains("minLength") && s.size() < schema["minLength"].get<size_t>())
      out->push_back({ptr, "is too short"});
    if (schema.contains("maxLength") && s.size() > schema["maxLength"].get<size_t>())
      out->push_back({ptr, "is too long"});
    if (schema.contains("pattern")) {
      RE2 re(schema["pattern"].get<std::string>(), RE2::Quiet);
      if (re.ok() && !RE2::PartialMatch(s, re))
        out->push_back({ptr, Brief(value) + " does not match " + schema["pattern"].dump()});
    }
  }
  if (value.is_number()) {
    const double v = value.get<double>();
    if (schema.contains("minimum") && v < schema["minimum"].get<double>())
      out->push_back({ptr, "must be >= " + schema["minimum"].dump()});
    if (schema.contains("exclusiveMinimum") && v <= schema["exclusiveMinimum"].get<double>())
      out->push_back({ptr, "must be > " + schema["exclusiveMinimum"].dump()});
    if (schema.contains("maximum") && v > schema["maximum"].get<double>())
      out->push_back({ptr, "must be <= " + schema["maximum"].dump()});
  }
}

void JsonSchema::CheckCombinators(const json& schema, const json& value, const std::string& ptr,
                                  std::vector<SchemaViolation>* out) const {
  auto passes = [&](const json& sub) {
    std::vector<SchemaViolation> scratch;
    const size_t saved = max_;
    max_ = 1;
    Check(sub, value, ptr, &scratch);
    max_ = saved;
    return scratch.empty();
  };
  for (const auto& sub : schema.value("allOf", json::array())) Check(sub, value, ptr, out);
  if (schema.contains("anyOf")) {
    bool any = false;
    for (const auto& sub : schema["anyOf"]) any = any || passes(sub);
    if (!any) out->push_back({ptr, "does not match any allowed form"});
  }
  if (schema.contains("oneOf")) {
    int n = 0;
    for (const auto& sub : schema["oneOf"]) n += passes(sub);
    if (n != 1) {
      out->push_back({ptr, n == 0 ? "does not match any allowed form" : "matches several forms"});
    }
  }
  if (schema.contains("not") && passes(schema["not"])) out->push_back({ptr, "is not allowed"});
}

}  // namespace analyzer
