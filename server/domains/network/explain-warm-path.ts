import type { NetworkRoleKind, PathPerson, PathRole, PathTie } from "./WarmPathTypes.js";

export type Lang = "en" | "nl";

/** Role names as coordinators say them, in both languages. */
export const roleLabels: Record<NetworkRoleKind, Record<Lang, string>> = {
  TEACHER: { en: "teacher", nl: "docent" },
  PROGRAMME_COORDINATOR: { en: "programme coordinator", nl: "opleidingscoördinator" },
  DIRECTOR: { en: "director", nl: "opleidingsdirecteur" },
  DEAN: { en: "dean", nl: "decaan" },
  BOARD_MEMBER: { en: "board member", nl: "bestuurslid" },
  WORKSPACE_COORDINATOR: { en: "coordinator", nl: "coördinator" },
  PARTNER_CONTACT: { en: "partner contact", nl: "contactpersoon partner" },
};

/** How a tie arose, as the tail of "Sanne knows Bram …". */
const channelPhrases: Record<string, Record<Lang, string>> = {
  COLLEAGUE: { en: "as a colleague", nl: "als collega" },
  WARM_INTRODUCTION: { en: "through an introduction", nl: "via een introductie" },
  EVENT: { en: "from an event", nl: "van een evenement" },
  WEBSITE: { en: "through the website", nl: "via de website" },
  LINKEDIN: { en: "through LinkedIn", nl: "via LinkedIn" },
  SPRINT: { en: "from a sprint", nl: "van een sprint" },
  OTHER: { en: "", nl: "" },
};

export interface ExplainedStep {
  person: Pick<PathPerson, "name" | "roles">;
  /** The tie from the previous step's person to this one; null on the first step. */
  tie: PathTie | null;
}

/** "Bram de Wit (teacher, Data Science, HvA)": the full name with the first-named role. */
export function describePerson(person: Pick<PathPerson, "name" | "roles">, lang: Lang): string {
  const role: PathRole | undefined = person.roles[0];
  if (!role) return person.name;
  const label = roleLabels[role.kind][lang];
  return role.organisation ? `${person.name} (${label}, ${role.organisation})` : `${person.name} (${label})`;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function tieTail(tie: PathTie, lang: Lang): string {
  const parts: string[] = [];
  // A warm introduction names its introducer instead of the channel ("introduced by Anna Kok").
  const introducer = tie.introducedBy?.name;
  const channel = introducer
    ? `${lang === "en" ? ", introduced by" : ", geïntroduceerd door"} ${introducer}`
    : tie.channel
      ? channelPhrases[tie.channel]?.[lang]
      : "";
  if (channel) parts.push(channel);
  const year = tie.since?.slice(0, 4);
  if (year) parts.push(lang === "en" ? `since ${year}` : `sinds ${year}`);
  if (parts.length === 0) return "";
  const tail = parts.join(" ");
  return tail.startsWith(",") ? tail : ` ${tail}`;
}

/**
 * One sentence a coordinator can read out: "Sanne knows Bram de Wit (teacher, Data Science, HvA)
 * as a colleague since 2021; Bram knows Eva Jansen (dean, HvA), introduced by Anna Kok since 2024."
 * A tie a warm introduction started names the introducer in place of its channel.
 */
export function explainWarmPath(steps: readonly ExplainedStep[], lang: Lang): string {
  const verb = lang === "en" ? "knows" : "kent";
  const clauses: string[] = [];
  for (let i = 1; i < steps.length; i++) {
    const from = steps[i - 1]!;
    const to = steps[i]!;
    const tail = to.tie ? tieTail(to.tie, lang) : "";
    clauses.push(`${firstName(from.person.name)} ${verb} ${describePerson(to.person, lang)}${tail}`);
  }
  return clauses.length > 0 ? `${clauses.join("; ")}.` : "";
}
