import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { decryptBackup, isEncryptedBackup } from "./backup-crypto.js";
import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { backupFormat, backupVersion, type BackupLine, type EndLine, type HeaderLine } from "./backup-format.js";
import type { BackupProgress } from "./backup-graph.js";
import type { EncodedProperty } from "./property-codec.js";
import { AWAIT_INDEXES } from "../../platform/neo4j/statements.js";
import {
  COUNT_ACCOUNTS_WITHOUT_PASSWORD,
  COUNT_NODES,
  CREATE_RESTORE_INDEX,
  DROP_RESTORE_INDEX,
  REMOVE_RESTORE_MARKS,
  restoreNodesStatement,
  restoreRelationshipsStatement,
  WIPE_GRAPH,
} from "./statements.js";
import { forgetTieVersion } from "../../platform/neo4j/tie-version.js";
import { forgetCatalogueVersion } from "../../platform/neo4j/catalogue-version.js";

export interface RestoreOptions {
  /** Delete everything in the database first; without it, a database holding nodes is refused. */
  wipe?: boolean;
  /** BACKUP_KEY, for an encrypted backup (backup-crypto.ts). */
  key?: string | undefined;
  nodeBatchSize?: number;
  relationshipBatchSize?: number;
}

export interface RestoreResult {
  nodes: number;
  relationships: number;
  ms: number;
  /** User accounts restored without a password hash (a backup made without --with-password-hashes): they need a new password. */
  accountsWithoutPassword: number;
}

/** Rows waiting to be written by one statement: same labels (or type) and same property keys and types. */
interface PendingGroup {
  cypher: string;
  /** One list per parameter: $k (or $s, $e) and $p0, $p1, … for the properties. */
  columns: unknown[][];
  names: string[];
}

/**
 * Batches of rows that share a shape, each written by a statement with the labels, type and
 * property conversions spelled out: static Cypher with one list per column is several times
 * faster than dynamic labels and a per-property subquery.
 */
class ShapeBatches {
  private readonly groups = new Map<string, PendingGroup>();
  written = 0;

  constructor(
    private readonly db: Database,
    private readonly batchSize: number,
    private readonly what: string,
    private readonly onWritten: () => void,
  ) {}

  async add(shape: string, build: () => { cypher: string; names: string[] }, values: unknown[]): Promise<void> {
    let group = this.groups.get(shape);
    if (!group) {
      // Many shapes at once (very varied data): write what is pending rather than hold it all.
      if (this.groups.size >= 200) await this.flushAll();
      const built = build();
      group = { ...built, columns: built.names.map(() => []) };
      this.groups.set(shape, group);
    }
    values.forEach((value, i) => group.columns[i]?.push(value));
    if ((group.columns[0]?.length ?? 0) >= this.batchSize) await this.flush(shape, group);
  }

  async flushAll(): Promise<void> {
    for (const [shape, group] of [...this.groups]) await this.flush(shape, group);
  }

  private async flush(shape: string, group: PendingGroup): Promise<void> {
    this.groups.delete(shape);
    const rows = group.columns[0]?.length ?? 0;
    if (rows === 0) return;
    const params = Object.fromEntries(group.names.map((name, i) => [name, group.columns[i]]));
    const result = await this.db.write(group.cypher, params);
    const written = Number(result[0]?.written ?? 0);
    if (written !== rows) {
      throw new DomainError(
        ErrorCode.COUNT_MISMATCH,
        `A batch of ${rows} ${this.what} wrote ${written}: the backup file refers to nodes it does not contain.`,
      );
    }
    this.written += written;
    this.onWritten();
  }
}

function sortedProperties(properties: readonly EncodedProperty[]): EncodedProperty[] {
  return [...properties].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function nodeStatement(labels: readonly string[], properties: readonly EncodedProperty[]): { cypher: string; names: string[] } {
  return { cypher: restoreNodesStatement(labels, properties), names: ["k", ...properties.map((_, i) => `p${i}`)] };
}

function relationshipStatement(type: string, properties: readonly EncodedProperty[]): { cypher: string; names: string[] } {
  return { cypher: restoreRelationshipsStatement(type, properties), names: ["s", "e", ...properties.map((_, i) => `p${i}`)] };
}

/**
 * Reads a backup written by backupGraph back into the database, in batched UNWIND statements.
 * The file is checked whole (header, end line, counts) before anything is written.
 */
export async function restoreGraph(
  db: Database,
  inPath: string,
  options: RestoreOptions = {},
  onProgress?: BackupProgress,
): Promise<RestoreResult> {
  const started = performance.now();
  const { header, end } = await checkBackupFile(inPath, options.key);
  const total = end.nodes + end.relationships;

  const existing = Number((await db.read(COUNT_NODES))[0]?.n ?? 0);
  if (existing > 0) {
    if (!options.wipe) {
      throw new DomainError(
        ErrorCode.NOT_EMPTY,
        `The database holds ${existing} nodes: restore into an empty database, or pass --wipe to delete them first.`,
      );
    }
    onProgress?.(0, total, "wiping");
    await db.autoCommit(WIPE_GRAPH);
  }

  await db.autoCommit(CREATE_RESTORE_INDEX);
  await db.autoCommit(AWAIT_INDEXES);

  const nodes = new ShapeBatches(db, options.nodeBatchSize ?? 10_000, "nodes", () => onProgress?.(nodes.written, total, "nodes"));
  const relationships = new ShapeBatches(db, options.relationshipBatchSize ?? 20_000, "relationships", () =>
    onProgress?.(nodes.written + relationships.written, total, "relationships"),
  );
  let nodesDone = false;
  onProgress?.(0, total, "nodes");
  try {
    for await (const line of readBackupLines(inPath, options.key)) {
      if (line.kind === "node") {
        const properties = sortedProperties(line.properties);
        const shape = JSON.stringify([line.labels, properties.map(([key, type]) => [key, type])]);
        await nodes.add(shape, () => nodeStatement(line.labels, properties), [
          line.key,
          ...properties.map(([, , value]) => value),
        ]);
      } else if (line.kind === "relationship") {
        if (!nodesDone) {
          // Every node comes before the first relationship: write them all, so all ends exist.
          await nodes.flushAll();
          nodesDone = true;
        }
        const properties = sortedProperties(line.properties);
        const shape = JSON.stringify([line.type, properties.map(([key, type]) => [key, type])]);
        await relationships.add(shape, () => relationshipStatement(line.type, properties), [
          line.start,
          line.end,
          ...properties.map(([, , value]) => value),
        ]);
      }
    }
    await nodes.flushAll();
    await relationships.flushAll();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new RestoreInterruptedError(nodes.written, relationships.written, reason, error);
  }

  onProgress?.(nodes.written + relationships.written, total, "cleaning up");
  await db.autoCommit(REMOVE_RESTORE_MARKS);
  await db.autoCommit(DROP_RESTORE_INDEX);
  // Every tie is new to the warm-tie store: the tie version is forgotten (the backup does not carry it).
  await forgetTieVersion(db);
  // The courses' catalogue is new too (catalogue-version.ts).
  await forgetCatalogueVersion(db);

  if (nodes.written !== end.nodes || relationships.written !== end.relationships) {
    throw new DomainError(
      ErrorCode.COUNT_MISMATCH,
      `Restored ${nodes.written} nodes and ${relationships.written} relationships, but the backup of ${header.createdAt} holds ${end.nodes} and ${end.relationships}.`,
    );
  }
  onProgress?.(total, total, "done");
  const accounts = Number((await db.read(COUNT_ACCOUNTS_WITHOUT_PASSWORD))[0]?.accounts ?? 0);
  return {
    nodes: nodes.written,
    relationships: relationships.written,
    ms: Math.round(performance.now() - started),
    accountsWithoutPassword: accounts,
  };
}

/** A restore that stopped part way: the database holds part of the graph. */
export class RestoreInterruptedError extends DomainError {
  constructor(
    // Not `nodes`: GraphQLError has a property of that name (the AST nodes).
    readonly nodesWritten: number,
    readonly relationshipsWritten: number,
    reason: string,
    override readonly cause: unknown,
  ) {
    super(
      ErrorCode.INTERRUPTED,
      `The restore stopped after ${nodesWritten} nodes and ${relationshipsWritten} relationships (${reason}); the database holds a partial graph: fix the cause and restore again with --wipe.`,
    );
    this.name = "RestoreInterruptedError";
  }
}

/** Reads the file once without writing: a known format, nodes before relationships, an end line whose counts match. */
export async function checkBackupFile(inPath: string, key?: string): Promise<{ header: HeaderLine; end: EndLine }> {
  let header: HeaderLine | undefined;
  let end: EndLine | undefined;
  let nodes = 0;
  let relationships = 0;
  for await (const line of readBackupLines(inPath, key)) {
    if (!header) {
      if (line.kind !== "header" || line.format !== backupFormat) {
        throw new DomainError(
          ErrorCode.BAD_FILE,
          `${inPath} is not a graph backup of this application (no ${backupFormat} header).`,
        );
      }
      if (line.version > backupVersion) {
        throw new DomainError(
          ErrorCode.BAD_FILE,
          `${inPath} has backup format version ${line.version}; this version reads up to ${backupVersion}.`,
        );
      }
      header = line;
      continue;
    }
    if (end) throw new DomainError(ErrorCode.BAD_FILE, `${inPath} has lines after its end line.`);
    if (line.kind === "node") {
      if (relationships > 0) throw new DomainError(ErrorCode.BAD_FILE, `${inPath} has a node after the relationships.`);
      nodes++;
    } else if (line.kind === "relationship") relationships++;
    else if (line.kind === "end") end = line;
    else throw new DomainError(ErrorCode.BAD_FILE, `${inPath} has an unexpected "${line.kind}" line.`);
  }
  if (!header) throw new DomainError(ErrorCode.BAD_FILE, `${inPath} is empty.`);
  if (!end) throw new DomainError(ErrorCode.INCOMPLETE_FILE, `${inPath} ends early (no end line): the backup is incomplete.`);
  if (end.nodes !== nodes || end.relationships !== relationships) {
    throw new DomainError(
      ErrorCode.INCOMPLETE_FILE,
      `${inPath} says it holds ${end.nodes} nodes and ${end.relationships} relationships but has ${nodes} and ${relationships}.`,
    );
  }
  return { header, end };
}

/** The lines of a backup file, gzip'd or not, parsed. */
async function* readBackupLines(inPath: string, key: string | undefined): AsyncGenerator<BackupLine> {
  const plainGzip = await isGzip(inPath);
  const encrypted = !plainGzip && (await isEncryptedBackup(inPath));
  const input = encrypted ? await decryptBackup(inPath, key) : createReadStream(inPath);
  let text: Readable = input;
  if (plainGzip || encrypted) {
    const gunzip = createGunzip();
    // pipe() does not pass errors on: a failed authentication (GCM tag) must end the reading.
    input.on("error", (error: Error) => gunzip.destroy(error));
    text = input.pipe(gunzip);
  }
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (text.trim() === "") continue;
      let line: BackupLine;
      try {
        line = JSON.parse(text) as BackupLine;
      } catch {
        throw new DomainError(ErrorCode.BAD_FILE, `${inPath}, line ${number}: not valid JSON (is the file cut off?).`);
      }
      yield line;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "Z_BUF_ERROR" || code === "Z_DATA_ERROR") {
      throw new DomainError(ErrorCode.INCOMPLETE_FILE, `${inPath} is a damaged or cut-off gzip file.`);
    }
    if (error instanceof Error && /unable to authenticate/i.test(error.message)) {
      throw new DomainError(ErrorCode.INCOMPLETE_FILE, `${inPath} is a damaged, cut-off or altered encrypted backup.`);
    }
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
}

async function isGzip(inPath: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(inPath, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new DomainError(ErrorCode.FILE_NOT_FOUND, `No backup file at ${inPath}.`);
    throw error;
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
