#include "file_source.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

namespace analyzer {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    char tmpl[] = "/tmp/file-source-test-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string Write(const std::string& name, const std::string& data) const {
    std::ofstream(path + "/" + name, std::ios::binary) << data;
    return path + "/" + name;
  }
  std::string path;
};

struct Opened {
  bool ok;
  std::string error;
};

// Opens `path` on another thread. If the open is still waiting after two
// seconds (a FIFO opened without O_NONBLOCK waits for a writer), a writer
// is attached to release it, so the test fails instead of hanging.
Opened OpenPromptly(const std::string& path, bool* blocked) {
  auto opened = std::async(std::launch::async, [&path] {
    FileSource source(path);
    return Opened{source.ok(), source.error()};
  });
  *blocked = opened.wait_for(std::chrono::seconds(2)) == std::future_status::timeout;
  if (*blocked) {
    const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
    Opened result = opened.get();
    if (writer >= 0) ::close(writer);
    return result;
  }
  return opened.get();
}

std::string ReadAll(FileSource& source) {
  std::string out;
  char buf[7];  // small, to read in several chunks
  for (long k; (k = source.Read(buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(k));
  return out;
}

TEST_CASE("FileSource: a regular file is read whole") {
  TempDir dir;
  FileSource source(dir.Write("a.log", "line one\nline two\n"));
  REQUIRE(source.ok());
  CHECK(ReadAll(source) == "line one\nline two\n");
  CHECK(source.Read(nullptr, 0) == 0);
}

TEST_CASE("FileSource: a FIFO is refused at once, not waited on") {
  TempDir dir;
  const std::string fifo = dir.path + "/swapped.log";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  bool blocked = false;
  const Opened o = OpenPromptly(fifo, &blocked);
  CHECK_FALSE(blocked);
  CHECK_FALSE(o.ok);
  CHECK(o.error == "not a regular file (a FIFO)");
}

TEST_CASE("FileSource: directories and devices are refused, saying what they are") {
  TempDir dir;
  FileSource directory(dir.path);
  CHECK_FALSE(directory.ok());
  CHECK(directory.error() == "not a regular file (a directory)");
  FileSource device("/dev/null");
  CHECK_FALSE(device.ok());
  CHECK(device.error() == "not a regular file (a character device)");
  FileSource missing(dir.path + "/gone.log");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error() == "No such file or directory");
}

TEST_CASE("FileSource: a link is followed unless links are refused") {
  TempDir dir;
  const std::string target = dir.Write("target.log", "x\n");
  const std::string link = dir.path + "/link.log";
  REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
  FileSource followed(link);
  REQUIRE(followed.ok());
  CHECK(ReadAll(followed) == "x\n");
  FileSource refused(link, FileSource::Links::kRefuse);
  CHECK_FALSE(refused.ok());
  CHECK(refused.error() == "symbolic link: links are never followed");
  // Following a link does not get around the regular-file check.
  const std::string to_fifo = dir.path + "/fifo-link.log";
  REQUIRE(::mkfifo((dir.path + "/pipe").c_str(), 0600) == 0);
  REQUIRE(::symlink((dir.path + "/pipe").c_str(), to_fifo.c_str()) == 0);
  bool blocked = false;
  const Opened o = OpenPromptly(to_fifo, &blocked);
  CHECK_FALSE(blocked);
  CHECK(o.error == "not a regular file (a FIFO)");
}

}  // namespace
}  // namespace analyzer
