// Classification of archive members and files by name and magic bytes.
#include <algorithm>
#include <string>
#include <string_view>

#include "bundle_reader.h"

namespace analyzer {
namespace {

std::string LowerExtension(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  const std::string base = name.substr(slash == std::string::npos ? 0 : slash + 1);
  const size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  std::string ext = base.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool HasTarSuffix(const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* s : {".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tgz", ".tbz2", ".txz"}) {
    const std::string_view suffix(s);
    if (lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Binary formats found in Azure Stack Hub bundles that we cannot read as text.
const char* BinaryReason(const std::string& ext) {
  static constexpr std::pair<std::string_view, const char*> kKnown[] = {
      {".etl", "ETW binary trace (.etl)"},       {".evtx", "Windows event log (.evtx)"},
      {".evt", "Windows event log (.evt)"},      {".dmp", "memory dump (.dmp)"},
      {".mdmp", "memory dump (.mdmp)"},          {".hdmp", "memory dump (.hdmp)"},
      {".blg", "performance counter log (.blg)"}, {".cab", "cabinet archive (.cab)"},
      {".exe", "executable (.exe)"},             {".dll", "library (.dll)"},
      {".pdb", "debug symbols (.pdb)"},          {".png", "image (.png)"},
      {".jpg", "image (.jpg)"},                  {".vhd", "disk image (.vhd)"},
      {".vhdx", "disk image (.vhdx)"},           {".msi", "installer (.msi)"},
      {".pcap", "packet capture (.pcap)"},       {".pcapng", "packet capture (.pcapng)"},
      {".bin", "binary data (.bin)"}};
  for (const auto& [e, why] : kKnown)
    if (ext == e) return why;
  return nullptr;
}

}  // namespace

MemberKind ClassifyMember(const std::string& name, std::string_view head, std::string* why) {
  const std::string ext = LowerExtension(name);
  const bool zip_magic = StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06") ||
                         StartsWith(head, "PK\x07\x08");
  const bool seven_z = StartsWith(head, "7z\xBC\xAF\x27\x1C");
  const bool tar_magic = head.size() > 262 && head.substr(257, 5) == "ustar";
  const bool compressed = StartsWith(head, "\x1F\x8B") || StartsWith(head, "BZh") ||
                          StartsWith(head, std::string_view("\xFD" "7zXZ\0", 6)) ||
                          StartsWith(head, "\x28\xB5\x2F\xFD");
  if (zip_magic || seven_z || tar_magic) return MemberKind::kArchive;
  if (compressed) return HasTarSuffix(name) ? MemberKind::kArchive : MemberKind::kCompressedFile;
  // A name that promises an archive is opened as one, so a fake gets a clear error.
  if (ext == ".zip" || ext == ".7z" || ext == ".tar" || HasTarSuffix(name)) return MemberKind::kArchive;
  if (ext == ".gz" || ext == ".bz2" || ext == ".xz" || ext == ".zst") return MemberKind::kArchive;
  if (const char* reason = BinaryReason(ext)) {
    *why = std::string(reason) + ": binary format, not readable as text";
    return MemberKind::kBinary;
  }
  return MemberKind::kText;
}

}  // namespace analyzer
