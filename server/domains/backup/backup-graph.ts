import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
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
import { checkEncodedProperties } from "./property-codec.js";
import { COUNT_GRAPH, STREAM_NODES, STREAM_RELATIONSHIPS } from "./statements.js";

export type BackupProgress = (done: number, total: number, phase: string) => void;

export interface BackupResult {
  path: string;
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
 */
export async function backupGraph(db: Database, outPath: string, onProgress?: BackupProgress): Promise<BackupResult> {
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
  };

  let nodes = 0;
  let relationships = 0;
  async function* lines(): AsyncGenerator<string> {
    let chunk = `${JSON.stringify(header)}\n`;
    onProgress?.(0, total, "nodes");
    for await (const row of db.stream(STREAM_NODES)) {
      const key = String(row.key);
      const line: NodeLine = {
        kind: "node",
        key,
        labels: row.labels as string[],
        properties: checkEncodedProperties(row.properties, `node ${key}`),
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

  await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
  const partial = `${outPath}.partial`;
  try {
    await pipeline(Readable.from(lines()), createGzip({ level: 6 }), createWriteStream(partial));
    await rename(partial, outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(outPath);
  return { path: outPath, nodes, relationships, bytes: size, ms: Math.round(performance.now() - started) };
}
