import type { DemoGraph } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import type { Agreements } from "./build-agreements.js";
import { FIRST_OUTREACH, type CourseInfo, type Education } from "./build-education.js";
import { chooseCoordinator } from "./choose-coordinator.js";
import { PersonFactory } from "./PersonFactory.js";
import { DEAN_AND_BOARD, type CoordinatorName, type TieChannel } from "./programmes.js";
import { DEMO_TODAY, laterOf, shiftDate } from "./shift-date.js";
import type {
  InteractionChannel as GraphInteractionChannel,
  InteractionResult as GraphInteractionResult,
} from "../../server/platform/model/graph-enums.js";

// The schema's values, as plain strings (the seed data is written as literals).
type InteractionChannel = `${GraphInteractionChannel}`;
type InteractionResult = `${GraphInteractionResult}`;

interface InteractionPlan {
  date: string;
  channel: InteractionChannel;
  result: InteractionResult;
  note: string | null;
  by: string;
  with: string[];
  aboutProgramme?: string;
  aboutCourse?: string;
}

export interface Outreach {
  /** Coordinator ↔ person contacts, for the network (lastContact and cold, weak ties). */
  touches: Array<{ a: string; b: string; date: string; channel: InteractionChannel; result: InteractionResult }>;
  /** Programme or course id → results of the interactions about it. */
  resultsAbout: Map<string, InteractionResult[]>;
  /** Course ids with an example assignment. */
  exampleCourses: Set<string>;
}

const FIRST_CONTACT: Record<TieChannel, InteractionChannel> = {
  COLLEAGUE: "MEETING",
  WARM_INTRODUCTION: "WARM_INTRODUCTION",
  EVENT: "EVENT",
  WEBSITE: "WEBSITE",
  LINKEDIN: "LINKEDIN",
  SPRINT: "MEETING",
  OTHER: "WARM_INTRODUCTION",
};

/** The outreach log (who contacted whom, how, with what result) and the example assignments teachers sent. */
export function buildOutreach(
  graph: DemoGraph,
  education: Education,
  agreements: Agreements,
  coordinatorIds: Record<CoordinatorName, string>,
  rng: Random,
): Outreach {
  const allPlans: InteractionPlan[] = [];
  const personId = (name: string): string => PersonFactory.idFor(name);

  // The bottom-up method along the designed warm routes: first contact, a meeting, a recent check-in.
  // A route through a go-between (entry.via) is not walked yet: the coordinator has not met the
  // person, so nothing is logged between them (a meeting would build a direct tie, by the server's
  // tie-strength rule). The random draws are still made, so the rest of the demo stays the same.
  for (const programme of education.programmes.values()) {
    for (const entry of programme.seed.entries) {
      const plans = entry.via ? ([] as InteractionPlan[]) : allPlans;
      const by = coordinatorIds[entry.coordinator];
      const person = personId(entry.person);
      const first = laterOf(entry.since, FIRST_OUTREACH);
      const courses = programme.courses.filter((c) => c.teacherIds.includes(person));
      plans.push({
        date: first,
        channel: entry.via ? "WARM_INTRODUCTION" : FIRST_CONTACT[entry.channel],
        result: rng.chance(0.8) ? "INTERESTED" : "REPLIED",
        note: entry.via
          ? `Geïntroduceerd door ${entry.via}`
          : entry.channel === "SPRINT"
            ? "Evaluatie van een eerdere sprint"
            : null,
        by,
        with: [person],
        aboutProgramme: programme.seed.id,
      });
      const meeting = shiftDate(first, rng.int(14, 45));
      const course = courses.length > 0 ? rng.pick(courses) : undefined;
      plans.push({
        date: meeting,
        channel: "MEETING",
        result: rng.chance(0.7) ? "INTERESTED" : "REPLIED",
        note: "Kennismaking: lesprogramma, leerdoelen en mogelijke casussen besproken",
        by,
        with: [person],
        ...(course ? { aboutCourse: course.id } : { aboutProgramme: programme.seed.id }),
      });
      if (rng.chance(0.6)) {
        plans.push({
          date: shiftDate("2026-06-01", rng.int(0, 170)),
          channel: rng.pick(["EMAIL", "PHONE"] as const),
          result: rng.pick(["REPLIED", "INTERESTED"] as const),
          note: "Stand van zaken en casussen voor de komende periode",
          by,
          with: [person],
          aboutProgramme: programme.seed.id,
        });
      }
    }
  }

  const plans = allPlans;
  // Agreements are made in a meeting shortly before they are signed.
  for (const agreement of agreements.all) {
    if (agreement.scope === "COURSE") {
      const course = education.courses.find((c) => c.id === agreement.coversId) as CourseInfo;
      plans.push({
        date: shiftDate(agreement.signedOn, -rng.int(0, 10)),
        channel: "MEETING",
        result: "AGREED",
        note: "Afspraken over type opdrachten, aantallen, planning en begeleiding",
        by: chooseCoordinator(education, course, coordinatorIds, rng),
        with: agreement.signerIds,
        aboutCourse: course.id,
      });
    } else if (agreement.scope === "PROGRAMME") {
      const programme = education.programmes.get(agreement.coversId);
      const entry = programme?.seed.entries[0];
      plans.push({
        date: shiftDate(agreement.signedOn, -rng.int(3, 14)),
        channel: "MEETING",
        result: "AGREED",
        note: "Ruimte voor sprints in het curriculum afgesproken",
        by: coordinatorIds[entry?.coordinator ?? DEAN_AND_BOARD.dean.coordinator],
        with: agreement.signerIds,
        aboutProgramme: agreement.coversId,
      });
    } else {
      plans.push({
        date: shiftDate(agreement.signedOn, -7),
        channel: "MEETING",
        result: "AGREED",
        note: "Bestuursafspraak over mkb-casussen in alle opleidingen van de faculteit",
        by: coordinatorIds[DEAN_AND_BOARD.dean.coordinator],
        with: agreement.signerIds,
      });
    }
  }

  // The institution reached through its dean and board: first the dean and the board member, then the directors.
  const dean = personId(DEAN_AND_BOARD.dean.person);
  const board = personId(DEAN_AND_BOARD.board.person);
  const fleur = coordinatorIds[DEAN_AND_BOARD.dean.coordinator];
  plans.push(
    {
      date: DEAN_AND_BOARD.dean.since,
      channel: "EVENT",
      result: "INTERESTED",
      note: "Gesprek op de regionale mkb-tafel",
      by: fleur,
      with: [dean],
    },
    {
      date: "2025-06-19",
      channel: "MEETING",
      result: "INTERESTED",
      note: "Werkplaats en sprints toegelicht aan de decaan",
      by: fleur,
      with: [dean],
    },
    {
      date: DEAN_AND_BOARD.board.since,
      channel: "WARM_INTRODUCTION",
      result: "INTERESTED",
      note: "Geïntroduceerd door de decaan",
      by: coordinatorIds[DEAN_AND_BOARD.board.coordinator],
      with: [board],
    },
  );
  for (const programme of education.programmes.values()) {
    if (programme.seed.reach !== "DEAN_AND_BOARD") continue;
    plans.push({
      date: shiftDate("2025-10-06", rng.int(0, 40)),
      channel: "WARM_INTRODUCTION",
      result: "INTERESTED",
      note: "Via de decaan in contact met de opleidingsdirecteur",
      by: fleur,
      with: [programme.directorId],
      aboutProgramme: programme.seed.id,
    });
  }

  // Cold outreach: found on the website or LinkedIn, often without an answer.
  const cold: Array<[string, "teacher" | "coordinator", InteractionChannel, InteractionResult, string, string | null]> = [
    ["prog-au-data-science", "teacher", "LINKEDIN", "NO_REPLY", "2025-10-07", null],
    ["prog-au-data-science", "coordinator", "EMAIL", "NOT_NOW", "2026-02-10", "Curriculum ligt vast tot en met 2027"],
    ["prog-hzs-communicatie", "teacher", "WEBSITE", "NO_REPLY", "2026-04-14", "Gevonden via de opleidingspagina"],
    ["prog-vca-content-creator", "coordinator", "EMAIL", "DECLINED", "2026-09-22", "Geen ruimte naast de stages"],
    ["prog-au-bedrijfskunde", "teacher", "LINKEDIN", "NO_REPLY", "2026-03-03", "Tweede docent proberen te bereiken"],
    ["prog-hal-cmd", "teacher", "EMAIL", "NOT_NOW", "2026-05-19", "Tweede docent: misschien na de zomer"],
    [
      "prog-hzs-logistiek",
      "coordinator",
      "WEBSITE",
      "REPLIED",
      "2026-08-25",
      "Via de website benaderd; wil eerst intern overleggen",
    ],
    ["prog-vca-expert-it", "teacher", "LINKEDIN", "REPLIED", "2026-10-13", "Reageerde vriendelijk, nog geen afspraak"],
  ];
  for (const [programmeId, role, channel, result, date, note] of cold) {
    const programme = education.programmes.get(programmeId);
    if (!programme) throw new Error(`demo data: no programme ${programmeId}`);
    const keyIds = new Set(programme.seed.keyTeachers.map((t) => personId(t.name)));
    const target =
      role === "coordinator" ? programme.coordinatorId : rng.pick(programme.teacherIds.filter((t) => !keyIds.has(t)));
    plans.push({
      date,
      channel,
      result,
      note,
      by: rng.pick(Object.values(coordinatorIds)),
      with: [target],
      aboutProgramme: programmeId,
    });
  }

  const outreach: Outreach = { touches: [], resultsAbout: new Map(), exampleCourses: new Set() };
  const dated = plans.filter((p) => p.date < DEMO_TODAY).sort((a, b) => a.date.localeCompare(b.date) || a.by.localeCompare(b.by));
  dated.forEach((plan, i) => {
    const id = `interaction-${String(i + 1).padStart(3, "0")}`;
    graph.addNode("Interaction", id, { date: plan.date, channel: plan.channel, result: plan.result, note: plan.note });
    graph.addRel("INITIATED", "Person", plan.by, "Interaction", id);
    for (const w of plan.with) {
      graph.addRel("WITH", "Interaction", id, "Person", w);
      outreach.touches.push({ a: plan.by, b: w, date: plan.date, channel: plan.channel, result: plan.result });
    }
    const about = plan.aboutCourse ?? plan.aboutProgramme;
    if (plan.aboutCourse) graph.addRel("ABOUT", "Interaction", id, "Course", plan.aboutCourse);
    if (plan.aboutProgramme) graph.addRel("ABOUT", "Interaction", id, "Programme", plan.aboutProgramme);
    if (about) outreach.resultsAbout.set(about, [...(outreach.resultsAbout.get(about) ?? []), plan.result]);
  });

  addExampleAssignments(graph, education, agreements, outreach, rng);
  return outreach;
}

const EXAMPLES: Record<string, readonly [string, string]> = {
  "web shop": [
    "Webshop voor een fietsenmaker",
    "Vorig jaar bouwde een team een webshop met reparatieafspraken voor een fietsenmaker in Oost.",
  ],
  "e-commerce": [
    "Verkoopkanalen voor een kaaswinkel",
    "Studenten vergeleken marktplaatsen en eigen webshop voor een kaaswinkel, inclusief marges.",
  ],
  data: ["Omzetanalyse voor een lunchroom", "Analyse van kassadata om openingstijden en inkoop beter af te stemmen."],
  dashboards: [
    "KPI-dashboard voor een installateur",
    "Een dashboard met doorlooptijden en marges per project, gevoed uit de planning.",
  ],
  automation: [
    "Orderverwerking automatiseren",
    "Koppeling tussen webformulier, planning en facturatie voor een kleine groothandel.",
  ],
  bookkeeping: ["Administratie naar de cloud", "Overstap van een kapsalon naar een online boekhoudpakket, met bankkoppeling."],
  "social media": ["Instagram voor een bloemist", "Contentplan en zes weken posts voor een bloemenwinkel, met bereik gemeten."],
  marketing: [
    "Lokale campagne voor een restaurant",
    "Campagne voor een nieuwe lunchkaart met flyers, Google-profiel en social media.",
  ],
  cybersecurity: [
    "Beveiligingscheck bij een accountant",
    "Scan van het kantoornetwerk en advies over back-ups en tweestapsverificatie.",
  ],
  "app development": [
    "Afspraken-app voor een fysiotherapeut",
    "Prototype van een app waarmee patiënten zelf een afspraak plannen.",
  ],
  AI: ["Voorspellen van drukte", "Model dat op basis van weer en agenda de drukte in een café voorspelt."],
  UX: ["Website-onderzoek voor een makelaar", "Gebruikerstests en een nieuw ontwerp voor de zoekpagina van een makelaar."],
  privacy: ["AVG-quickscan voor een kinderopvang", "Verwerkingsregister en privacyverklaring voor een kleine kinderopvang."],
};

/** Example assignments: most came in before an agreement, a few are still waiting for one. */
function addExampleAssignments(
  graph: DemoGraph,
  education: Education,
  agreements: Agreements,
  outreach: Outreach,
  rng: Random,
): void {
  const withAgreement = rng.shuffle([...agreements.byCourse.values()]).slice(0, 5);
  const without = rng
    .shuffle(education.courses.filter((c) => c.contactTeacherId !== null && !agreements.byCourse.has(c.id)))
    .slice(0, 3);
  const items = [
    ...withAgreement.map((a) => ({ courseId: a.coversId, received: shiftDate(a.signedOn, -rng.int(10, 40)) })),
    ...without.map((c) => ({ courseId: c.id, received: shiftDate("2026-03-02", rng.int(0, 220)) })),
  ];
  items.forEach(({ courseId, received }) => {
    const course = education.courses.find((c) => c.id === courseId) as CourseInfo;
    const theme = course.seed.themes[0] ?? "data";
    const [title, description] = EXAMPLES[theme] ?? ["Voorbeeldopdracht", "Een eerdere opdracht uit deze cursus."];
    const id = `example-${course.id.replace(/^course-/, "")}`;
    graph.addNode("ExampleAssignment", id, { title, description, received });
    graph.addRel("FROM_TEACHER", "ExampleAssignment", id, "Person", course.contactTeacherId as string);
    graph.addRel("FOR_COURSE", "ExampleAssignment", id, "Course", course.id);
    outreach.exampleCourses.add(course.id);
  });
}
