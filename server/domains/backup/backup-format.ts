import type { EncodedProperty } from "./property-codec.js";

/**
 * The backup file: gzip'd JSON Lines (encrypted as backup-crypto.ts describes when BACKUP_KEY is set). A header, every node, every relationship, and an end line
 * with the counts, so that a cut-off file is recognised before anything is restored from it.
 * Nodes carry their elementId at backup time as `key`; relationships name their ends by it.
 */
export const backupFormat = "werkplaats-graph-backup";
export const backupVersion = 1;

export interface HeaderLine {
  kind: "header";
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  neo4jVersion: string;
  database: string;
  /** Counts when the backup started (the end line has what was written). */
  nodes: number;
  relationships: number;
  /** false (the default since #13): User nodes carry no passwordHash; restored accounts need a new password. */
  passwordHashes?: boolean;
}

export interface NodeLine {
  kind: "node";
  key: string;
  labels: string[];
  properties: EncodedProperty[];
}

export interface RelationshipLine {
  kind: "relationship";
  type: string;
  start: string;
  end: string;
  properties: EncodedProperty[];
}

export interface EndLine {
  kind: "end";
  nodes: number;
  relationships: number;
}

export type BackupLine = HeaderLine | NodeLine | RelationshipLine | EndLine;

/** A file name that sorts by time and is valid on every file system. */
export function defaultBackupPath(now = new Date()): string {
  return `backups/graph-${now.toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
}
