/**
 * Builds the whole demo data set, deterministically: the same graph on every call. Which
 * programmes hang on one teacher, which are reached through several people, which not at all,
 * and which institution is reached through its dean and board is documented in programmes.ts.
 */
import { DemoGraph } from "./DemoGraph.js";
import { createRandom } from "./create-random.js";
import { buildAgreements, type Agreements } from "./build-agreements.js";
import { buildCases, type CaseActivity } from "./build-cases.js";
import { buildEducation, type Education } from "./build-education.js";
import { buildNetwork } from "./build-network.js";
import { buildOutreach, type Outreach } from "./build-outreach.js";
import { addReferrals, BANK_STAFF, buildPartners, KVK_STAFF } from "./build-partners.js";
import { INSTITUTIONS } from "./institutions.js";
import { PersonFactory } from "./PersonFactory.js";
import { COORDINATORS, DEAN_AND_BOARD, PROGRAMMES, type CoordinatorName } from "./programmes.js";

export const WORKSPACE = {
  id: "ws-amsterdam",
  name: "Digitale Werkplaats MKB Amsterdam",
  region: "Metropoolregio Amsterdam",
} as const;

const COORDINATOR_TITLES: Record<CoordinatorName, string> = {
  "Fleur Bakker": "Coördinator Digitale Werkplaats (kwartiermaker)",
  "Youssef El Amrani": "Coördinator Digitale Werkplaats",
  "Marieke Jansen": "Coördinator Digitale Werkplaats",
};

/** Every hand-picked name in the data set, kept out of the made-up ones. */
function reservedNames(): string[] {
  return [
    ...COORDINATORS,
    ...BANK_STAFF.map((s) => s.name),
    KVK_STAFF.name,
    DEAN_AND_BOARD.dean.person,
    DEAN_AND_BOARD.board.person,
    ...INSTITUTIONS.flatMap((i) => [...i.deans, ...i.board].flatMap((r) => (r.name ? [r.name] : []))),
    ...PROGRAMMES.flatMap((p) => [
      ...p.keyTeachers.map((t) => t.name),
      ...(p.coordinator ? [p.coordinator] : []),
      ...(p.director ? [p.director] : []),
    ]),
  ];
}

export function buildDemoData(): DemoGraph {
  const graph = new DemoGraph();
  const people = new PersonFactory(graph, createRandom("people"), reservedNames());

  graph.addNode("Workspace", WORKSPACE.id, { name: WORKSPACE.name, region: WORKSPACE.region });
  const coordinatorIds = Object.fromEntries(
    COORDINATORS.map((name) => {
      const id = people.add(name, { jobTitle: COORDINATOR_TITLES[name], domain: "werkplaats.example" }, { language: "NL" });
      graph.addRel("COORDINATOR_OF", "Person", id, "Workspace", WORKSPACE.id);
      return [name, id];
    }),
  ) as Record<CoordinatorName, string>;

  const education = buildEducation(graph, people, createRandom("education"));
  const partners = buildPartners(graph, people, createRandom("partners"));
  const agreements = buildAgreements(graph, education, WORKSPACE.id, createRandom("agreements"));
  const activity = buildCases(graph, education, agreements, partners.smes, coordinatorIds, createRandom("cases"));
  addReferrals(graph, partners.smes, activity.cases, createRandom("referrals"));
  const outreach = buildOutreach(graph, education, agreements, coordinatorIds, createRandom("outreach"));
  applyMappingStatus(graph, education, agreements, activity, outreach);
  buildNetwork(graph, education, partners, coordinatorIds, activity, outreach, createRandom("network"));
  return graph;
}

const MAPPING_ORDER = ["NOT_APPROACHED", "APPROACHED", "RESPONDED", "EXAMPLES_RECEIVED", "AGREEMENT"] as const;
type MappingStatus = (typeof MAPPING_ORDER)[number];

/**
 * The broker's method per course and programme, derived from what the data holds: AGREEMENT where
 * an agreement covers it (for a programme: itself, its institution or any of its courses), else
 * EXAMPLES_RECEIVED with an example assignment, RESPONDED when a teacher answered (an interaction
 * with a reply, an answered proposal, a sprint), APPROACHED when only contacted, else NOT_APPROACHED.
 */
function applyMappingStatus(
  graph: DemoGraph,
  education: Education,
  agreements: Agreements,
  activity: CaseActivity,
  outreach: Outreach,
): void {
  const rank = (s: MappingStatus): number => MAPPING_ORDER.indexOf(s);
  const highest = (statuses: MappingStatus[]): MappingStatus =>
    statuses.reduce<MappingStatus>((best, s) => (rank(s) > rank(best) ? s : best), "NOT_APPROACHED");
  const fromInteractions = (targetId: string): MappingStatus[] =>
    (outreach.resultsAbout.get(targetId) ?? []).map((r) => (r === "NO_REPLY" ? "APPROACHED" : "RESPONDED"));
  const covered = new Set(agreements.all.filter((a) => a.scope !== "COURSE").map((a) => a.coversId));

  for (const programme of education.programmes.values()) {
    const courseStatuses = programme.courses.map((course) => {
      const work = activity.courseActivity.get(course.id);
      const status = agreements.byCourse.has(course.id)
        ? "AGREEMENT"
        : highest([
            ...fromInteractions(course.id),
            outreach.exampleCourses.has(course.id) ? "EXAMPLES_RECEIVED" : "NOT_APPROACHED",
            work && (work.answered > 0 || work.sprints > 0)
              ? "RESPONDED"
              : work && work.proposals > 0
                ? "APPROACHED"
                : "NOT_APPROACHED",
          ]);
      graph.setProps("Course", course.id, { mappingStatus: status });
      return status;
    });
    const programmeStatus =
      covered.has(programme.seed.id) || covered.has(programme.institution.id)
        ? "AGREEMENT"
        : highest([...courseStatuses, ...fromInteractions(programme.seed.id)]);
    graph.setProps("Programme", programme.seed.id, { mappingStatus: programmeStatus });
  }
}
