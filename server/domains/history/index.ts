/** The history domain's public face: the record of generic edits, the history query, erasure from history. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { HistoryResolver } from "./HistoryResolver.js";
export { recordGenericEdits } from "./record-generic-edits.js";
export { eraseFromHistory } from "./erase-history.js";
export { recordDomainEdits, type DomainEdit } from "./record-domain-edit.js";
export { editAuthor, type EditAuthor } from "./record-generic-edits.js";
