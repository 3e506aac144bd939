/** The bulk path cannot load into this target (an external server, a store holding data, a running Neo4j). */
export class BulkImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkImportRefusedError";
  }
}
