/** The invitations domain's public face: the resolver, and the first-sign-in record the app hands to sign-in. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { InvitationResolver } from "./InvitationResolver.js";
export { recordFirstSignIn } from "./record-first-sign-in.js";
