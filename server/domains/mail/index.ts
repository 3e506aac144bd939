/** The mail domain's public face: the outbox (every message, sent or kept) and one attempt to send a message. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { MailResolver } from "./MailResolver.js";
export { MailKind, MailStatus } from "./mail-types.js";
export { queueMessage, type NewMessage } from "./queue-message.js";
export {
  deliverMessage,
  readMessagesToRetry,
  retryDelayMs,
  type DeliveryHooks,
  type DeliveryOutcome,
} from "./deliver-message.js";
