import { pairKey, type DemoGraph, type Props } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import type { Education } from "./build-education.js";
import type { Partners } from "./build-partners.js";
import type { CaseActivity } from "./build-cases.js";
import type { Outreach } from "./build-outreach.js";
import { PersonFactory } from "./PersonFactory.js";
import { COORDINATORS, DEAN_AND_BOARD, WARM_STRENGTH, type CoordinatorName, type TieChannel } from "./programmes.js";
import { daysBetween, DEMO_TODAY, shiftDate } from "./shift-date.js";
import {
  deriveTieStrength,
  interactionEvidence,
  TIE_EVIDENCE_SCALE,
  type CountedInteraction,
} from "../../server/domains/network/derive-tie-strength.js";

interface TieSeed {
  strength: number;
  channel: TieChannel;
  since: string;
  note?: string;
  manual?: boolean;
}

/**
 * The who-knows-whom network: one KNOWS tie per pair. The designed warm routes (programmes.ts) go
 * in first; then colleagues, the bank's clients, and the ties that cases and outreach left behind,
 * which stay weak wherever they cross into a programme. checkNetworkDesign proves the result.
 */
export function buildNetwork(
  graph: DemoGraph,
  education: Education,
  partners: Partners,
  coordinatorIds: Record<CoordinatorName, string>,
  activity: CaseActivity,
  outreach: Outreach,
  rng: Random,
): void {
  const id = PersonFactory.idFor;
  const tie = (a: string, b: string, seed: TieSeed): boolean =>
    graph.addTie(a, b, {
      strength: seed.strength,
      channel: seed.channel,
      since: seed.since,
      lastContact: null,
      note: seed.note ?? null,
      manual: seed.manual ?? null,
    });
  const weak = (): number => rng.float(0.2, 0.45);
  const warm = (): number => rng.float(0.55, 0.95);
  const between = (from: string, to: string): string => shiftDate(from, rng.int(0, daysBetween(from, to)));

  // The workspace team.
  const coords = COORDINATORS.map((name) => coordinatorIds[name]);
  coords.forEach((a, i) =>
    coords.slice(i + 1).forEach((b) => tie(a, b, { strength: 0.95, channel: "COLLEAGUE", since: "2024-02-01" })),
  );

  // Designed warm routes into programmes.
  const [erik, linda, hans, sabine] = partners.bankStaffIds;
  const bankTies: Array<[CoordinatorName, string | undefined, number]> = [
    ["Fleur Bakker", erik, 0.8],
    ["Youssef El Amrani", linda, 0.75],
    ["Marieke Jansen", hans, 0.7],
    ["Fleur Bakker", sabine, 0.6],
  ];
  for (const [coordinator, banker, strength] of bankTies) {
    if (banker)
      tie(coordinatorIds[coordinator], banker, {
        strength,
        channel: "OTHER",
        since: "2024-03-12",
        note: "Accountmanager; verwijst klanten door",
      });
  }
  tie(coordinatorIds["Marieke Jansen"], partners.kvkAdvisorId, { strength: 0.65, channel: "EVENT", since: "2024-05-30" });
  for (const programme of education.programmes.values()) {
    for (const entry of programme.seed.entries) {
      const start = entry.via ? id(entry.via) : coordinatorIds[entry.coordinator];
      if (entry.via) tie(coordinatorIds[entry.coordinator], start, { strength: 0.8, channel: "OTHER", since: "2024-03-12" });
      tie(start, id(entry.person), {
        strength: entry.strength,
        channel: entry.channel,
        since: entry.since,
        ...(entry.note ? { note: entry.note } : {}),
        // A LinkedIn contact counts as warm only because a coordinator said so.
        ...(entry.channel === "LINKEDIN" ? { manual: true } : {}),
      });
    }
  }
  const dean = id(DEAN_AND_BOARD.dean.person);
  const board = id(DEAN_AND_BOARD.board.person);
  for (const route of [DEAN_AND_BOARD.dean, DEAN_AND_BOARD.board]) {
    tie(coordinatorIds[route.coordinator], id(route.person), {
      strength: route.strength,
      channel: route.channel,
      since: route.since,
    });
  }
  tie(dean, board, { strength: 0.85, channel: "COLLEAGUE", since: "2019-09-01" });
  for (const programme of education.programmes.values()) {
    if (programme.seed.reach !== "DEAN_AND_BOARD") continue;
    tie(dean, programme.directorId, {
      strength: rng.float(0.7, 0.85),
      channel: "COLLEAGUE",
      since: between("2017-01-01", "2022-12-31"),
    });
    if (programme.seed.id === DEAN_AND_BOARD.boardKnowsDirectorOf) {
      tie(board, programme.directorId, { strength: 0.6, channel: "COLLEAGUE", since: "2020-03-01" });
    }
  }

  // Colleagues: close within a programme, loose across programmes, and the institution's leadership.
  for (const programme of education.programmes.values()) {
    const members = [...programme.people];
    tie(programme.coordinatorId, programme.directorId, {
      strength: warm(),
      channel: "COLLEAGUE",
      since: between("2014-01-01", "2024-06-30"),
    });
    members.forEach((a, i) =>
      members.slice(i + 1).forEach((b) => {
        if (rng.chance(0.75)) {
          tie(a, b, {
            strength: rng.chance(0.85) ? warm() : weak(),
            channel: "COLLEAGUE",
            since: between("2012-01-01", "2024-08-31"),
          });
        }
      }),
    );
  }
  for (const inst of education.institutions.values()) {
    const leaders = [...(education.deans.get(inst.id) ?? []), ...(education.boardMembers.get(inst.id) ?? [])];
    leaders.forEach((a, i) =>
      leaders
        .slice(i + 1)
        .forEach((b) => tie(a, b, { strength: warm(), channel: "COLLEAGUE", since: between("2015-01-01", "2023-12-31") })),
    );
    const programmes = [...education.programmes.values()].filter((p) => p.institution.id === inst.id);
    for (const deanId of education.deans.get(inst.id) ?? []) {
      for (const p of programmes)
        tie(deanId, p.directorId, {
          strength: rng.float(0.3, 0.45),
          channel: "COLLEAGUE",
          since: between("2016-01-01", "2023-12-31"),
        });
    }
    const staff = programmes.flatMap((p) => [...p.people]);
    for (let k = 0; k < 10; k++) {
      const a = rng.pick(staff);
      const b = rng.pick(staff);
      if (education.programmeOf.get(a) !== education.programmeOf.get(b)) {
        tie(a, b, { strength: weak(), channel: "COLLEAGUE", since: between("2014-01-01", "2024-08-31") });
      }
    }
  }

  // The bank knows its clients; the KvK advisor knows the SMEs it sent.
  for (const sme of partners.smes) {
    if (sme.accountManagerId) {
      tie(sme.accountManagerId, sme.contactId, {
        strength: warm(),
        channel: "OTHER",
        since: between("2016-01-01", "2024-12-31"),
        note: "Klant bij de bank",
      });
    } else if (sme.partnerId === "partner-kvk") {
      tie(partners.kvkAdvisorId, sme.contactId, {
        strength: rng.float(0.4, 0.6),
        channel: "OTHER",
        since: between("2022-01-01", "2024-12-31"),
      });
    }
  }

  // Ties that the work left behind; where they touch a programme they stay weak.
  const inProgramme = (p: string): boolean => education.programmeOf.has(p);
  for (const t of [...activity.touches].sort(byDate)) {
    if (t.kind === "CASE") tie(t.a, t.b, { strength: rng.float(0.4, 0.7), channel: "OTHER", since: t.date });
    else tie(t.a, t.b, { strength: weak(), channel: t.kind === "SPRINT" ? "SPRINT" : "OTHER", since: t.date });
  }
  // A tie that only the outreach made starts from nothing (base 0): its strength is what the logged
  // contacts earn by the formula below, so a cold message that got a polite "not now" stays cold.
  const strangers = new Set<string>();
  for (const t of [...outreach.touches].sort(byDate)) {
    if (t.result === "NO_REPLY") continue;
    const channel: TieChannel =
      t.channel === "LINKEDIN" || t.channel === "WEBSITE" || t.channel === "EVENT" || t.channel === "WARM_INTRODUCTION"
        ? t.channel
        : "OTHER";
    // The draw the strength used to take is still made, so the dates drawn after it stay the same.
    if (inProgramme(t.b)) weak();
    else rng.float(0.4, 0.7);
    if (tie(t.a, t.b, { strength: 0, channel, since: t.date })) strangers.add(pairKey(t.a, t.b));
  }

  setLastContact(graph, activity, outreach, rng);
  deriveStrengths(graph, outreach, strangers);
  checkNetworkDesign(graph, education, coordinatorIds);
}

/**
 * Each tie's strength as the server derives it (server/domains/network/derive-tie-strength.ts:
 * strength = 1 − (1 − base)·e^(−E/2), E the pair's weighted two-way contacts) as of DEMO_TODAY, with
 * the base stored as baseStrength, so that the server's re-derivation (rederiveTies, at start and
 * daily) agrees and only lets the evidence age from DEMO_TODAY on:
 *  - a warm tie of the design (≥ WARM_STRENGTH: a designed route, a colleague) is its base; the
 *    logged meetings lift it further, and it never decays below the design;
 *  - a weak tie of the design is the strength it has on DEMO_TODAY, its interactions included: its
 *    base is what remains without them (the formula solved for base, at least 0), so it stays weak
 *    exactly as designed and fades further as its contacts age;
 *  - a tie only the outreach made (`strangers`) starts from 0 and is what its contacts earn: an
 *    unanswered message or a refusal leaves it at the minimum, one answer does not make it warm;
 *  - manual ties keep their strength.
 */
function deriveStrengths(graph: DemoGraph, outreach: Outreach, strangers: ReadonlySet<string>): void {
  const byPair = new Map<string, CountedInteraction[]>();
  for (const t of outreach.touches) {
    const key = pairKey(t.a, t.b);
    byPair.set(key, [...(byPair.get(key) ?? []), { date: t.date, channel: t.channel, result: t.result }]);
  }
  for (const row of graph.ties()) {
    if (row.props.manual === true) continue;
    const key = pairKey(row.from, row.to);
    const interactions = byPair.get(key);
    if (!interactions) continue;
    const designed = row.props.strength as number;
    const evidence = interactionEvidence(interactions, DEMO_TODAY);
    const base = strangers.has(key)
      ? 0
      : designed >= WARM_STRENGTH
        ? designed
        : Math.max(0, Math.round((1 - (1 - designed) * Math.exp(evidence / TIE_EVIDENCE_SCALE)) * 1000) / 1000);
    row.props = { ...row.props, strength: deriveTieStrength(base, evidence), baseStrength: base };
  }
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date.localeCompare(b.date);
}

/** lastContact: the latest contact the data records between the two, else a plausible date after `since`. */
function setLastContact(graph: DemoGraph, activity: CaseActivity, outreach: Outreach, rng: Random): void {
  const latest = new Map<string, string>();
  for (const t of [...activity.touches, ...outreach.touches]) {
    const key = pairKey(t.a, t.b);
    const seen = latest.get(key);
    if (t.date <= DEMO_TODAY && (!seen || t.date > seen)) latest.set(key, t.date);
  }
  const yesterday = shiftDate(DEMO_TODAY, -1);
  for (const row of graph.ties()) {
    const since = row.props.since as string;
    const recorded = latest.get(pairKey(row.from, row.to));
    const floor = since > "2025-01-01" ? since : "2025-01-01";
    const guess = shiftDate(floor, rng.int(0, Math.max(0, daysBetween(floor, yesterday))));
    const lastContact = recorded && recorded >= since ? recorded : guess;
    const props: Props = { ...row.props, lastContact };
    if (props.note === null) delete props.note;
    if (props.manual === null) delete props.manual;
    row.props = props;
  }
}

/**
 * Proves the network does what programmes.ts says: for every programme, the warm ties between its
 * people and anyone else are exactly the designed entries (none for the unreached programmes).
 */
export function checkNetworkDesign(
  graph: DemoGraph,
  education: Education,
  coordinatorIds: Record<CoordinatorName, string>,
): void {
  const id = PersonFactory.idFor;
  for (const programme of education.programmes.values()) {
    const expected = new Set<string>();
    for (const entry of programme.seed.entries) {
      expected.add(pairKey(id(entry.person), entry.via ? id(entry.via) : coordinatorIds[entry.coordinator]));
    }
    if (programme.seed.reach === "DEAN_AND_BOARD") {
      expected.add(pairKey(programme.directorId, id(DEAN_AND_BOARD.dean.person)));
      if (programme.seed.id === DEAN_AND_BOARD.boardKnowsDirectorOf)
        expected.add(pairKey(programme.directorId, id(DEAN_AND_BOARD.board.person)));
    }
    const actual = new Set(
      graph
        .ties()
        .filter(
          (t) => (t.props.strength as number) >= WARM_STRENGTH && programme.people.has(t.from) !== programme.people.has(t.to),
        )
        .map((t) => pairKey(t.from, t.to)),
    );
    const missing = [...expected].filter((k) => !actual.has(k));
    const extra = [...actual].filter((k) => !expected.has(k));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        `demo data: warm routes into ${programme.seed.id} differ from the design (missing ${missing.join(", ")}; extra ${extra.join(", ")})`,
      );
    }
  }
  for (const row of graph.ties()) {
    const s = row.props.strength;
    if (typeof s !== "number" || !(s > 0 && s <= 1))
      throw new Error(`demo data: tie ${row.from}–${row.to} has strength ${String(s)}`);
  }
}
