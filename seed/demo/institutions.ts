/**
 * The demo's education institutions: fictional, but of the real kinds in the Amsterdam region
 * (two research universities, three universities of applied sciences, two vocational colleges),
 * with the teaching calendars such institutions use.
 */
import type { EducationLevel as GraphEducationLevel } from "../../server/platform/model/graph-enums.js";

// The schema's values, as plain strings (the seed data is written as literals).
export type EducationLevel = `${GraphEducationLevel}`;

/** Which teaching calendar an institution runs: four periods, four blokken, or two semesters. */
export type CalendarKind = "WO_PERIODS" | "HBO_BLOKKEN" | "MBO_SEMESTERS" | "MBO_PERIODS";

export interface RoleSeed {
  /** Hand-picked when the README or the network design points at this person; otherwise made up. */
  name?: string;
  jobTitle: string;
}

export interface InstitutionSeed {
  id: string;
  /** Short key used in the ids of its periods, programmes and courses. */
  key: string;
  name: string;
  shortName: string;
  kind: EducationLevel;
  city: string;
  website: string;
  /** E-mail domain of its staff (a reserved example domain). */
  domain: string;
  calendar: CalendarKind;
  deans: RoleSeed[];
  board: RoleSeed[];
}

export const INSTITUTIONS: readonly InstitutionSeed[] = [
  {
    id: "inst-amstel-universiteit",
    key: "au",
    name: "Amstel Universiteit",
    shortName: "AU",
    kind: "WO",
    city: "Amsterdam",
    website: "https://www.au.example",
    domain: "au.example",
    calendar: "WO_PERIODS",
    deans: [
      { jobTitle: "Decaan Faculteit der Exacte Wetenschappen" },
      { jobTitle: "Decaan Faculteit Economie en Bedrijfskunde" },
    ],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }, { jobTitle: "Rector magnificus, lid College van Bestuur" }],
  },
  {
    id: "inst-ij-universiteit",
    key: "iju",
    name: "IJ-Universiteit Amsterdam",
    shortName: "IJU",
    kind: "WO",
    city: "Amsterdam",
    website: "https://www.iju.example",
    domain: "iju.example",
    calendar: "WO_PERIODS",
    deans: [
      { jobTitle: "Decaan Faculteit Bedrijfskunde en Informatica" },
      { jobTitle: "Decaan Faculteit Sociale Wetenschappen" },
    ],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }, { jobTitle: "Lid College van Bestuur" }],
  },
  {
    id: "inst-hogeschool-amstelland",
    key: "hal",
    name: "Hogeschool Amstelland",
    shortName: "HAL",
    kind: "HBO",
    city: "Amsterdam",
    website: "https://www.hal.example",
    domain: "hal.example",
    calendar: "HBO_BLOKKEN",
    deans: [
      { jobTitle: "Decaan Faculteit Digitale Media en Creatieve Industrie" },
      { jobTitle: "Decaan Faculteit Business en Economie" },
    ],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }, { jobTitle: "Lid College van Bestuur" }],
  },
  {
    id: "inst-hogeschool-haarlemmermeer",
    key: "hhm",
    name: "Hogeschool Haarlemmermeer",
    shortName: "HHM",
    kind: "HBO",
    city: "Hoofddorp",
    website: "https://www.hhm.example",
    domain: "hhm.example",
    calendar: "HBO_BLOKKEN",
    deans: [{ name: "Annemarie van Dam", jobTitle: "Decaan Faculteit Economie en Management" }],
    board: [{ name: "Gerard Huisman", jobTitle: "Lid College van Bestuur" }, { jobTitle: "Voorzitter College van Bestuur" }],
  },
  {
    id: "inst-hogeschool-zaanstreek",
    key: "hzs",
    name: "Hogeschool Zaanstreek",
    shortName: "HZS",
    kind: "HBO",
    city: "Zaandam",
    website: "https://www.hzs.example",
    domain: "hzs.example",
    calendar: "HBO_BLOKKEN",
    deans: [{ jobTitle: "Decaan Faculteit Techniek en Communicatie" }],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }, { jobTitle: "Lid College van Bestuur" }],
  },
  {
    id: "inst-roc-amstel-gooi",
    key: "rocag",
    name: "ROC Amstel & Gooi",
    shortName: "ROC A&G",
    kind: "MBO",
    city: "Amsterdam",
    website: "https://www.rocag.example",
    domain: "rocag.example",
    calendar: "MBO_SEMESTERS",
    deans: [{ jobTitle: "Directeur College ICT, Media & Economie (decaan)" }],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }, { jobTitle: "Lid College van Bestuur" }],
  },
  {
    id: "inst-vakcollege-almere",
    key: "vca",
    name: "Vakcollege Almere",
    shortName: "VCA",
    kind: "MBO",
    city: "Almere",
    website: "https://www.vca.example",
    domain: "vca.example",
    calendar: "MBO_PERIODS",
    deans: [{ jobTitle: "Directeur Techniek, Retail & Media (decaan)" }],
    board: [{ jobTitle: "Voorzitter College van Bestuur" }],
  },
];

/** The two academic years the demo covers, with the Monday each starts on. */
export const ACADEMIC_YEARS = [
  { label: "2025-26", firstMonday: "2025-09-01" },
  { label: "2026-27", firstMonday: "2026-08-31" },
] as const;

/**
 * Each calendar's periods as [name, first week, last week] counted from the year's first Monday;
 * a period ends on the Friday of its last week. Christmas (two weeks) falls inside period/blok 2.
 */
export const CALENDARS: Record<CalendarKind, ReadonlyArray<readonly [string, number, number]>> = {
  WO_PERIODS: [
    ["Periode 1", 0, 8],
    ["Periode 2", 9, 20],
    ["Periode 3", 22, 31],
    ["Periode 4", 33, 42],
  ],
  HBO_BLOKKEN: [
    ["Blok 1", 0, 9],
    ["Blok 2", 10, 20],
    ["Blok 3", 22, 31],
    ["Blok 4", 32, 42],
  ],
  MBO_SEMESTERS: [
    ["Semester 1", 0, 20],
    ["Semester 2", 21, 45],
  ],
  MBO_PERIODS: [
    ["Periode 1", 0, 9],
    ["Periode 2", 10, 20],
    ["Periode 3", 21, 31],
    ["Periode 4", 32, 43],
  ],
};
