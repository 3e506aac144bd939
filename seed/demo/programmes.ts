/**
 * The demo's programmes and courses, and the design of the who-knows-whom network around them.
 *
 * "Warm" means a KNOWS tie with strength >= 0.5 (WARM_STRENGTH). A programme's people are the
 * teachers of its courses, its programme coordinators (COORDINATES) and its directors (DIRECTS).
 * Every person belongs to one programme at most, and every tie between a programme's people and
 * anyone outside them is weak, except the entries listed here. So the warm routes from the three
 * workspace coordinators (Fleur Bakker, Youssef El Amrani, Marieke Jansen) into each programme are
 * exactly the ones below; build-network.ts checks that when the data is built.
 *
 * Hangs on a SINGLE teacher (one warm route, through that teacher, to one coordinator):
 *   prog-au-bedrijfskunde          Bedrijfskunde (AU, WO)                  via Pieter van Leeuwen (person-pieter-van-leeuwen)
 *   prog-iju-business-analytics    Business Analytics (IJU, WO)            via Sophie Willems (person-sophie-willems)
 *   prog-hal-cmd                   Communication & Multimedia Design (HAL) via Joost Hendriks (person-joost-hendriks)
 *   prog-hal-ad-ecommerce          Associate degree E-commerce (HAL)       via Ilse de Groot (person-ilse-de-groot)
 *   prog-hzs-logistiek             Logistiek Management (HZS, HBO)         via Bram Vermeulen (person-bram-vermeulen)
 *   prog-rocag-marketing-communicatie  Medewerker marketing en communicatie (ROC A&G, MBO) via Esther Koster (person-esther-koster)
 *   prog-vca-expert-it             Expert IT systems and devices (VCA, MBO) via Kevin Brouwer (person-kevin-brouwer)
 *
 * Reached through SEVERAL people (disjoint warm routes):
 *   prog-au-informatiekunde        Informatiekunde (AU), 2 routes: teacher Lotte Hoekstra, programme coordinator Maarten Kuipers
 *   prog-iju-information-systems   Information Systems (IJU), 3 routes: teachers Thomas van den Berg, Emma Schouten, director Wouter Peters
 *   prog-hal-hbo-ict               HBO-ICT (HAL), 3 routes: teachers Daan Visser, Anouk Meijer, programme coordinator Rob Janssen
 *   prog-hal-commerciele-economie  Commerciële Economie (HAL), 2 routes: teacher Jeroen Bos (direct) and teacher Ingrid Vos
 *                                  (two hops: Fleur Bakker → bank account manager Erik Smit → Ingrid Vos)
 *   prog-hzs-technische-informatica Technische Informatica (HZS), 2 routes: teacher Stijn de Wit, director Carla Dijkstra
 *   prog-rocag-software-developer  Software Developer (ROC A&G), 2 routes: teachers Sander Prins, Naomi Verhoeven
 *   prog-vca-ondernemer-retail     Ondernemer retail (VCA), 2 routes: teacher Martijn Hermans, programme coordinator Yvonne Postma
 *
 * NOT reached at all (no warm route; at most cold, weak LinkedIn/website contacts):
 *   prog-au-data-science, prog-iju-communicatiewetenschap, prog-hzs-communicatie,
 *   prog-rocag-financieel-administratief, prog-vca-content-creator
 *
 * One institution reached through its DEAN and BOARD: Hogeschool Haarlemmermeer (inst-hogeschool-haarlemmermeer).
 *   Fleur Bakker knows dean Annemarie van Dam (person-annemarie-van-dam), Marieke Jansen knows board member
 *   Gerard Huisman (person-gerard-huisman); dean and board member know each other. The dean knows the directors
 *   of all three HHM programmes (prog-hhm-business-it, prog-hhm-accountancy, prog-hhm-ondernemerschap); the
 *   board member also knows the director of prog-hhm-business-it, so that programme has two disjoint routes
 *   (dean, board) and the other two hang on the dean. HHM also holds the one INSTITUTION-scope agreement.
 */
import type {
  CourseKind as GraphCourseKind,
  ProgrammeLevel as GraphProgrammeLevel,
  TieChannel as GraphTieChannel,
} from "../../server/platform/model/graph-enums.js";

export const WARM_STRENGTH = 0.5;

// The schema's values, as plain strings (the seed data is written as literals).
export type CourseKind = `${GraphCourseKind}`;
export type ProgrammeLevel = `${GraphProgrammeLevel}`;
export type TieChannel = `${GraphTieChannel}`;
export type Reach = "SINGLE_TEACHER" | "SEVERAL" | "NONE" | "DEAN_AND_BOARD";

/** The three workspace coordinators. */
export const COORDINATORS = ["Fleur Bakker", "Youssef El Amrani", "Marieke Jansen"] as const;
export type CoordinatorName = (typeof COORDINATORS)[number];

export interface CourseSeed {
  key: string;
  name: string;
  kind: CourseKind;
  studyYear: number;
  themes: readonly string[];
  /** Periods (1-based, per the institution's calendar) it runs in, each academic year. */
  periods: readonly number[];
}

/** One designed warm route into a programme. */
export interface WarmEntry {
  /** The programme person at the end of the route (a key teacher, its coordinator or director). */
  person: string;
  coordinator: CoordinatorName;
  channel: TieChannel;
  strength: number;
  since: string;
  /** A go-between outside the programme (the route then has two hops). */
  via?: string;
  note?: string;
}

export interface ProgrammeSeed {
  id: string;
  institutionId: string;
  name: string;
  level: ProgrammeLevel;
  reach: Reach;
  /** Hand-picked names of its programme coordinator and director (made up when absent). */
  coordinator?: string;
  director?: string;
  /** Teachers the design points at, with the course keys they teach. */
  keyTeachers: ReadonlyArray<{ name: string; courses: readonly string[] }>;
  entries: readonly WarmEntry[];
  /** Taught in English: its teachers' digests are in English. */
  english?: boolean;
  courses: readonly CourseSeed[];
}

const c = (key: string, name: string, kind: CourseKind, studyYear: number, themes: string[], periods: number[]): CourseSeed => ({
  key,
  name,
  kind,
  studyYear,
  themes,
  periods,
});

export const PROGRAMMES: readonly ProgrammeSeed[] = [
  // --- Amstel Universiteit (WO) ---
  {
    id: "prog-au-informatiekunde",
    institutionId: "inst-amstel-universiteit",
    name: "Informatiekunde",
    level: "BACHELOR",
    reach: "SEVERAL",
    coordinator: "Maarten Kuipers",
    keyTeachers: [{ name: "Lotte Hoekstra", courses: ["webtech", "datagedreven-ontwerp"] }],
    entries: [
      { person: "Lotte Hoekstra", coordinator: "Fleur Bakker", channel: "WARM_INTRODUCTION", strength: 0.8, since: "2025-02-11" },
      { person: "Maarten Kuipers", coordinator: "Marieke Jansen", channel: "EVENT", strength: 0.6, since: "2025-04-17" },
    ],
    courses: [
      c("webtech", "Webtechnologie", "COURSE", 1, ["web shop", "UX"], [2]),
      c("datagedreven-ontwerp", "Datagedreven ontwerp", "PROJECT", 2, ["data", "dashboards", "UX"], [3]),
      c("privacy-ethiek", "Privacy en ethiek van informatiesystemen", "COURSE", 2, ["privacy", "AI"], [1]),
      c(
        "minor-digitale-innovatie",
        "Minor Digitale innovatie in het mkb",
        "MINOR",
        3,
        ["automation", "AI", "e-commerce"],
        [1, 2],
      ),
      c("bachelorproject-ik", "Bachelorproject Informatiekunde", "GRADUATION", 3, ["data", "UX", "AI"], [3, 4]),
    ],
  },
  {
    id: "prog-au-bedrijfskunde",
    institutionId: "inst-amstel-universiteit",
    name: "Bedrijfskunde",
    level: "BACHELOR",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Pieter van Leeuwen", courses: ["consultancy-project", "marketing-analytics"] }],
    entries: [
      {
        person: "Pieter van Leeuwen",
        coordinator: "Marieke Jansen",
        channel: "WARM_INTRODUCTION",
        strength: 0.8,
        since: "2025-01-21",
      },
    ],
    courses: [
      c("digitale-strategie", "Digitale strategie", "COURSE", 2, ["e-commerce", "marketing"], [2]),
      c("consultancy-project", "Consultancy project", "PROJECT", 3, ["automation", "bookkeeping", "data"], [3]),
      c("marketing-analytics", "Marketing analytics", "COURSE", 2, ["marketing", "data", "dashboards"], [4]),
      c("scriptie-bk", "Bachelorscriptie Bedrijfskunde", "GRADUATION", 3, ["e-commerce", "marketing"], [3, 4]),
    ],
  },
  {
    id: "prog-au-data-science",
    institutionId: "inst-amstel-universiteit",
    name: "Data Science",
    level: "MASTER",
    reach: "NONE",
    english: true,
    keyTeachers: [],
    entries: [],
    courses: [
      c("ml-praktijk", "Machine learning in de praktijk", "COURSE", 1, ["AI", "data"], [1]),
      c("data-engineering", "Data engineering", "COURSE", 1, ["data", "automation"], [2]),
      c("responsible-ai", "Responsible AI", "COURSE", 1, ["AI", "privacy"], [3]),
      c("masterstage-ds", "Masterstage Data Science", "INTERNSHIP", 1, ["data", "AI", "dashboards"], [3, 4]),
    ],
  },
  // --- IJ-Universiteit Amsterdam (WO) ---
  {
    id: "prog-iju-business-analytics",
    institutionId: "inst-ij-universiteit",
    name: "Business Analytics",
    level: "BACHELOR",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Sophie Willems", courses: ["dashboarding", "procesautomatisering"] }],
    entries: [{ person: "Sophie Willems", coordinator: "Fleur Bakker", channel: "SPRINT", strength: 0.9, since: "2025-03-06" }],
    courses: [
      c("databases-sql", "Databases en SQL", "COURSE", 1, ["data"], [1]),
      c("dashboarding", "Dashboarding en rapportage", "PROJECT", 2, ["dashboards", "data", "bookkeeping"], [2]),
      c("procesautomatisering", "Procesautomatisering met Python", "COURSE", 2, ["automation", "data"], [3]),
      c("afstudeerproject-ba", "Afstudeerproject Business Analytics", "GRADUATION", 3, ["data", "AI", "dashboards"], [4]),
    ],
  },
  {
    id: "prog-iju-communicatiewetenschap",
    institutionId: "inst-ij-universiteit",
    name: "Communicatiewetenschap",
    level: "BACHELOR",
    reach: "NONE",
    keyTeachers: [],
    entries: [],
    courses: [
      c("digitale-media", "Digitale media en samenleving", "COURSE", 1, ["social media"], [1]),
      c("onderzoekspracticum", "Onderzoekspracticum online marketing", "PROJECT", 2, ["marketing", "social media", "data"], [3]),
      c("minor-strategische-communicatie", "Minor Strategische communicatie", "MINOR", 3, ["marketing", "social media"], [1, 2]),
      c("thesis-cw", "Bachelorthesis Communicatiewetenschap", "GRADUATION", 3, ["marketing"], [4]),
    ],
  },
  {
    id: "prog-iju-information-systems",
    institutionId: "inst-ij-universiteit",
    name: "Information Systems",
    level: "MASTER",
    reach: "SEVERAL",
    english: true,
    director: "Wouter Peters",
    keyTeachers: [
      { name: "Thomas van den Berg", courses: ["digital-business-models", "automation-lab"] },
      { name: "Emma Schouten", courses: ["cybersecurity-management", "thesis-is"] },
    ],
    entries: [
      { person: "Thomas van den Berg", coordinator: "Fleur Bakker", channel: "SPRINT", strength: 0.85, since: "2025-03-20" },
      { person: "Emma Schouten", coordinator: "Youssef El Amrani", channel: "LINKEDIN", strength: 0.55, since: "2025-06-02" },
      {
        person: "Wouter Peters",
        coordinator: "Marieke Jansen",
        channel: "WARM_INTRODUCTION",
        strength: 0.7,
        since: "2025-05-13",
      },
    ],
    courses: [
      c("digital-business-models", "Digital Business Models", "COURSE", 1, ["e-commerce", "web shop"], [1]),
      c("cybersecurity-management", "Cybersecurity Management", "COURSE", 1, ["cybersecurity", "privacy"], [2]),
      c("automation-lab", "Enterprise Automation Lab", "PROJECT", 1, ["automation", "AI"], [3]),
      c("thesis-is", "Master Thesis Information Systems", "GRADUATION", 1, ["AI", "data", "cybersecurity"], [3, 4]),
    ],
  },
  // --- Hogeschool Amstelland (HBO) ---
  {
    id: "prog-hal-hbo-ict",
    institutionId: "inst-hogeschool-amstelland",
    name: "HBO-ICT",
    level: "BACHELOR",
    reach: "SEVERAL",
    coordinator: "Rob Janssen",
    keyTeachers: [
      { name: "Daan Visser", courses: ["webdevelopment", "stage-ict"] },
      { name: "Anouk Meijer", courses: ["mobile-development", "minor-data-ai"] },
    ],
    entries: [
      { person: "Daan Visser", coordinator: "Fleur Bakker", channel: "SPRINT", strength: 0.9, since: "2025-01-14" },
      { person: "Anouk Meijer", coordinator: "Youssef El Amrani", channel: "EVENT", strength: 0.7, since: "2025-03-27" },
      { person: "Rob Janssen", coordinator: "Marieke Jansen", channel: "WARM_INTRODUCTION", strength: 0.65, since: "2025-05-08" },
    ],
    courses: [
      c("webdevelopment", "Webdevelopment", "COURSE", 1, ["web shop", "UX"], [1]),
      c("mobile-development", "Project Mobile Development", "PROJECT", 2, ["app development", "UX"], [2]),
      c("security-praktijk", "Security in de praktijk", "COURSE", 2, ["cybersecurity", "privacy"], [3]),
      c("minor-data-ai", "Minor Data & AI", "MINOR", 3, ["AI", "data", "dashboards"], [1, 2]),
      c("stage-ict", "Stage HBO-ICT", "INTERNSHIP", 3, ["web shop", "app development", "automation"], [3, 4]),
      c("afstuderen-ict", "Afstudeeropdracht HBO-ICT", "GRADUATION", 4, ["automation", "data", "cybersecurity"], [3, 4]),
    ],
  },
  {
    id: "prog-hal-commerciele-economie",
    institutionId: "inst-hogeschool-amstelland",
    name: "Commerciële Economie",
    level: "BACHELOR",
    reach: "SEVERAL",
    keyTeachers: [
      { name: "Jeroen Bos", courses: ["ecommerce-project", "online-marketing"] },
      { name: "Ingrid Vos", courses: ["marketingplan"] },
    ],
    entries: [
      { person: "Jeroen Bos", coordinator: "Marieke Jansen", channel: "SPRINT", strength: 0.8, since: "2025-02-25" },
      {
        person: "Ingrid Vos",
        coordinator: "Fleur Bakker",
        via: "Erik Smit",
        channel: "OTHER",
        strength: 0.7,
        since: "2023-10-05",
        note: "Kennen elkaar van de ondernemersvereniging in Amsterdam-Oost",
      },
    ],
    courses: [
      c("online-marketing", "Online marketing", "COURSE", 1, ["marketing", "social media"], [2]),
      c("ecommerce-project", "E-commerce project", "PROJECT", 2, ["e-commerce", "web shop"], [3]),
      c("marketingplan", "Marketingplan voor een mkb-klant", "PROJECT", 3, ["marketing", "social media", "data"], [1]),
      c("afstuderen-ce", "Afstuderen Commerciële Economie", "GRADUATION", 4, ["marketing", "e-commerce"], [3, 4]),
    ],
  },
  {
    id: "prog-hal-cmd",
    institutionId: "inst-hogeschool-amstelland",
    name: "Communication & Multimedia Design",
    level: "BACHELOR",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Joost Hendriks", courses: ["design-sprint", "social-media-design"] }],
    entries: [
      { person: "Joost Hendriks", coordinator: "Youssef El Amrani", channel: "EVENT", strength: 0.7, since: "2025-02-06" },
    ],
    courses: [
      c("ux-research", "UX Research", "COURSE", 1, ["UX"], [1]),
      c("design-sprint", "Design Sprint", "PROJECT", 2, ["UX", "web shop", "app development"], [2]),
      c("social-media-design", "Social Media Design", "COURSE", 2, ["social media", "marketing"], [4]),
      c("stage-cmd", "Stage CMD", "INTERNSHIP", 3, ["UX", "social media"], [3, 4]),
    ],
  },
  {
    id: "prog-hal-ad-ecommerce",
    institutionId: "inst-hogeschool-amstelland",
    name: "Associate degree E-commerce",
    level: "ASSOCIATE_DEGREE",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Ilse de Groot", courses: ["webshopbeheer", "praktijkopdracht-ecommerce"] }],
    entries: [{ person: "Ilse de Groot", coordinator: "Fleur Bakker", channel: "LINKEDIN", strength: 0.6, since: "2025-04-02" }],
    courses: [
      c("webshopbeheer", "Webshopbeheer", "COURSE", 1, ["web shop", "e-commerce"], [1]),
      c("digitale-marketing", "Digitale marketing", "COURSE", 1, ["marketing", "social media"], [3]),
      c("praktijkopdracht-ecommerce", "Praktijkopdracht E-commerce", "PROJECT", 2, ["e-commerce", "web shop", "data"], [2]),
      c("werkplekleren-ecommerce", "Werkplekleren AD E-commerce", "INTERNSHIP", 2, ["e-commerce"], [3, 4]),
    ],
  },
  // --- Hogeschool Haarlemmermeer (HBO): reached through its dean and board ---
  {
    id: "prog-hhm-business-it",
    institutionId: "inst-hogeschool-haarlemmermeer",
    name: "Business IT & Management",
    level: "BACHELOR",
    reach: "DEAN_AND_BOARD",
    keyTeachers: [],
    entries: [],
    courses: [
      c("bedrijfsprocessen-erp", "Bedrijfsprocessen en ERP", "COURSE", 1, ["automation", "bookkeeping"], [1]),
      c("data-driven-business", "Data-driven business", "PROJECT", 2, ["data", "dashboards"], [2]),
      c("it-audit", "IT-audit en informatiebeveiliging", "COURSE", 3, ["cybersecurity", "privacy"], [3]),
      c("afstuderen-bim", "Afstuderen Business IT & Management", "GRADUATION", 4, ["automation", "data"], [3, 4]),
    ],
  },
  {
    id: "prog-hhm-accountancy",
    institutionId: "inst-hogeschool-haarlemmermeer",
    name: "Accountancy",
    level: "BACHELOR",
    reach: "DEAN_AND_BOARD",
    keyTeachers: [],
    entries: [],
    courses: [
      c("digitale-boekhouding", "Digitale boekhouding", "COURSE", 1, ["bookkeeping", "automation"], [2]),
      c("data-analyse-accountants", "Data-analyse voor accountants", "COURSE", 2, ["data", "dashboards", "bookkeeping"], [3]),
      c(
        "administratieve-automatisering",
        "Praktijkproject administratieve automatisering",
        "PROJECT",
        3,
        ["bookkeeping", "automation"],
        [1],
      ),
      c("stage-accountancy", "Stage Accountancy", "INTERNSHIP", 3, ["bookkeeping"], [3, 4]),
    ],
  },
  {
    id: "prog-hhm-ondernemerschap",
    institutionId: "inst-hogeschool-haarlemmermeer",
    name: "Ondernemerschap & Retail Management",
    level: "BACHELOR",
    reach: "DEAN_AND_BOARD",
    keyTeachers: [],
    entries: [],
    courses: [
      c("retailmarketing", "Retailmarketing", "COURSE", 1, ["marketing", "social media"], [1]),
      c("omnichannel-retail", "Omnichannel retail", "PROJECT", 2, ["e-commerce", "web shop"], [2]),
      c("minor-ondernemen-regio", "Minor Ondernemen in de regio", "MINOR", 3, ["marketing", "e-commerce", "data"], [3, 4]),
      c("afstuderen-orm", "Afstuderen Ondernemerschap & Retail Management", "GRADUATION", 4, ["e-commerce", "marketing"], [3, 4]),
    ],
  },
  // --- Hogeschool Zaanstreek (HBO) ---
  {
    id: "prog-hzs-technische-informatica",
    institutionId: "inst-hogeschool-zaanstreek",
    name: "Technische Informatica",
    level: "BACHELOR",
    reach: "SEVERAL",
    director: "Carla Dijkstra",
    keyTeachers: [{ name: "Stijn de Wit", courses: ["appontwikkeling", "embedded-iot"] }],
    entries: [
      { person: "Stijn de Wit", coordinator: "Youssef El Amrani", channel: "SPRINT", strength: 0.75, since: "2025-02-18" },
      { person: "Carla Dijkstra", coordinator: "Fleur Bakker", channel: "EVENT", strength: 0.6, since: "2025-06-12" },
    ],
    courses: [
      c("embedded-iot", "Embedded systems en IoT", "COURSE", 2, ["automation", "data"], [1]),
      c("appontwikkeling", "Appontwikkeling", "PROJECT", 2, ["app development", "UX"], [2]),
      c("netwerkbeveiliging", "Netwerk- en applicatiebeveiliging", "COURSE", 3, ["cybersecurity"], [3]),
      c(
        "afstudeerstage-ti",
        "Afstudeerstage Technische Informatica",
        "GRADUATION",
        4,
        ["automation", "app development", "AI"],
        [3, 4],
      ),
    ],
  },
  {
    id: "prog-hzs-logistiek",
    institutionId: "inst-hogeschool-zaanstreek",
    name: "Logistiek Management",
    level: "BACHELOR",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Bram Vermeulen", courses: ["warehouse-automatisering", "supply-chain-analytics"] }],
    entries: [
      {
        person: "Bram Vermeulen",
        coordinator: "Youssef El Amrani",
        channel: "WARM_INTRODUCTION",
        strength: 0.75,
        since: "2025-03-11",
      },
    ],
    courses: [
      c("supply-chain-analytics", "Supply chain analytics", "COURSE", 2, ["data", "dashboards"], [2]),
      c("warehouse-automatisering", "Warehouse automatisering", "PROJECT", 2, ["automation"], [3]),
      c("stage-logistiek", "Stage Logistiek", "INTERNSHIP", 3, ["automation", "data"], [1, 2]),
      c("afstuderen-logistiek", "Afstuderen Logistiek Management", "GRADUATION", 4, ["data", "automation"], [3, 4]),
    ],
  },
  {
    id: "prog-hzs-communicatie",
    institutionId: "inst-hogeschool-zaanstreek",
    name: "Communicatie",
    level: "BACHELOR",
    reach: "NONE",
    keyTeachers: [],
    entries: [],
    courses: [
      c("contentstrategie", "Contentstrategie", "COURSE", 1, ["social media", "marketing"], [1]),
      c("campagneproject", "Campagneproject", "PROJECT", 2, ["marketing", "social media"], [3]),
      c("stage-communicatie", "Stage Communicatie", "INTERNSHIP", 3, ["social media"], [3, 4]),
      c("afstuderen-communicatie", "Afstuderen Communicatie", "GRADUATION", 4, ["marketing"], [3, 4]),
    ],
  },
  // --- ROC Amstel & Gooi (MBO, two semesters) ---
  {
    id: "prog-rocag-software-developer",
    institutionId: "inst-roc-amstel-gooi",
    name: "Software Developer",
    level: "MBO_4",
    reach: "SEVERAL",
    keyTeachers: [
      { name: "Sander Prins", courses: ["websites-bouwen", "app-voor-ondernemer"] },
      { name: "Naomi Verhoeven", courses: ["databases-koppelingen", "bpv-software"] },
    ],
    entries: [
      { person: "Sander Prins", coordinator: "Marieke Jansen", channel: "SPRINT", strength: 0.85, since: "2025-01-28" },
      {
        person: "Naomi Verhoeven",
        coordinator: "Youssef El Amrani",
        channel: "WARM_INTRODUCTION",
        strength: 0.6,
        since: "2025-05-20",
      },
    ],
    courses: [
      c("websites-bouwen", "Websites bouwen", "COURSE", 1, ["web shop", "UX"], [1]),
      c("app-voor-ondernemer", "Praktijkproject app voor een ondernemer", "PROJECT", 2, ["app development"], [2]),
      c("databases-koppelingen", "Databases en koppelingen", "COURSE", 2, ["data", "automation"], [1]),
      c("bpv-software", "BPV Software Developer", "INTERNSHIP", 3, ["web shop", "app development", "automation"], [2]),
    ],
  },
  {
    id: "prog-rocag-marketing-communicatie",
    institutionId: "inst-roc-amstel-gooi",
    name: "Medewerker marketing en communicatie",
    level: "MBO_4",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Esther Koster", courses: ["social-media-beheer", "foto-video"] }],
    entries: [{ person: "Esther Koster", coordinator: "Marieke Jansen", channel: "SPRINT", strength: 0.85, since: "2025-02-04" }],
    courses: [
      c("social-media-beheer", "Social media beheer", "COURSE", 1, ["social media"], [1]),
      c("foto-video", "Fotografie en video voor online", "PROJECT", 2, ["social media", "marketing"], [2]),
      c("online-campagnes", "Online campagnes", "COURSE", 2, ["marketing", "social media", "data"], [1]),
      c("bpv-marketing", "BPV Marketing en communicatie", "INTERNSHIP", 3, ["marketing", "social media"], [2]),
    ],
  },
  {
    id: "prog-rocag-financieel-administratief",
    institutionId: "inst-roc-amstel-gooi",
    name: "Financieel administratief medewerker",
    level: "MBO_3",
    reach: "NONE",
    keyTeachers: [],
    entries: [],
    courses: [
      c("boekhouden-cloud", "Boekhouden in de cloud", "COURSE", 1, ["bookkeeping"], [1]),
      c("digitale-administratie", "Digitale administratie op orde", "PROJECT", 2, ["bookkeeping", "automation"], [2]),
      c("bpv-financieel", "BPV Financiële administratie", "INTERNSHIP", 2, ["bookkeeping"], [2]),
      c("proeve-fa", "Proeve van bekwaamheid Financieel administratief", "GRADUATION", 2, ["bookkeeping"], [2]),
    ],
  },
  // --- Vakcollege Almere (MBO, four periods) ---
  {
    id: "prog-vca-expert-it",
    institutionId: "inst-vakcollege-almere",
    name: "Expert IT systems and devices",
    level: "MBO_4",
    reach: "SINGLE_TEACHER",
    keyTeachers: [{ name: "Kevin Brouwer", courses: ["it-werkplek-mkb", "cloud-backup"] }],
    entries: [
      { person: "Kevin Brouwer", coordinator: "Youssef El Amrani", channel: "EVENT", strength: 0.65, since: "2025-04-24" },
    ],
    courses: [
      c("netwerkbeheer", "Netwerkbeheer", "COURSE", 1, ["cybersecurity"], [1]),
      c("it-werkplek-mkb", "IT-werkplek voor het mkb", "PROJECT", 2, ["cybersecurity", "automation"], [2]),
      c("cloud-backup", "Cloud en back-up", "COURSE", 2, ["cybersecurity", "privacy"], [3]),
      c("bpv-expert-it", "BPV Expert IT", "INTERNSHIP", 3, ["cybersecurity", "automation"], [3, 4]),
    ],
  },
  {
    id: "prog-vca-ondernemer-retail",
    institutionId: "inst-vakcollege-almere",
    name: "Ondernemer retail",
    level: "MBO_4",
    reach: "SEVERAL",
    coordinator: "Yvonne Postma",
    keyTeachers: [{ name: "Martijn Hermans", courses: ["webwinkelproject", "winkelpresentatie-online"] }],
    entries: [
      { person: "Martijn Hermans", coordinator: "Fleur Bakker", channel: "EVENT", strength: 0.7, since: "2025-03-19" },
      {
        person: "Yvonne Postma",
        coordinator: "Marieke Jansen",
        channel: "WARM_INTRODUCTION",
        strength: 0.65,
        since: "2025-06-24",
      },
    ],
    courses: [
      c("winkelpresentatie-online", "Winkelpresentatie online", "COURSE", 1, ["web shop", "marketing"], [1]),
      c("webwinkelproject", "Webwinkelproject", "PROJECT", 2, ["web shop", "e-commerce"], [2]),
      c("ondernemingsplan", "Ondernemingsplan", "PROJECT", 3, ["bookkeeping", "marketing"], [3]),
      c("bpv-retail", "BPV Retail", "INTERNSHIP", 2, ["e-commerce", "social media"], [4]),
    ],
  },
  {
    id: "prog-vca-content-creator",
    institutionId: "inst-vakcollege-almere",
    name: "Content creator",
    level: "MBO_4",
    reach: "NONE",
    keyTeachers: [],
    entries: [],
    courses: [
      c("beeld-geluid", "Beeld en geluid", "COURSE", 1, ["social media"], [1]),
      c("vloggen-storytelling", "Vloggen en storytelling", "PROJECT", 2, ["social media", "marketing"], [2]),
      c("contentplanning", "Contentplanning", "COURSE", 2, ["marketing", "social media"], [3]),
      c("bpv-content", "BPV Content creator", "INTERNSHIP", 3, ["social media", "marketing"], [4]),
    ],
  },
];

/** The institution reached through its dean and board, and how. */
export const DEAN_AND_BOARD = {
  institutionId: "inst-hogeschool-haarlemmermeer",
  dean: { person: "Annemarie van Dam", coordinator: "Fleur Bakker", channel: "EVENT", strength: 0.8, since: "2025-05-22" },
  board: {
    person: "Gerard Huisman",
    coordinator: "Marieke Jansen",
    channel: "WARM_INTRODUCTION",
    strength: 0.7,
    since: "2025-09-16",
  },
  /** The one programme whose director the board member knows directly. */
  boardKnowsDirectorOf: "prog-hhm-business-it",
} as const;

export function courseId(institutionKey: string, courseKey: string): string {
  return `course-${institutionKey}-${courseKey}`;
}
