/**
 * The demo data set as plain rows, grouped the way the loader writes them: one batch per node
 * label and one per relationship type (and label pair). Builders add to it; it refuses duplicate
 * ids, relationships to unknown nodes and a second KNOWS tie for a pair, so mistakes in the data
 * show up when it is built rather than as a quietly different graph.
 */

export type DemoLabel =
  | "Workspace"
  | "Institution"
  | "TeachingPeriod"
  | "Programme"
  | "Course"
  | "Partner"
  | "Sme"
  | "Person"
  | "Case"
  | "CaseEvent"
  | "Proposal"
  | "ExampleAssignment"
  | "Agreement"
  | "Sprint"
  | "Milestone"
  | "Interaction";

export type PropValue = string | number | boolean | null | readonly string[];
export type Props = Record<string, PropValue>;

export interface NodeRow {
  id: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

export interface NodeBatch {
  label: DemoLabel;
  rows: NodeRow[];
}

export interface RelBatch {
  type: string;
  fromLabel: DemoLabel;
  toLabel: DemoLabel;
  /** KNOWS: one tie per pair whichever way it points, so the loader merges it without direction. */
  undirected: boolean;
  rows: RelRow[];
}

/**
 * Properties that Neo4j must hold as temporal values (the GraphQL Date/DateTime fields expect that);
 * the rows carry ISO strings and the loader converts them with date()/datetime().
 */
export const temporalProperties: Record<string, { date?: readonly string[]; datetime?: readonly string[] }> = {
  TeachingPeriod: { date: ["startDate", "endDate"] },
  Case: { date: ["earliestStart", "deadline"], datetime: ["created"] },
  CaseEvent: { datetime: ["at"] },
  Proposal: { datetime: ["sentAt", "answeredAt", "expiresAt", "withdrawnAt"] },
  ExampleAssignment: { date: ["received"] },
  Agreement: { date: ["signedOn", "validFrom", "validTo"] },
  Sprint: { date: ["startDate", "endDate"] },
  Milestone: { date: ["due"] },
  Interaction: { date: ["date"] },
  REFERRED: { date: ["date"] },
  KNOWS: { date: ["since", "lastContact"] },
};

export class DemoGraph {
  private readonly nodes = new Map<DemoLabel, Map<string, NodeRow>>();
  private readonly rels = new Map<string, RelBatch>();
  private readonly relKeys = new Set<string>();
  private readonly tiePairs = new Map<string, RelRow>();

  addNode(label: DemoLabel, id: string, props: Props): void {
    let rows = this.nodes.get(label);
    if (!rows) {
      rows = new Map();
      this.nodes.set(label, rows);
    }
    if (rows.has(id)) throw new Error(`demo data: duplicate ${label} id ${id}`);
    rows.set(id, { id, props: { id, ...props } });
  }

  hasNode(label: DemoLabel, id: string): boolean {
    return this.nodes.get(label)?.has(id) ?? false;
  }

  node(label: DemoLabel, id: string): Props {
    const row = this.nodes.get(label)?.get(id);
    if (!row) throw new Error(`demo data: no ${label} ${id}`);
    return row.props;
  }

  /** Changes properties of a node added earlier (e.g. mapping status, once everything is known). */
  setProps(label: DemoLabel, id: string, props: Props): void {
    const row = this.nodes.get(label)?.get(id);
    if (!row) throw new Error(`demo data: no ${label} ${id}`);
    row.props = { ...row.props, ...props };
  }

  addRel(type: string, fromLabel: DemoLabel, from: string, toLabel: DemoLabel, to: string, props: Props = {}): void {
    if (type === "KNOWS") throw new Error("demo data: add KNOWS ties with addTie");
    for (const [label, id] of [
      [fromLabel, from],
      [toLabel, to],
    ] as const) {
      if (!this.hasNode(label, id)) throw new Error(`demo data: ${type} refers to unknown ${label} ${id}`);
    }
    const key = `${type}|${from}|${to}`;
    if (this.relKeys.has(key)) throw new Error(`demo data: duplicate ${type} from ${from} to ${to}`);
    this.relKeys.add(key);
    this.batch(type, fromLabel, toLabel, false).rows.push({ from, to, props });
  }

  /** Adds a KNOWS tie unless the pair already has one (either way); returns whether it was added. */
  addTie(a: string, b: string, props: Props): boolean {
    if (a === b) throw new Error(`demo data: ${a} cannot know themselves`);
    for (const id of [a, b]) {
      if (!this.hasNode("Person", id)) throw new Error(`demo data: KNOWS refers to unknown Person ${id}`);
    }
    const key = pairKey(a, b);
    if (this.tiePairs.has(key)) return false;
    const row = { from: a, to: b, props };
    this.tiePairs.set(key, row);
    this.batch("KNOWS", "Person", "Person", true).rows.push(row);
    return true;
  }

  ties(): RelRow[] {
    return [...this.tiePairs.values()];
  }

  nodeBatches(): NodeBatch[] {
    return [...this.nodes.entries()].map(([label, rows]) => ({ label, rows: [...rows.values()] }));
  }

  relBatches(): RelBatch[] {
    return [...this.rels.values()];
  }

  private batch(type: string, fromLabel: DemoLabel, toLabel: DemoLabel, undirected: boolean): RelBatch {
    const key = `${type}|${fromLabel}|${toLabel}`;
    let batch = this.rels.get(key);
    if (!batch) {
      batch = { type, fromLabel, toLabel, undirected, rows: [] };
      this.rels.set(key, batch);
    }
    return batch;
  }
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
