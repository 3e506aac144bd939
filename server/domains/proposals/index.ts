/** The proposals domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { ProposalResolver } from "./ProposalResolver.js";
export { SendingResolver } from "./SendingResolver.js";
export { answerByLink, type LinkPage } from "./answer-by-link.js";
export { scheduleDigests, runDigestRound, type DigestSchedule, type DigestRound } from "./digest-schedule.js";
/** The institution portal (#18): claims and forwards are proposals in the other direction; answering one's own. */
export { writeClaim, writeForward, MAX_CLAIM_TEXT } from "./claims.js";
export { answerProposal } from "./answer-proposal.js";
export { readProposals } from "./read-proposals.js";
export { ProposalRecord } from "./proposal-types.js";
