#include "ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "block_channel.h"
#include "bundle_reader.h"
#include "record_reader.h"
#include "sha256.h"

namespace analyzer {
namespace {

constexpr size_t kBlockBytes = 1 << 20;

// Folds entries and problems into the input's summary; safe to call from
// several threads.
class SummaryBuilder {
 public:
  explicit SummaryBuilder(InputSummary& summary) : summary_(summary) {}

  void AddFile(InventoryItem item, std::vector<Problem> problems) {
    std::lock_guard<std::mutex> lock(mu_);
    summary_.records += item.records;
    summary_.bytes += item.bytes;
    if (item.first.known() && (!summary_.first.known() || item.first < summary_.first))
      summary_.first = item.first;
    if (item.last.known() && (!summary_.last.known() || summary_.last < item.last))
      summary_.last = item.last;
    for (Problem& p : problems) summary_.problems.push_back(std::move(p));
    if (item.status == EntryStatus::kFailed) summary_.problems.push_back({item.source, item.reason});
    summary_.readable = true;
    summary_.inventory.push_back(std::move(item));
  }

  void AddOther(InventoryItem item) {
    std::lock_guard<std::mutex> lock(mu_);
    if (item.kind == "archive" && item.status == EntryStatus::kRead) summary_.readable = true;
    if (item.status == EntryStatus::kFailed) summary_.problems.push_back({item.source, item.reason});
    summary_.inventory.push_back(std::move(item));
  }

  void AddProblem(Problem problem) {
    std::lock_guard<std::mutex> lock(mu_);
    summary_.problems.push_back(std::move(problem));
  }

 private:
  std::mutex mu_;
  InputSummary& summary_;
};

// One thread: the bundle reader hands each file straight to the record reader.
class SequentialSink : public EntrySink {
 public:
  SequentialSink(const IngestOptions& options, RecordSink& out, SummaryBuilder& summary)
      : reader_(*options.formats, options.assumed_zone, options.limits, options.want_fields),
        out_(out),
        summary_(summary) {}

  void OnFile(const EntryInfo& info, ByteSource& data) override {
    std::vector<Problem> problems;
    InventoryItem item = reader_.Read(info, data, out_, &problems);
    summary_.AddFile(std::move(item), std::move(problems));
  }
  void OnInventory(InventoryItem item) override { summary_.AddOther(std::move(item)); }
  void OnProblem(Problem problem) override { summary_.AddProblem(std::move(problem)); }

 private:
  RecordReader reader_;
  RecordSink& out_;
  SummaryBuilder& summary_;
};

// Several threads: the calling thread walks the bundle and inflates (it
// must: libarchive streams are sequential), and each worker parses whole
// files, fed block by block through a bounded channel. Memory stays bounded
// by (workers + 1) files x channel capacity x block size.
class ParallelSink : public EntrySink {
 public:
  ParallelSink(const IngestOptions& options, const std::vector<RecordSink*>& outs,
               SummaryBuilder& summary)
      : reader_(*options.formats, options.assumed_zone, options.limits, options.want_fields),
        summary_(summary) {
    for (RecordSink* out : outs) workers_.emplace_back([this, out] { Work(*out); });
  }

  ~ParallelSink() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void OnFile(const EntryInfo& info, ByteSource& data) override {
    auto job = std::make_shared<Job>(info);
    Enqueue(job);
    Pump(data, job->channel, read_buffer_);
  }
  // The worker inflates the member itself: the walk goes on at once, and
  // members are inflated on as many threads as parse them.
  void OnOpenedFile(const EntryInfo& info, std::string head, std::unique_ptr<ByteSource> rest) override {
    auto job = std::make_shared<Job>(info);
    job->head = std::move(head);
    job->rest = std::move(rest);
    Enqueue(job);
  }
  void OnInventory(InventoryItem item) override { summary_.AddOther(std::move(item)); }
  void OnProblem(Problem problem) override { summary_.AddProblem(std::move(problem)); }

 private:
  struct Job {
    explicit Job(const EntryInfo& i) : info(i) {}
    EntryInfo info;
    BlockChannel channel;              // fed by the walking thread...
    std::string head;                  // ...unless the worker reads these
    std::unique_ptr<ByteSource> rest;
  };

  void Enqueue(const std::shared_ptr<Job>& job) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      // A few waiting jobs keep workers busy on runs of small files without
      // letting memory grow: each job holds at most its channel's blocks.
      changed_.wait(lock, [&] { return jobs_.size() < 2 * workers_.size(); });
      jobs_.push_back(job);
    }
    changed_.notify_all();
  }

  InventoryItem ReadJob(Job& job, RecordSink& out, std::vector<Problem>* problems) {
    if (job.rest != nullptr) {
      PrefixedSource source(job.head, *job.rest);
      InventoryItem item = reader_.Read(job.info, source, out, problems);
      job.rest.reset();  // its buffers go now, not when the last reference does
      return item;
    }
    ChannelSource source(job.channel);
    return reader_.Read(job.info, source, out, problems);
  }

  // Reads into one buffer owned by the reading thread and copies only what
  // came: sizing each block to 1 MiB up front would zero-fill a MiB per
  // file, which dominates on bundles of many small files.
  static void Pump(ByteSource& data, BlockChannel& channel, std::string& buffer) {
    buffer.resize(kBlockBytes);
    for (;;) {
      const long k = data.Read(buffer.data(), buffer.size());
      if (k <= 0) return channel.Close(k < 0 ? data.error() : std::string());
      std::string block = channel.TakeSpare();
      block.assign(buffer.data(), static_cast<size_t>(k));
      if (!channel.Push(std::move(block))) return channel.Close("");  // the reader stopped
    }
  }

  void Work(RecordSink& out) {
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        changed_.wait(lock, [&] { return !jobs_.empty() || done_; });
        if (jobs_.empty()) return;
        job = jobs_.front();
        jobs_.pop_front();
      }
      changed_.notify_all();
      std::vector<Problem> problems;
      InventoryItem item = ReadJob(*job, out, &problems);
      summary_.AddFile(std::move(item), std::move(problems));
    }
  }

  const RecordReader reader_;
  SummaryBuilder& summary_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::shared_ptr<Job>> jobs_;
  bool done_ = false;
  std::vector<std::thread> workers_;
  std::string read_buffer_;  // used by the reading thread only
};

void SortForDeterminism(InputSummary* s) {
  auto by_source = [](const auto& a, const auto& b) { return a.source < b.source; };
  std::stable_sort(s->inventory.begin(), s->inventory.end(), by_source);
  std::stable_sort(s->problems.begin(), s->problems.end(), by_source);
}

}  // namespace

InputSummary IngestInput(const std::string& path, const IngestOptions& options, RecordSink& out) {
  return IngestInput(path, options, std::vector<RecordSink*>{&out});
}

InputSummary IngestInput(const std::string& path, const IngestOptions& options,
                         const std::vector<RecordSink*>& outs) {
  InputSummary summary;
  summary.path = path;
  // The digest reads the file a second time: on its own thread, it costs
  // no wall time.
  std::thread digest;
  struct stat st;
  if (options.digest && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    digest = std::thread([&] { summary.sha256 = Sha256File(path); });
  SummaryBuilder builder(summary);
  uint64_t entries = 0;
  if (outs.size() <= 1) {
    SequentialSink sink(options, *outs.front(), builder);
    BundleReader reader(options.limits, sink);
    reader.ReadInput(path);
    entries = reader.entries();
  } else {
    ParallelSink sink(options, outs, builder);
    BundleReader reader(options.limits, sink);
    reader.ReadInput(path);
    entries = reader.entries();
  }  // the workers are joined here
  if (digest.joinable()) digest.join();
  summary.entries = entries;
  SortForDeterminism(&summary);
  return summary;
}

}  // namespace analyzer
