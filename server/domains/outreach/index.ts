/** The outreach domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { OutreachResolver } from "./OutreachResolver.js";
export { recordInteraction, type LogInteractionInput } from "./log-interaction.js";
