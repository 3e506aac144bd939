/** The institution portal's public face (issue #18): what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { PortalResolver } from "./PortalResolver.js";
export { portalScope, readPortalScope, type PortalScope } from "./portal-scope.js";
