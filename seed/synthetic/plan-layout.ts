import { Random } from "./Random.js";
import { smeCount, type SyntheticSize } from "./scales.js";
import { offsetsOf, splitProportionally } from "./split-proportionally.js";
import type {
  EducationLevel as GraphEducationLevel,
  PartnerKind as GraphPartnerKind,
} from "../../server/platform/model/graph-enums.js";

/**
 * The shape of a synthetic graph, decided up front from the size and seed: which institution owns
 * which programmes, courses and staff, who holds which role, who the hubs are. Everything is index
 * ranges and small typed arrays, so the generator can stream nodes and ties without keeping them.
 *
 * People are laid out in index order: the 3 workspace coordinators, partner staff (per partner),
 * institution staff (per institution), then SME contacts (contact i belongs to SME i).
 */

// The schema's values, as plain strings (the seed data is written as literals).
export type EducationLevel = `${GraphEducationLevel}`;
export type PartnerKind = `${GraphPartnerKind}`;
export type PersonKind = "coordinator" | "partner" | "staff" | "sme";

/** A half-open index range [lo, hi). */
export interface Range {
  lo: number;
  hi: number;
}

export interface InstitutionPlan {
  index: number;
  kind: EducationLevel;
  programmes: Range;
  courses: Range;
  staff: Range;
  periods: number;
  /** Staff with local index below this sit on the board. */
  boardCount: number;
  deanCount: number;
}

export interface PartnerPlan {
  index: number;
  kind: PartnerKind;
  weight: number;
  staff: Range;
}

export interface SyntheticLayout {
  size: Required<SyntheticSize>;
  coordinators: Range;
  partnerStaff: Range;
  staff: Range;
  smeContacts: Range;
  partners: PartnerPlan[];
  institutions: InstitutionPlan[];
  /** Institution index of each programme. */
  programmeInstitution: Int32Array;
  /** Programme index of each course. */
  courseProgramme: Int32Array;
  /** Hub people, most connected first, and the cumulative weights to draw them by. */
  hubs: Int32Array;
  hubCumulative: Float64Array;
}

export const coordinatorCount = 3;
const hubExponent = 0.6;

const partnerWeights: Record<PartnerKind, number> = { BANK: 4, CHAMBER_OF_COMMERCE: 2, EVENT: 1, NETWORK: 1.5, OTHER: 0.5 };

export function planLayout(size: SyntheticSize): SyntheticLayout {
  const full: Required<SyntheticSize> = { ...size, smes: smeCount(size) };
  const { people, institutions: institutionCount, programmes, courses, seed } = full;
  const random = new Random(seed ^ 0x5eed);

  const coordinators: Range = { lo: 0, hi: coordinatorCount };

  // Partners: a bank first (most referrals), the chamber of commerce, an event, a network, then a mix.
  const partnerCount = Math.max(4, Math.min(24, Math.round(people / 5_000)));
  const partnerKinds: PartnerKind[] = ["BANK", "CHAMBER_OF_COMMERCE", "EVENT", "NETWORK"];
  while (partnerKinds.length < partnerCount) {
    partnerKinds.push(
      random.weighted<PartnerKind>([
        ["BANK", 3],
        ["EVENT", 2],
        ["NETWORK", 2],
        ["OTHER", 1],
        ["CHAMBER_OF_COMMERCE", 1],
      ]),
    );
  }
  const partnerStaffTotal = Math.max(2 * partnerCount, Math.round(people * 0.01));
  const partnerStaffSizes = splitProportionally(
    partnerStaffTotal,
    partnerKinds.map((k) => partnerWeights[k]),
    2,
  );
  const partnerOffsets = offsetsOf(partnerStaffSizes, coordinators.hi);
  const partners = partnerKinds.map((kind, index) => ({
    index,
    kind,
    weight: partnerWeights[kind],
    staff: { lo: partnerOffsets[index] ?? 0, hi: partnerOffsets[index + 1] ?? 0 },
  }));
  const partnerStaff: Range = { lo: coordinators.hi, hi: coordinators.hi + partnerStaffTotal };

  const smeContactCount = Math.min(full.smes, Math.round(people * 0.3));
  const staff: Range = { lo: partnerStaff.hi, hi: people - smeContactCount };
  const smeContacts: Range = { lo: staff.hi, hi: people };
  if (staff.hi - staff.lo < institutionCount) {
    throw new Error(`Synthetic layout: only ${staff.hi - staff.lo} institution staff for ${institutionCount} institutions.`);
  }

  // Institutions: roughly the Dutch mix (few large universities, many vocational colleges), sizes skewed.
  const kinds: EducationLevel[] = [];
  const weights: number[] = [];
  for (let i = 0; i < institutionCount; i++) {
    const kind: EducationLevel =
      i < 3
        ? (["HBO", "WO", "MBO"] as const)[i]!
        : random.weighted<EducationLevel>([
            ["WO", 13],
            ["HBO", 33],
            ["MBO", 54],
          ]);
    const u = random.next();
    kinds.push(kind);
    weights.push((kind === "WO" ? 1.5 : kind === "HBO" ? 1.3 : 0.8) * (0.4 + 1.6 * u * u));
  }
  const programmeOffsets = offsetsOf(splitProportionally(programmes, weights, 1));
  const programmeInstitution = new Int32Array(programmes);
  const programmeWeights: number[] = [];
  for (let i = 0; i < institutionCount; i++) {
    for (let p = programmeOffsets[i] ?? 0; p < (programmeOffsets[i + 1] ?? 0); p++) programmeInstitution[p] = i;
  }
  for (let p = 0; p < programmes; p++) programmeWeights.push(0.5 + random.next());
  const courseOffsets = offsetsOf(splitProportionally(courses, programmeWeights, 1));
  const courseProgramme = new Int32Array(courses);
  for (let p = 0; p < programmes; p++) {
    for (let c = courseOffsets[p] ?? 0; c < (courseOffsets[p + 1] ?? 0); c++) courseProgramme[c] = p;
  }

  // Staff in proportion to the courses an institution runs.
  const coursesPerInstitution = kinds.map(
    (_, i) => (courseOffsets[programmeOffsets[i + 1] ?? 0] ?? 0) - (courseOffsets[programmeOffsets[i] ?? 0] ?? 0),
  );
  const staffOffsets = offsetsOf(
    splitProportionally(
      staff.hi - staff.lo,
      coursesPerInstitution.map((c) => c + 1),
      1,
    ),
    staff.lo,
  );
  const institutions: InstitutionPlan[] = kinds.map((kind, index) => {
    const p: Range = { lo: programmeOffsets[index] ?? 0, hi: programmeOffsets[index + 1] ?? 0 };
    const s: Range = { lo: staffOffsets[index] ?? 0, hi: staffOffsets[index + 1] ?? 0 };
    const n = s.hi - s.lo;
    const g = p.hi - p.lo;
    return {
      index,
      kind,
      programmes: p,
      courses: { lo: courseOffsets[p.lo] ?? 0, hi: courseOffsets[p.hi] ?? 0 },
      staff: s,
      periods: kind === "MBO" ? 2 : 4,
      boardCount: Math.min(2, Math.floor(n / 3)),
      deanCount: Math.max(1, Math.min(Math.ceil(g / 8), 4, Math.floor(n / 4))),
    };
  });

  // Hubs: the coordinators (brokers by trade) and 1 % of the others, drawn with Zipf-like weights,
  // a stand-in for preferential attachment that needs no degree bookkeeping.
  const hubCount = Math.max(coordinatorCount + 2, Math.round(people * 0.01));
  const hubSet = new Set<number>([0, 1, 2]);
  const hubOrder = [0, 1, 2];
  while (hubOrder.length < hubCount) {
    const candidate = coordinators.hi + random.int(staff.hi - coordinators.hi);
    if (!hubSet.has(candidate)) {
      hubSet.add(candidate);
      hubOrder.push(candidate);
    }
  }
  const hubs = Int32Array.from(hubOrder);
  const hubCumulative = new Float64Array(hubCount);
  let cumulative = 0;
  for (let r = 0; r < hubCount; r++) {
    cumulative += 1 / Math.pow(r + 1, hubExponent);
    hubCumulative[r] = cumulative;
  }

  return {
    size: full,
    coordinators,
    partnerStaff,
    staff,
    smeContacts,
    partners,
    institutions,
    programmeInstitution,
    courseProgramme,
    hubs,
    hubCumulative,
  };
}

// --- Lookups on a layout -------------------------------------------------------------------------

export function personKind(layout: SyntheticLayout, person: number): PersonKind {
  if (person < layout.coordinators.hi) return "coordinator";
  if (person < layout.partnerStaff.hi) return "partner";
  if (person < layout.staff.hi) return "staff";
  return "sme";
}

/** The institution a staff member works at (binary search over the staff ranges). */
export function institutionOfStaff(layout: SyntheticLayout, person: number): InstitutionPlan {
  const list = layout.institutions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list[mid]?.staff.lo ?? 0) <= person) lo = mid;
    else hi = mid - 1;
  }
  return list[lo]!;
}

export function partnerOfStaff(layout: SyntheticLayout, person: number): PartnerPlan {
  return layout.partners.find((p) => person >= p.staff.lo && person < p.staff.hi) ?? layout.partners[0]!;
}

/** The partner that referred an SME: a weighted draw that depends only on the seed and the SME. */
export function partnerOfSme(layout: SyntheticLayout, sme: number): PartnerPlan {
  const random = Random.forItem(layout.size.seed, "sme-partner", sme);
  return random.weighted(layout.partners.map((p) => [p, p.weight] as const));
}

export function institutionOfCourse(layout: SyntheticLayout, course: number): InstitutionPlan {
  return layout.institutions[layout.programmeInstitution[layout.courseProgramme[course] ?? 0] ?? 0]!;
}

/** Teachers are the institution's staff after the board members. */
export function teacherRange(inst: InstitutionPlan): Range {
  return { lo: inst.staff.lo + inst.boardCount, hi: inst.staff.hi };
}

/** The teacher every course has (more may teach it): the one that sprints are supervised by. */
export function firstTeacherOf(layout: SyntheticLayout, course: number): number {
  const inst = institutionOfCourse(layout, course);
  const teachers = teacherRange(inst);
  return teachers.lo + ((course - inst.courses.lo) % (teachers.hi - teachers.lo));
}

/** Local staff index of a dean, programme coordinator or director (several roles may land on one person). */
export function deanOf(inst: InstitutionPlan, j: number): number {
  const n = inst.staff.hi - inst.staff.lo;
  return inst.staff.lo + ((inst.boardCount + j) % n);
}

export function programmeCoordinatorOf(inst: InstitutionPlan, programme: number): number {
  const n = inst.staff.hi - inst.staff.lo;
  return inst.staff.lo + ((inst.boardCount + inst.deanCount + 2 * (programme - inst.programmes.lo)) % n);
}

export function programmeDirectorOf(inst: InstitutionPlan, programme: number): number {
  const n = inst.staff.hi - inst.staff.lo;
  return inst.staff.lo + ((inst.boardCount + inst.deanCount + 2 * (programme - inst.programmes.lo) + 1) % n);
}

export function jobTitleOfStaff(inst: InstitutionPlan, person: number): string {
  const local = person - inst.staff.lo;
  if (local < inst.boardCount) return "Lid College van Bestuur";
  if (local < inst.boardCount + inst.deanCount) return "Decaan";
  const slot = local - inst.boardCount - inst.deanCount;
  if (slot < 2 * (inst.programmes.hi - inst.programmes.lo)) {
    if (slot % 2 === 0) return "Opleidingscoördinator";
    return inst.kind === "MBO" ? "Opleidingsmanager" : "Opleidingsdirecteur";
  }
  return "Docent";
}

/**
 * The circle a person's own-organisation ties are drawn from: colleagues at the same institution or
 * partner; for an SME owner, the staff of the partner that referred them; for a coordinator, the
 * other coordinators and all partner staff.
 */
export function circleOf(layout: SyntheticLayout, person: number): Range {
  switch (personKind(layout, person)) {
    case "coordinator":
      return { lo: 0, hi: layout.partnerStaff.hi };
    case "partner":
      return partnerOfStaff(layout, person).staff;
    case "staff":
      return institutionOfStaff(layout, person).staff;
    case "sme":
      return partnerOfSme(layout, person - layout.smeContacts.lo).staff;
  }
}

/** Draws a hub, the best connected most often. */
export function drawHub(layout: SyntheticLayout, random: Random): number {
  const cumulative = layout.hubCumulative;
  const u = random.next() * (cumulative[cumulative.length - 1] ?? 1);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > u) hi = mid;
    else lo = mid + 1;
  }
  return layout.hubs[lo] ?? 0;
}
