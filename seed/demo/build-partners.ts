import type { DemoGraph } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import { slugify } from "./names.js";
import type { PersonFactory } from "./PersonFactory.js";
import { REGION_CITIES, SMES } from "./smes.js";
import { shiftDate } from "./shift-date.js";

export const BANK_ID = "partner-amstel-ondernemersbank";

/** Referrers: the bank brings most SMEs, then the KvK, events, the coordinators' own network. */
export const PARTNERS = [
  { id: BANK_ID, name: "Amstel Ondernemersbank", kind: "BANK", referrals: 35 },
  { id: "partner-kvk", name: "Kamer van Koophandel", kind: "CHAMBER_OF_COMMERCE", referrals: 9 },
  { id: "partner-digitale-ondernemersdag", name: "Digitale Ondernemersdag Amsterdam", kind: "EVENT", referrals: 7 },
  { id: "partner-netwerk-werkplaats", name: "Netwerk van de werkplaats", kind: "NETWORK", referrals: 6 },
  { id: "partner-ondernemershuis-zaanstad", name: "Ondernemershuis Zaanstad", kind: "OTHER", referrals: 3 },
] as const;

/** The bank's account managers, who refer their clients; Erik Smit also opens a route into Commerciële Economie. */
export const BANK_STAFF = [
  { name: "Erik Smit", jobTitle: "Accountmanager MKB" },
  { name: "Linda Mulder", jobTitle: "Accountmanager MKB" },
  { name: "Hans de Boer", jobTitle: "Senior accountmanager zakelijk" },
  { name: "Sabine Kok", jobTitle: "Accountmanager starters" },
] as const;

export const KVK_STAFF = { name: "Ruud Dekker", jobTitle: "Adviseur Ondernemersplein" } as const;

export interface SmeInfo {
  id: string;
  name: string;
  sector: string;
  city: string;
  contactId: string;
  partnerId: string;
  /** The bank account manager who referred it, for SMEs the bank brought. */
  accountManagerId: string | null;
}

export interface Partners {
  smes: SmeInfo[];
  bankStaffIds: string[];
  kvkAdvisorId: string;
}

/** Partners with their staff, and the SMEs with their contact people (referrals follow once cases are dated). */
export function buildPartners(graph: DemoGraph, people: PersonFactory, rng: Random): Partners {
  for (const p of PARTNERS) graph.addNode("Partner", p.id, { name: p.name, kind: p.kind });
  const bankStaffIds = BANK_STAFF.map((s) => people.add(s.name, { jobTitle: s.jobTitle, domain: "amstelbank.example" }));
  for (const id of bankStaffIds) graph.addRel("WORKS_AT", "Person", id, "Partner", BANK_ID);
  const kvkAdvisorId = people.add(KVK_STAFF.name, { jobTitle: KVK_STAFF.jobTitle, domain: "kvk.example" });
  graph.addRel("WORKS_AT", "Person", kvkAdvisorId, "Partner", "partner-kvk");

  const referrers = rng.shuffle(PARTNERS.flatMap((p) => Array.from({ length: p.referrals }, () => p.id)));
  if (referrers.length !== SMES.length) throw new Error("demo data: referral counts do not add up to the SMEs");
  const kvkNumbers = new Set<string>();
  const smes = SMES.map((seed, i): SmeInfo => {
    const id = `sme-${slugify(seed.name)}`;
    let kvk: string;
    do kvk = String(rng.int(10_000_000, 99_999_999));
    while (kvkNumbers.has(kvk));
    kvkNumbers.add(kvk);
    const city = seed.city ?? rng.weighted(REGION_CITIES);
    const size = rng.weighted([
      ["MICRO", 5],
      ["SMALL", 4],
      ["MEDIUM", 1],
    ] as const);
    graph.addNode("Sme", id, { name: seed.name, kvkNumber: kvk, sector: seed.sector, size, city });
    const jobTitle = rng.weighted([
      ["Eigenaar", 5],
      ["Directeur-eigenaar", 2],
      ["Mede-eigenaar", 1],
      ["Bedrijfsleider", 1],
      ["Office manager", 1],
    ] as const);
    const contactId = people.addGenerated({ jobTitle, domain: `${slugify(seed.name)}.example`, emailStyle: "first" });
    graph.addRel("CONTACT_FOR", "Person", contactId, "Sme", id);
    const partnerId = referrers[i] as string;
    return {
      id,
      name: seed.name,
      sector: seed.sector,
      city,
      contactId,
      partnerId,
      accountManagerId: partnerId === BANK_ID ? rng.pick(bankStaffIds) : null,
    };
  });
  return { smes, bankStaffIds, kvkAdvisorId };
}

/**
 * A referral belongs to the case: each case came through its SME's partner a few days to a few
 * weeks before it came in (a returning SME's later case a few days before), referred by the bank's
 * account manager for the bank's SMEs.
 */
export function addReferrals(
  graph: DemoGraph,
  smes: readonly SmeInfo[],
  cases: ReadonlyArray<{ id: string; smeId: string; created: string }>,
  rng: Random,
): void {
  const byId = new Map(smes.map((sme) => [sme.id, sme]));
  const seen = new Set<string>();
  for (const c of cases) {
    const sme = byId.get(c.smeId);
    if (!sme) throw new Error(`demo data: case ${c.id} of unknown SME ${c.smeId}`);
    const lead = seen.has(sme.id) ? rng.int(1, 7) : rng.int(2, 24);
    seen.add(sme.id);
    graph.addRel("REFERRED", "Partner", sme.partnerId, "Case", c.id, {
      date: shiftDate(c.created, -lead),
      ...(sme.accountManagerId ? { by: sme.accountManagerId } : {}),
    });
  }
  for (const sme of smes) if (!seen.has(sme.id)) throw new Error(`demo data: ${sme.id} asked no case`);
}
