/** The intake form's values as typed (strings; the form keeps no parsed state). */
export interface IntakeFormValues {
  smeName: string;
  kvkNumber: string;
  city: string;
  sector: string;
  size: "" | "MICRO" | "SMALL" | "MEDIUM";
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactJobTitle: string;
  partnerId: string;
  title: string;
  question: string;
  topics: string;
  wantedLevels: Array<"WO" | "HBO" | "MBO">;
  effort: "" | "SMALL" | "SPRINT" | "SEMESTER";
  earliestStart: string;
  deadline: string;
  coordinator: string;
}

export const emptyIntake: IntakeFormValues = {
  smeName: "",
  kvkNumber: "",
  city: "",
  sector: "",
  size: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  contactJobTitle: "",
  partnerId: "",
  title: "",
  question: "",
  topics: "",
  wantedLevels: [],
  effort: "",
  earliestStart: "",
  deadline: "",
  coordinator: "",
};

/** Field name → locale key of the message shown under that field. */
export type IntakeErrors = Partial<Record<keyof IntakeFormValues, string>>;

/** The API's field paths (extensions.field) → the form's fields. */
export const serverFieldToFormField: Record<string, keyof IntakeFormValues> = {
  "sme.name": "smeName",
  "sme.kvkNumber": "kvkNumber",
  "sme.city": "city",
  "contact.name": "contactName",
  "contact.email": "contactEmail",
  partner: "partnerId",
  title: "title",
  wantedLevels: "wantedLevels",
  earliestStart: "earliestStart",
  deadline: "deadline",
  coordinator: "coordinator",
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The same checks the server makes, run before sending so every problem shows at once next to its
 * field (the server reports only the first). The server stays the judge: its answer is shown too.
 */
export function validateIntakeForm(v: IntakeFormValues): IntakeErrors {
  const errors: IntakeErrors = {};
  // In the order of the form, so the first problem is the first one the eye (and focus) meets.
  if (!v.title.trim()) errors.title = "intake.errors.titleRequired";
  if (v.wantedLevels.length === 0) errors.wantedLevels = "intake.errors.levelsRequired";
  if (v.earliestStart && v.deadline && v.deadline < v.earliestStart) errors.deadline = "intake.errors.deadlineBeforeStart";
  if (!v.smeName.trim()) errors.smeName = "intake.errors.smeNameRequired";
  const kvk = v.kvkNumber.replace(/[\s.]/g, "");
  if (kvk && !/^\d{8}$/.test(kvk)) errors.kvkNumber = "intake.errors.kvkDigits";
  const anyContact = [v.contactEmail, v.contactPhone, v.contactJobTitle].some((s) => s.trim());
  if (anyContact && !v.contactName.trim()) errors.contactName = "intake.errors.contactNameRequired";
  if (v.contactEmail.trim() && !emailPattern.test(v.contactEmail.trim())) errors.contactEmail = "intake.errors.email";
  return errors;
}

/** Topics typed as a comma-separated list, trimmed, without empties or repeats. */
export function parseTopics(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const raw of text.split(",")) {
    const topic = raw.trim();
    if (topic && !seen.has(topic.toLowerCase())) {
      seen.add(topic.toLowerCase());
      topics.push(topic);
    }
  }
  return topics;
}
