export type BackupErrorCode = "NOT_EMPTY" | "BAD_FILE" | "INCOMPLETE_FILE" | "UNSUPPORTED_TYPE" | "COUNT_MISMATCH" | "FILE_NOT_FOUND" | "INTERRUPTED";

/** A backup or restore that cannot go on; `message` is one line that says what to do. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}
