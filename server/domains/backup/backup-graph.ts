import { createWriteStream } from "node:fs";
import { chmod, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Database } from "../../platform/neo4j/database.js";
import {
  backupFormat,
  backupVersion,
  type EndLine,
  type HeaderLine,
  type NodeLine,
  type RelationshipLine,
} from "./backup-format.js";
import { encryptBackup } from "./backup-crypto.js";
import { checkEncodedProperties } from "./property-codec.js";
import { COUNT_GRAPH, STREAM_NODES, STREAM_RELATIONSHIPS } from "./statements.js";

export type BackupProgress = (done: number, total: number, phase: string) => void;

export interface BackupOptions {
  /** Keep the users' password hashes (`--with-password-hashes`); by default they are left out. */
  withPasswordHashes?: boolean;
  /** BACKUP_KEY: when set, the file is encrypted (backup-crypto.ts). */
  key?: string | undefined;
}

export interface BackupResult {
  path: string;
  /** Whether the file is encrypted and whether it holds password hashes. */
  encrypted: boolean;
  passwordHashes: boolean;
  nodes: number;
  relationships: number;
  bytes: number;
  ms: number;
}

/** Flush written lines in chunks of about this many characters: one gzip write per line is slow. */
const chunkSize = 64 * 1024;

/**
 * Writes the whole graph (every node with its labels and properties, every relationship with its
 * type and properties) to a gzip'd JSON Lines file. Streams: the graph is never in memory at once.
 * The file appears under its name only when complete (it is written as `<path>.partial` first).
 * Run it on a quiet database: it reads nodes, then relationships, in two statements.
 * Personal data and secrets: the file is owner-only (0600; a folder it creates 0700), leaves out the
 * users' password hashes unless `withPasswordHashes` (restored accounts then need a new password:
 * docs/security.md), and is encrypted with AES-256-GCM when a key (BACKUP_KEY) is given.
 */
export async function backupGraph(
  db: Database,
  outPath: string,
  onProgress?: BackupProgress,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const withHashes = options.withPasswordHashes ?? false;
  const started = performance.now();
  const counts = await db.read(COUNT_GRAPH);
  const expectedNodes = Number(counts[0]?.nodes ?? 0);
  const expectedRelationships = Number(counts[0]?.relationships ?? 0);
  const total = expectedNodes + expectedRelationships;
  const info = await db.serverInfo();
  const header: HeaderLine = {
    kind: "header",
    format: backupFormat,
    version: backupVersion,
    createdAt: new Date().toISOString(),
    neo4jVersion: info.version,
    database: db.name,
    nodes: expectedNodes,
    relationships: expectedRelationships,
    passwordHashes: withHashes,
  };

  let nodes = 0;
  let relationships = 0;
  async function* lines(): AsyncGenerator<string> {
    let chunk = `${JSON.stringify(header)}\n`;
    onProgress?.(0, total, "nodes");
    for await (const row of db.stream(STREAM_NODES)) {
      const key = String(row.key);
      const labels = row.labels as string[];
      const properties = checkEncodedProperties(row.properties, `node ${key}`);
      const line: NodeLine = {
        kind: "node",
        key,
        labels,
        properties: withHashes || !labels.includes("User") ? properties : properties.filter(([name]) => name !== "passwordHash"),
      };
      chunk += `${JSON.stringify(line)}\n`;
      nodes++;
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = "";
        onProgress?.(nodes, total, "nodes");
      }
    }
    for await (const row of db.stream(STREAM_RELATIONSHIPS)) {
      const line: RelationshipLine = {
        kind: "relationship",
        type: String(row.type),
        start: String(row.start),
        end: String(row.end),
        properties: checkEncodedProperties(row.properties, `a ${String(row.type)} relationship`),
      };
      chunk += `${JSON.stringify(line)}\n`;
      relationships++;
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = "";
        onProgress?.(nodes + relationships, total, "relationships");
      }
    }
    const end: EndLine = { kind: "end", nodes, relationships };
    yield `${chunk}${JSON.stringify(end)}\n`;
    onProgress?.(nodes + relationships, total, "done");
  }

  // A folder made here is the owner's only; an existing one is left as it is (it may be /tmp).
  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true, mode: 0o700 });
  const partial = `${outPath}.partial`;
  try {
    // Created 0600 (a leftover .partial keeps its mode, hence the chmod too), before any byte is in it.
    await rm(partial, { force: true });
    const file = createWriteStream(partial, { mode: 0o600 });
    const gzip = createGzip({ level: 6 });
    if (options.key) await pipeline(Readable.from(lines()), gzip, encryptBackup(options.key), file);
    else await pipeline(Readable.from(lines()), gzip, file);
    await chmod(partial, 0o600);
    await rename(partial, outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(outPath);
  return {
    path: outPath,
    encrypted: Boolean(options.key),
    passwordHashes: withHashes,
    nodes,
    relationships,
    bytes: size,
    ms: Math.round(performance.now() - started),
  };
}
