/** The outreach domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { OutreachResolver } from "./OutreachResolver.js";
/** The institution portal (#18): a forward records the introduction as an interaction, through the one door. */
export { logInteraction } from "./log-interaction.js";
/** Invitations (#18: a first sign-in) and the spreadsheet import (interactions.csv): the same checks and write as
 * logInteraction, inside the caller's transaction. */
export {
  checkInteractionDate,
  checkReferences as checkInteractionReferences,
  recordInteraction,
  type LogInteractionInput,
} from "./log-interaction.js";
