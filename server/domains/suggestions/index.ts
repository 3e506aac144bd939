/** The suggestions domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { SUGGESTING_STATUSES, refreshSuggestionCount, refreshSuggestionCounts } from "./count-case-suggestions.js";
export { ProposalState, SuggestionVerdict } from "./matching-enums.js";
export { matchingSettings } from "./matching-settings.js";
export type { MatchingSettings } from "./matching-settings.js";
export { readCourseFits } from "./read-course-fits.js";
/** The institution portal (#18): the same suggestions seen from the course side. */
export { fitCasesToCourses, type CaseCourseFit } from "./fit-cases-to-courses.js";
export { readTeacherRecords, withWarmPath } from "./read-teacher-signals.js";
export { describeTopicMatches, scoreSuggestion, verdictAtLeast } from "./score-suggestion.js";
export { SuggestionResolver } from "./SuggestionResolver.js";
/** What a digest entry (proposals) and a portal's fitting case (portal) share: one case fitting one course. */
export { CaseCourseFitSummary } from "./suggestion-types.js";
