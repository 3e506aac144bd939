import type { Database } from "../../platform/neo4j/database.js";
import { readAgreementTerms } from "../agreements/index.js";
import { CourseCatalogue, heldCourse, type CourseRow, type HeldPeriod, type HeldTopic } from "./course-catalogue.js";
import { READ_COURSE_CATALOGUE, READ_TEACHING_PERIODS, READ_TOPIC_TREE } from "./statements.js";

/**
 * The held course catalogue (course-catalogue.ts) and the reading under way, per driver (one connection to one
 * database: what was read through one driver is not served to another; the integration tests run files side by side in
 * one process, each with a driver of its own). A request passes the catalogue version it read
 * (READ_CASE_FIT_FACTS, server/platform/neo4j/catalogue-version.ts): the held catalogue answers when it was read at that
 * version, else the catalogue is read again (once, for every request that waits on it) and tagged with the version the
 * request saw, which was read before it — a write in between leaves it tagged older, and the next request reads again.
 * Without the CatalogueVersion node the graph's version stands in, which any write moves.
 */
interface Slot {
  held?: CourseCatalogue;
  reading?: { version: string; catalogue: Promise<CourseCatalogue> };
}

const slots = new WeakMap<object, Slot>();

export async function courseCatalogueAt(db: Database, catalogueVersion: string | null): Promise<CourseCatalogue> {
  const version = catalogueVersion === null ? await graphVersion(db) : `catalogue:${catalogueVersion}`;
  let slot = slots.get(db.driver);
  if (!slot) {
    slot = {};
    slots.set(db.driver, slot);
  }
  if (version !== null && slot.held?.version === version) return slot.held;
  if (version !== null && slot.reading?.version === version) return slot.reading.catalogue;
  const catalogue = readCourseCatalogue(db, version);
  if (version === null) return catalogue;
  const reading = { version, catalogue };
  slot.reading = reading;
  try {
    const read = await catalogue;
    if (slot.reading === reading) {
      slot.held = read;
      slot.reading = undefined;
    }
    return read;
  } catch (error) {
    if (slot.reading === reading) slot.reading = undefined;
    throw error;
  }
}

async function graphVersion(db: Database): Promise<string | null> {
  const version = await db.graphVersion();
  return version === null ? null : `graph:${version}`;
}

/** Reads the whole catalogue (four reads side by side). */
export async function readCourseCatalogue(db: Database, version: string | null): Promise<CourseCatalogue> {
  const [courses, periods, topics, terms] = await Promise.all([
    db.read(READ_COURSE_CATALOGUE),
    db.read(READ_TEACHING_PERIODS),
    db.read(READ_TOPIC_TREE),
    db.readEach((tx) => readAgreementTerms(tx)),
  ]);
  const byId = new Map((periods as unknown as HeldPeriod[]).map((p) => [p.id, p]));
  return new CourseCatalogue(
    (courses as unknown as CourseRow[]).map((row) => heldCourse(row, byId, terms)),
    topics as unknown as HeldTopic[],
    version,
  );
}
