#include "hostile_support.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hostile {
namespace {

namespace fs = std::filesystem;

#ifdef HOSTILE_SANITIZED
constexpr int kTimeLimit = 60;             // ASan + UBSan run several times slower
constexpr long kMemoryLimitKib = 1 << 20;  // shadow memory and quarantine
#else
constexpr int kTimeLimit = 10;
constexpr long kMemoryLimitKib = 128 << 10;
#endif

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

la_ssize_t Append(archive*, void* out, const void* buf, size_t n) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buf), n);
  return static_cast<la_ssize_t>(n);
}

void Check(archive* a, int r) {
  if (r < ARCHIVE_WARN) {
    const char* e = archive_error_string(a);
    throw std::runtime_error(std::string("archive: ") + (e ? e : "failed"));
  }
}

// Every file under `dir` (relative paths), but not `allowed` names at its top.
std::vector<std::string> FilesIn(const std::string& dir, const std::vector<std::string>& allowed) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).generic_string();
    if (std::find(allowed.begin(), allowed.end(), rel) == allowed.end()) found.push_back(dir + "/" + rel);
  }
  return found;
}

}  // namespace

std::string BridgeLog() {
  std::string s;
  for (const char* minute : {"01", "05", "09", "13"}) {
    s += std::string("2026-11-18T07:") + minute +
         ":18.378Z Error [UsageBridge] Usage upload failed for batch b-1 to "
         "https://westeurope.usage.microsoftazurestack.com/usage/v1/x (attempt 1 of 3): "
         "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> "
         "System.Net.WebException: The remote name could not be resolved: "
         "'westeurope.usage.microsoftazurestack.com'\n";
  }
  return s;
}

Archive& Archive::File(std::string name, std::string data) {
  members_.push_back({std::move(name), std::move(data), "", 0, '\0', AE_IFREG, false});
  return *this;
}
Archive& Archive::Zeros(std::string name, uint64_t size, char fill) {
  members_.push_back({std::move(name), "", "", size, fill, AE_IFREG, false});
  return *this;
}
Archive& Archive::Symlink(std::string name, std::string target) {
  members_.push_back({std::move(name), "", std::move(target), 0, '\0', AE_IFLNK, false});
  return *this;
}
Archive& Archive::Hardlink(std::string name, std::string target) {
  members_.push_back({std::move(name), "", std::move(target), 0, '\0', AE_IFREG, true});
  return *this;
}
Archive& Archive::Fifo(std::string name) {
  members_.push_back({std::move(name), "", "", 0, '\0', AE_IFIFO, false});
  return *this;
}
Archive& Archive::Encrypt(std::string passphrase) {
  passphrase_ = std::move(passphrase);
  return *this;
}

std::string Archive::Build() const {
  std::string out;
  archive* a = archive_write_new();
  switch (format_) {
    case Format::kZip:
      Check(a, archive_write_set_format_zip(a));
      Check(a, archive_write_set_options(a, "zip:compression-level=9"));
      break;
    case Format::kZipStored:
      Check(a, archive_write_set_format_zip(a));
      Check(a, archive_write_set_options(a, "zip:compression=store"));
      break;
    case Format::kTar: Check(a, archive_write_set_format_pax_restricted(a)); break;
    case Format::kTarGz:
      Check(a, archive_write_set_format_pax_restricted(a));
      Check(a, archive_write_add_filter_gzip(a));
      break;
    case Format::kTarXz:
      Check(a, archive_write_set_format_pax_restricted(a));
      Check(a, archive_write_add_filter_xz(a));
      break;
  }
  if (!passphrase_.empty()) {
    Check(a, archive_write_set_options(a, "zip:encryption=traditional"));
    Check(a, archive_write_set_passphrase(a, passphrase_.c_str()));
  }
  archive_write_set_bytes_in_last_block(a, 1);  // no padding: truncation cuts real data
  Check(a, archive_write_open(a, &out, nullptr, &Append, nullptr));
  const std::string chunk(1 << 20, '\0');
  for (const Member& m : members_) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1795000000, 0);
    if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
    if (m.hardlink) archive_entry_set_hardlink(e, m.link.c_str());
    const uint64_t size = m.type == AE_IFREG && !m.hardlink ? (m.zeros ? m.zeros : m.data.size()) : 0;
    archive_entry_set_size(e, static_cast<la_int64_t>(size));
    Check(a, archive_write_header(a, e));
    if (m.zeros) {
      const std::string fill(chunk.size(), m.fill);
      for (uint64_t left = m.zeros; left > 0;) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(left, fill.size()));
        if (archive_write_data(a, fill.data(), n) < 0) Check(a, ARCHIVE_FATAL);
        left -= n;
      }
    } else if (!m.data.empty() && archive_write_data(a, m.data.data(), m.data.size()) < 0) {
      Check(a, ARCHIVE_FATAL);
    }
    archive_entry_free(e);
  }
  Check(a, archive_write_close(a));
  archive_write_free(a);
  return out;
}

std::string Gzip(std::string_view data) {
  std::string out;
  archive* a = archive_write_new();
  Check(a, archive_write_set_format_raw(a));
  Check(a, archive_write_add_filter_gzip(a));
  Check(a, archive_write_open(a, &out, nullptr, &Append, nullptr));
  archive_entry* e = archive_entry_new();
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
  Check(a, archive_write_header(a, e));
  if (!data.empty()) archive_write_data(a, data.data(), data.size());
  archive_entry_free(e);
  Check(a, archive_write_close(a));
  archive_write_free(a);
  return out;
}

std::string NestZip(std::string inner, const std::string& inner_name, int depth) {
  for (int i = 0; i < depth; ++i)
    inner = Archive(Format::kZip).File(inner_name, std::move(inner)).Build();
  return inner;
}

Sandbox::Sandbox() {
  char tmpl[] = "/tmp/analyzer-hostile-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
  root_ = tmpl;
  for (const char* d : {"in", "cwd", "home", "out", "io"}) fs::create_directories(root_ + "/" + d);
}

Sandbox::~Sandbox() {
  std::error_code ec;
  // Make any chmod-ed test file removable again before removing the tree.
  for (fs::recursive_directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec))
    if (!it->is_symlink(ec)) ::chmod(it->path().c_str(), it->is_directory(ec) ? 0700 : 0600);
  fs::remove_all(root_, ec);
}

std::string Sandbox::Path(const std::string& relative) const { return root_ + "/in/" + relative; }
std::string Sandbox::OutPath(const std::string& name) const { return root_ + "/out/" + name; }

std::string Sandbox::Write(const std::string& relative, std::string_view data) const {
  const fs::path p = Path(relative);
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
  return p.string();
}

Outcome Sandbox::Run(const std::vector<std::string>& args,
                     const std::vector<std::string>& allowed_outputs) const {
  const std::string out_file = root_ + "/io/stdout", err_file = root_ + "/io/stderr";
  const std::string cwd = root_ + "/cwd", home = root_ + "/home";
  std::vector<std::string> argv_s = {ANALYZER_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in, 0), ::dup2(out, 1), ::dup2(err, 2);
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("TMPDIR", home.c_str(), 1);
    ::alarm(kTimeLimit);  // survives exec: SIGALRM ends a run that hangs
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Outcome o;
  int st = 0;
  struct rusage ru {};
  while (::wait4(pid, &st, 0, &ru) < 0 && errno == EINTR) {}
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  o.max_rss_kib = ru.ru_maxrss;
  o.exited = WIFEXITED(st);
  if (o.exited) o.status = WEXITSTATUS(st);
  if (WIFSIGNALED(st)) o.signal = WTERMSIG(st), o.timed_out = o.signal == SIGALRM;
  o.out = ReadAll(out_file);
  o.err = ReadAll(err_file);
  for (const std::string& dir : {cwd, home}) {
    auto f = FilesIn(dir, {});
    o.stray.insert(o.stray.end(), f.begin(), f.end());
  }
  auto f = FilesIn(root_ + "/out", allowed_outputs);
  o.stray.insert(o.stray.end(), f.begin(), f.end());
  for (const std::string& name : allowed_outputs) {
    const std::string text = ReadAll(OutPath(name));
    o.files[name] = text;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && !text.empty()) {
      if (text.size() < (16 << 20))
        o.report = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      o.json = text;
    }
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) o.html = text;
  }
  // The next run starts from an empty out directory.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root_ + "/out", ec)) fs::remove_all(e.path(), ec);
  return o;
}

Outcome Sandbox::Scan(const std::vector<std::string>& inputs, const std::vector<std::string>& extra) const {
  std::vector<std::string> args = {"scan"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"--json", OutPath("report.json")});
  args.insert(args.end(), extra.begin(), extra.end());
  return Run(args, {"report.json"});
}

double TimeLimitSeconds() { return kTimeLimit; }
long MemoryLimitKib() { return kMemoryLimitKib; }

void CheckSane(const Outcome& o) {
  INFO(Describe(o));
  CHECK_FALSE(o.timed_out);
  CHECK(o.exited);
  CHECK(o.signal == 0);
  CHECK(o.seconds < kTimeLimit);
  CHECK(o.max_rss_kib < kMemoryLimitKib);
  CHECK(o.stray.empty());
  // Sanitizer reports go to stderr; a clean run has none.
  CHECK(o.err.find("ERROR: AddressSanitizer") == std::string::npos);
  CHECK(o.err.find("runtime error:") == std::string::npos);
  CHECK(o.err.find("internal error") == std::string::npos);
}

bool HasDnsFinding(const nlohmann::json& report) {
  if (!report.is_object()) return false;
  for (const auto& f : report.value("findings", nlohmann::json::array())) {
    if (f.value("error_code", "") != "NetworkError" || f.value("cause", "") != "dns") continue;
    const auto hosts = f.value("hosts", nlohmann::json::array());
    if (std::find(hosts.begin(), hosts.end(), "AzS-XRP01") != hosts.end()) return true;
  }
  return false;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace

const nlohmann::json* Item(const nlohmann::json& report, std::string_view suffix) {
  if (!report.is_object()) return nullptr;
  for (const auto& input : report["inputs"])
    for (const auto& item : input["inventory"])
      if (EndsWith(item.value("source", ""), suffix)) return &item;
  return nullptr;
}

bool Reported(const nlohmann::json& report, std::string_view suffix, std::string_view status,
              std::string_view reason_part) {
  if (!report.is_object()) return false;
  for (const auto& input : report["inputs"]) {
    for (const auto& item : input["inventory"])
      if (EndsWith(item.value("source", ""), suffix) && item.value("status", "") == status &&
          Contains(item.value("reason", ""), reason_part))
        return true;
    for (const auto& p : input["problems"]) {
      const std::string source = p.value("source", "");
      if (Contains(source, suffix) &&
          Contains(p.value("message", ""), reason_part))
        return true;
    }
  }
  return false;
}

void CheckInventoryContract(const nlohmann::json& report) {
  REQUIRE(report.is_object());
  for (const auto& input : report["inputs"]) {
    for (const auto& item : input["inventory"]) {
      INFO(item.dump());
      const std::string status = item.value("status", "");
      CHECK((status == "read" || status == "skipped" || status == "failed"));
      if (status != "read") CHECK_FALSE(item.value("reason", "").empty());
    }
  }
}

std::string Describe(const Outcome& o) {
  std::ostringstream s;
  s << "exited=" << o.exited << " status=" << o.status << " signal=" << o.signal
    << " timed_out=" << o.timed_out << " seconds=" << o.seconds << " max_rss=" << o.max_rss_kib
    << " KiB\nstderr: " << o.err.substr(0, 2000) << "\nstdout: " << o.out.substr(0, 1000);
  for (const auto& f : o.stray) s << "\nstray file: " << f;
  if (o.report.is_object()) {  // a scan report; summary.json has no "inputs"
    for (const auto& input : o.report.value("inputs", nlohmann::json::array())) {
      for (const auto& item : input["inventory"]) {
        if (item.value("status", "") == "read") continue;
        s << "\n  " << item.value("status", "") << " " << item.value("source", "").substr(0, 200) << ": "
          << item.value("reason", "");
      }
      for (const auto& p : input["problems"])
        s << "\n  problem " << p.value("source", "").substr(0, 200) << ": " << p.value("message", "");
    }
  }
  return s.str();
}

}  // namespace hostile
