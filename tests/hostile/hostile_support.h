// Support for the hostile-input tests: builds bundles in a scratch
// directory (archives with libarchive's write API, raw bytes for broken
// ones) and runs the real `analyzer` binary on them in a sandbox:
//
//   Sandbox box;                                   // fresh dirs under /tmp
//   std::string zip = box.Write("b.zip", Archive(Format::kZip)
//                                           .File(kBridgePath, BridgeLog())
//                                           .Zeros("bomb.log", 200 << 20, '0')
//                                           .Build());
//   Outcome o = box.Scan({zip});                   // analyzer scan ... --json
//   CheckSane(o);                                  // ended alone, < 10 s, < 128 MiB,
//                                                  // wrote nothing but its report
//   CHECK(HasDnsFinding(o.report));
//
// The analyzer runs with a fresh empty working directory and HOME and
// TMPDIR pointing at a fresh empty directory, stdin from /dev/null, under a
// 10 s alarm (SIGALRM kills it); wait4() gives its peak memory.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hostile {

// Where the real failure log lives in every bundle, and its text: four
// NetworkError/dns failures a few minutes apart, never recovered.
inline constexpr const char* kBridgePath = "AzureBridge/AzS-XRP01/bridge.log";
std::string BridgeLog();

enum class Format { kZip, kZipStored, kTar, kTarGz, kTarXz };

// An archive built in memory. Members are written in the order given.
class Archive {
 public:
  explicit Archive(Format format) : format_(format) {}
  Archive& File(std::string name, std::string data);
  // `size` bytes of `fill`, streamed: no buffer of that size is ever made.
  Archive& Zeros(std::string name, uint64_t size, char fill = '\0');
  Archive& Symlink(std::string name, std::string target);
  Archive& Hardlink(std::string name, std::string target);
  Archive& Fifo(std::string name);
  // zip: "zip:encryption=traditional" with this passphrase (libarchive's
  // traditional PKWARE encryption).
  Archive& Encrypt(std::string passphrase);
  // Throws std::runtime_error when libarchive refuses.
  std::string Build() const;

 private:
  struct Member {
    std::string name, data, link;
    uint64_t zeros = 0;
    char fill = '\0';
    unsigned type = 0;
    bool hardlink = false;
  };
  Format format_;
  std::string passphrase_;
  std::vector<Member> members_;
};

// `data` as a .gz file.
std::string Gzip(std::string_view data);
// A zip whose member `inner_name` is `inner`, `depth` times over.
std::string NestZip(std::string inner, const std::string& inner_name, int depth);

struct Outcome {
  bool exited = false;     // ended by itself (not by a signal, not by the alarm)
  int status = -1;         // exit status when exited
  int signal = 0;          // the signal that ended it, if any
  bool timed_out = false;  // SIGALRM after the time limit
  double seconds = 0;
  long max_rss_kib = 0;
  std::string out, err;
  std::vector<std::string> stray;  // files left in the working dir, HOME/TMPDIR or out dir
  std::map<std::string, std::string> files;  // the text of every allowed output, by name
  std::string json;                // the text of the .json output (the last named, if several)
  nlohmann::json report;           // the same, parsed when under 16 MiB (a DOM costs ~7 times
                                   // its text: a flood's report is checked as text)
  std::string html;                // the --html report when one was requested
};

class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // Writes `data` under the input directory; returns its absolute path.
  std::string Write(const std::string& relative, std::string_view data) const;
  std::string Path(const std::string& relative) const;  // under the input directory

  // analyzer <args...>; the only files it may write are `allowed_outputs`
  // (names in the out directory: OutPath(name)).
  Outcome Run(const std::vector<std::string>& args,
              const std::vector<std::string>& allowed_outputs = {}) const;
  // analyzer scan <inputs...> --json OUT/report.json [extra...], report parsed.
  Outcome Scan(const std::vector<std::string>& inputs, const std::vector<std::string>& extra = {}) const;
  std::string OutPath(const std::string& name) const;

 private:
  std::string root_;
};

// The limits every run must respect (relaxed when the binary carries
// sanitizers, whose shadow memory and slowdown are not the analyzer's).
double TimeLimitSeconds();
long MemoryLimitKib();

// Ended by itself, within the time limit, not by a signal, under the
// memory limit, nothing written but the requested outputs. doctest CHECKs.
void CheckSane(const Outcome& o);

// The JSON report's findings include NetworkError with cause dns on AzS-XRP01.
bool HasDnsFinding(const nlohmann::json& report);
// The inventory item whose source ends with `suffix`, or null.
const nlohmann::json* Item(const nlohmann::json& report, std::string_view suffix);
// True when an inventory item ending with `suffix` has `status` and a reason
// containing `reason_part`, or a problem whose source ends with (or starts
// with, for archive chains) `suffix` mentions `reason_part`.
bool Reported(const nlohmann::json& report, std::string_view suffix, std::string_view status,
              std::string_view reason_part);
// Every inventory item not read has a reason (the inventory contract).
void CheckInventoryContract(const nlohmann::json& report);
// Human-readable dump of an outcome, for failure messages.
std::string Describe(const Outcome& o);

}  // namespace hostile
