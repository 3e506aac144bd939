/** The agreements domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { GOVERNING_AGREEMENT_IN_PERIOD } from "./fragments.js";
export { AgreementCapacity, CourseCapacity } from "./capacity-types.js";
export { readAgreementTerms } from "./read-agreement-terms.js";
export type { AgreementTerm, AgreementTerms } from "./read-agreement-terms.js";
export { readAgreementCapacity, readCapacity } from "./read-capacity.js";
