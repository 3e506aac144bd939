import { PairSet } from "./PairSet.js";
import { circleOf, drawHub, personKind, type SyntheticLayout } from "./plan-layout.js";
import { Random } from "./Random.js";
import { dayNumber, formatDay } from "./format-day.js";
import { shiftYears } from "./shift-years.js";

/** One KNOWS relationship: `a` and `b` are person numbers (person 123 is "p-000123"). */
export type TieRow = {
  a: number;
  b: number;
  strength: number;
  channel: string;
  since: string;
  lastContact: string | null;
};

/** How often a person starting a tie stays inside their own circle, per kind of person. */
const ownCircleShare = { coordinator: 0.3, partner: 0.5, staff: 0.75, sme: 0.6 } as const;
/** SME owners are less active in this network than the people in education and the partners. */
const smeActivity = 0.3;
const hubStartShare = 0.1;

const firstDay = dayNumber("2012-01-01");
const lastSinceDay = dayNumber("2025-08-31");
const lastContactDay = dayNumber("2025-09-30");

/**
 * Draws `size.ties` KNOWS ties, one at a time, each pair at most once in either direction and never
 * a person with themselves. Ties cluster: most start inside the person's own circle (institution,
 * partner), the rest go to a hub or to anyone. Colleague ties are stronger than the others; both
 * are skewed toward weak ties. The sequence depends only on the seed, not on how it is consumed.
 */
export function* generateTies(layout: SyntheticLayout, yearShift = 0): Generator<TieRow> {
  const { people, ties, seed } = layout.size;
  const random = new Random(seed ^ 0x7135);
  const pairs = new PairSet(people, ties);
  for (let t = 0; t < ties; t++) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error(`Synthetic ties: no free pair found after ${attempt} draws; lower --ties.`);
      let a = random.chance(hubStartShare) ? drawHub(layout, random) : random.int(people);
      const kindOfA = personKind(layout, a);
      if (kindOfA === "sme" && !random.chance(smeActivity)) continue;
      let b: number;
      let own = false;
      const circle = circleOf(layout, a);
      if (circle.hi - circle.lo > 1 && random.chance(ownCircleShare[kindOfA])) {
        b = circle.lo + random.int(circle.hi - circle.lo);
        own = true;
      } else {
        b = random.chance(0.25) ? drawHub(layout, random) : random.int(people);
      }
      if (a === b || !pairs.add(a, b)) continue;
      // Half the ties point from the later person to the earlier one: direction carries no meaning.
      if (random.chance(0.5)) [a, b] = [b, a];
      yield tieRow(a, b, own, random, yearShift);
      break;
    }
  }
}

/** `yearShift` moves the dates only: the draws, and so the ties, are the same for every calendar. */
function tieRow(a: number, b: number, own: boolean, random: Random, yearShift: number): TieRow {
  const u = random.next();
  // Colleagues: mostly 0.3–1; others: mostly weak (u³ puts half of them below 0.13).
  const raw = own ? 0.25 + 0.75 * Math.pow(u, 0.8) : Math.pow(u, 3);
  const strength = Math.max(1, Math.round(raw * 100)) / 100;
  const channel = own
    ? random.weighted([
        ["COLLEAGUE", 80],
        ["WARM_INTRODUCTION", 8],
        ["SPRINT", 6],
        ["EVENT", 6],
      ] as const)
    : random.weighted([
        ["LINKEDIN", 30],
        ["EVENT", 25],
        ["WARM_INTRODUCTION", 20],
        ["WEBSITE", 10],
        ["SPRINT", 5],
        ["OTHER", 10],
      ] as const);
  const since = firstDay + random.int(lastSinceDay - firstDay + 1);
  const lastContact = random.chance(0.9) ? since + random.int(lastContactDay - since + 1) : null;
  return {
    a,
    b,
    strength,
    channel,
    since: shiftYears(formatDay(since), yearShift),
    lastContact: lastContact === null ? null : shiftYears(formatDay(lastContact), yearShift),
  };
}
