#include "usage_uploader.h"

#include "bridge_messages.h"
#include "failure_messages.h"

namespace samplegen {
namespace {

constexpr char kUpload[] = "UsageBridge.Upload";
constexpr char kToken[] = "UsageBridge.Token";
constexpr char kCollector[] = "UsageBridge.Collector";

// The incident whose failure window covers XRP `xrp` at true time `t`, or -1.
int ActiveIncident(const Scenario& s, int xrp, Ticks t) {
  for (size_t i = 0; i < s.incidents.size(); ++i) {
    for (const FailureWindow& w : s.incidents[i].windows) {
      if (w.xrp == xrp && t >= w.start && t < w.end) return static_cast<int>(i);
    }
  }
  return -1;
}

class UploadLoop {
 public:
  UploadLoop(const XrpContext& ctx, std::vector<LogEvent>* events,
             std::vector<FailureRecord>* failures)
      : ctx_(ctx),
        s_(*ctx.scenario),
        prng_(ctx.Random("uploads")),
        events_(events),
        failures_(failures) {
    batch_ = 1000 * (ctx.xrp + 1) + static_cast<int>(prng_.Between(10, 400));
    token_until_ = After(s_.window_start, &prng_, 600, 3000);
  }

  void Run() {
    Ticks t = After(s_.window_start, &prng_, 5, 150);
    while (t < s_.collected) t = Cycle(t);
  }

 private:
  // One pass of the loop at true time `t`; returns when the next one starts.
  Ticks Cycle(Ticks t) {
    const int incident = ActiveIncident(s_, ctx_.xrp, t);
    if (incident >= 0 && IsLoginFailure(s_.incidents[incident].kind)) {
      Fail(t, incident, TokenFailure(s_.incidents[incident].kind, MakeAttempt(t), &prng_), kToken);
      token_until_ = 0;  // the cached token is gone: every cycle asks Azure AD again
      return After(t, &prng_, 60, 180);
    }
    t = RefreshToken(t);
    t = AnnounceBatch(t);
    if (incident >= 0) return FailAttempt(t, incident);
    if (!blip_done_ && ctx_.xrp == s_.blip_xrp && t >= s_.blip_at) {
      blip_done_ = true;
      ++attempt_;
      Write(t, Level::kError, kUpload, TransientUploadFailure(MakeAttempt(t)));
      t = After(t, &prng_, 8, 19);
    }
    Write(t, Level::kInformation, kUpload, UploadSucceeded(*ctx_.id, BatchId(batch_), records_));
    NextBatch();
    return After(t, &prng_, 270, 330);
  }

  // Acquires a token when the cached one is about to expire; returns when the loop goes on.
  Ticks RefreshToken(Ticks t) {
    if (t < token_until_ - Minutes(5)) return t;
    token_until_ = t + Minutes(60);
    Write(t, Level::kInformation, kToken, TokenAcquired(*ctx_.id, ctx_.Written(token_until_)));
    return After(t, &prng_, 0, 2);
  }

  // Logs the collection of a new batch (once per batch, not per attempt).
  Ticks AnnounceBatch(Ticks t) {
    if (announced_) return t;
    announced_ = true;
    records_ = static_cast<int>(prng_.Between(120, 900));
    const Ticks hour = FloorTo(ctx_.Written(t), kTicksPerHour) - kTicksPerHour;
    Write(t, Level::kVerbose, kCollector,
          UsageCollected(BatchId(batch_), records_, hour, static_cast<int>(prng_.Between(4, 11))));
    return After(t, &prng_, 0, 3);
  }

  Ticks FailAttempt(Ticks t, int incident) {
    ++attempt_;
    Fail(t, incident, UploadFailure(s_.incidents[incident].kind, MakeAttempt(t)), kUpload);
    if (attempt_ == 3) NextBatch();  // abandoned; its records go with a later batch
    return After(t, &prng_, 60, 180);
  }

  void Fail(Ticks t, int incident, std::string text, const char* component) {
    Write(t, Level::kError, component, std::move(text));
    failures_->push_back({incident, ctx_.xrp, ctx_.host, ctx_.Written(t)});
  }

  Attempt MakeAttempt(Ticks t) const {
    return Attempt{ctx_.id,         ctx_.profile().dotnet,
                   BatchId(batch_), attempt_ == 0 ? 1 : attempt_,
                   ctx_.Written(t), ctx_.profile().skew_seconds};
  }

  void NextBatch() {
    ++batch_;
    attempt_ = 0;
    announced_ = false;
  }

  void Write(Ticks t, Level level, const char* component, std::string text) {
    events_->push_back({ctx_.Written(t), level, kTids[prng_.Below(3)], component, std::move(text)});
  }

  static constexpr int kTids[3] = {4312, 4388, 5120};
  const XrpContext& ctx_;
  const Scenario& s_;
  Prng prng_;
  std::vector<LogEvent>* events_;
  std::vector<FailureRecord>* failures_;
  Ticks token_until_;
  int batch_;
  int attempt_ = 0;  // attempts made for the current batch
  int records_ = 0;
  bool announced_ = false;
  bool blip_done_ = false;
};

}  // namespace

void SimulateUploads(const XrpContext& ctx, std::vector<LogEvent>* events,
                     std::vector<FailureRecord>* failures) {
  UploadLoop(ctx, events, failures).Run();
}

void SimulateUsageHeartbeats(const XrpContext& ctx, std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("usage-heartbeat");
  const int64_t uptime0 = prng.Between(86400, 20 * 86400);
  const Ticks start = ctx.scenario->window_start;
  for (Ticks t = After(start, &prng, 0, 119); t < ctx.scenario->collected;
       t = After(t, &prng, 119, 120)) {
    const int64_t uptime = uptime0 + (t - start) / kTicksPerSecond;
    events->push_back({ctx.Written(t), Level::kVerbose, 2716, "UsageBridge.Heartbeat",
                       Heartbeat("UsageBridge", ctx.vm, uptime)});
  }
}

}  // namespace samplegen
