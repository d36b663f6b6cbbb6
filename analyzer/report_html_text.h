// HtmlText: every fixed string of the HTML report, in English and French.
// Finding texts (titles, explanations, remediations, verdict reasons) come
// already localized in Findings; this catalog holds only the page's own words.
//
//   out += UiText(Ui::kFindingsHeading, context.lang);
//
// Each id holds both languages side by side; a unit test checks that every
// id below kCount has a non-empty English and French text.
#pragma once

#include <string>

#include "inventory.h"
#include "rule.h"

namespace analyzer {

enum class Ui {
  kTitle,
  kSubtitle,
  kInputs,
  kSpan,
  kAllTimesUtc,
  kRecords,
  kEntries,
  kCountRead,
  kCountSkipped,
  kCountFailed,
  kRulesDigest,
  kUnreadable,
  kNavVerdicts,
  kNavTimeline,
  kNavFindings,
  kNavNotes,
  kNavInventory,
  kVerdictsHeading,
  kStatusFound,
  kStatusNotFound,
  kStatusNotEvaluated,
  kNotFoundDetail,
  kFoundDetail,
  kDiagnosisHeading,
  kNoIncident,
  kNoIncidentPartial,
  kCause,
  kFirstSeen,
  kLastSeen,
  kHosts,
  kComponents,
  kFix,
  kSeeEvidence,
  kUntimedHits,
  kOngoing,
  kTimelineHeading,
  kCollectionWindow,
  kLegendIncident,
  kLegendNote,
  kLegendCovered,
  kLegendGap,
  kTimelineHelp,
  kNoTimeline,
  kLanesOmitted,
  kMarksOmitted,
  kFindingsHeading,
  kSeverity,
  kOccurrences,
  kEpisodes,
  kRules,
  kExplanation,
  kEpisodeStart,
  kEpisodeEnd,
  kDuration,
  kEvidence,
  kEvidenceOmitted,
  kEpisodesOmitted,
  kRoleOccurrence,
  kRoleCause,
  kCopy,
  kCopied,
  kLine,
  kNotesHeading,
  kNotesIntro,
  kNoNotes,
  kInventoryHeading,
  kInventoryIntro,
  kCoverageHeading,
  kCoverageIntro,
  kGaps,
  kNone,
  kFiles,
  kCovered,
  kProblemsHeading,
  kNoProblems,
  kProblemsOmitted,
  kEntriesSummary,
  kColStatus,
  kColEntry,
  kColFormat,
  kColEncoding,
  kColZone,
  kColHost,
  kColLines,
  kColRecords,
  kColTimeRange,
  kColReason,
  kColSize,
  kZoneAssumed,
  kUntimed,
  kInvalidSequences,
  kLinesCut,
  kRecordsCut,
  kArchiveEntries,
  kRowsOmitted,
  kFilterPlaceholder,
  kFilterAll,
  kFilterCount,
  kFooter,
  kTimelineLabel,
  kEpisodeOf,
  kCount  // not a text: the number of ids
};

// The text of `id` in `lang` ("fr", anything else is English). Never null.
const char* UiText(Ui id, const std::string& lang);

const char* SeverityText(Severity s, const std::string& lang);
// "read", "skipped", "failed" as the badge of one entry.
const char* EntryStatusText(EntryStatus s, const std::string& lang);

}  // namespace analyzer
