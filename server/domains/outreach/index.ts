/** The outreach domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { OutreachResolver } from "./OutreachResolver.js";
/** The spreadsheet import (interactions.csv): the same checks and the same write as logInteraction, in its transaction. */
export { checkInteractionDate, checkReferences as checkInteractionReferences, recordInteraction } from "./log-interaction.js";
