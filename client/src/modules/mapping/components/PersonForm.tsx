import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { createPersonMutation, similarPeopleQuery, updatePersonMutation } from "../graphql/mappingMutations";
import { connectIds, sameName, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

type RoleKind = "TEACHER" | "COORDINATOR" | "DIRECTOR" | "DEAN" | "BOARD";
/** Each role is a relationship field of Person (schema/graph.graphql). */
const roleField = {
  TEACHER: "teaches",
  COORDINATOR: "coordinates",
  DIRECTOR: "directs",
  DEAN: "deanOf",
  BOARD: "boardMemberOf",
} as const satisfies Record<RoleKind, string>;
const fields = ["name", "jobTitle", "email", "phone"] as const;

export interface RoleTargets {
  courseId?: string;
  courseName?: string;
  programmeId?: string;
  institutionId: string;
}

/** The longest word of a name: what the duplicate check searches on (the API matches case-sensitively). */
function searchWord(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), "");
}

/**
 * Adds a person with a role (teacher of a course; coordinator or director of a programme; dean or
 * board member of the institution) through createPeople, or gives the role to someone already in
 * the graph (updatePeople, connect). A person of the same name already at this institution — or
 * anywhere — is shown before saving, with the choice to use them instead of making a second one.
 */
export function PersonFormButton({ roleTargets, onDone }: { roleTargets: RoleTargets; onDone?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const roles: RoleKind[] = roleTargets.courseId ? ["TEACHER"] : ["COORDINATOR", "DIRECTOR", "DEAN", "BOARD"];
  const [v, setV] = useState({ role: roles[0] as RoleKind, name: "", jobTitle: "", email: "", phone: "" });
  const [tried, setTried] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const word = searchWord(v.name);
  const lower = word.toLowerCase();
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
  const [similar] = useQuery({
    query: similarPeopleQuery,
    variables: { word, lower, capital },
    pause: !open || word.length < 3,
  });
  const [created, create] = useMutation(createPersonMutation);
  const [linked, link] = useMutation(updatePersonMutation);
  const server = serverErrors(created.error ?? linked.error, t, fields);
  const errors: Record<string, string | undefined> = {
    name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined,
    email: v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) ? t("intake.errors.email") : undefined,
  };
  const target = (role: RoleKind) =>
    role === "TEACHER"
      ? roleTargets.courseId
      : role === "DEAN" || role === "BOARD"
        ? roleTargets.institutionId
        : roleTargets.programmeId;
  const namesakes = (similar.data?.people ?? [])
    .filter((p) => sameName(p.name, v.name))
    .map((p) => {
      const places = [
        ...p.teaches.flatMap((c) => c.programme.flatMap((g) => g.institution)),
        ...p.coordinates.flatMap((g) => g.institution),
        ...p.directs.flatMap((g) => g.institution),
        ...p.deanOf,
        ...p.boardMemberOf,
      ];
      const unique = places.filter((x, i) => places.findIndex((y) => y.id === x.id) === i);
      return { ...p, places: unique, here: unique.some((x) => x.id === roleTargets.institutionId) };
    })
    .sort((a, b) => Number(b.here) - Number(a.here));

  function finish() {
    setOpen(false);
    setTried(false);
    setConfirmed(false);
    setV({ role: roles[0] as RoleKind, name: "", jobTitle: "", email: "", phone: "" });
    onDone?.();
  }

  async function connectExisting(personId: string) {
    const id = target(v.role);
    if (!id) return;
    const answer = await link({ id: personId, update: { [roleField[v.role]]: [connectIds([id])] } });
    if (answer.data) finish();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    if (namesakes.length > 0 && !confirmed) {
      setConfirmed(true);
      return;
    }
    const id = target(v.role);
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    const answer = await create({
      input: {
        name: v.name.trim(),
        jobTitle: orNull(v.jobTitle),
        email: orNull(v.email),
        phone: orNull(v.phone),
        ...(id ? { [roleField[v.role]]: connectIds([id]) } : {}),
      },
    });
    if (answer.data) finish();
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  const title = roleTargets.courseName
    ? t("mapping.person.addTeacher", { course: roleTargets.courseName })
    : t("mapping.person.add");
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={roleTargets.courseId ? "link-button" : undefined}>
        {title}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {roles.length > 1 ? (
            <FormField label={t("mapping.fields.role")} required>
              <select value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as RoleKind })}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`people.roleKind.${r}`)}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
          <FormField label={t("mapping.fields.personName")} required error={show("name")}>
            <input
              value={v.name}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => {
                setV({ ...v, name: e.target.value });
                setConfirmed(false);
              }}
            />
          </FormField>
          {namesakes.length > 0 ? (
            <div className="notice warning" role="status" data-testid="duplicate-warning">
              <p>{t("mapping.duplicate.person", { name: v.name.trim() })}</p>
              <ul className="plain-list">
                {namesakes.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>
                    {p.jobTitle ? ` · ${p.jobTitle}` : ""}
                    {p.places.length > 0 ? ` · ${p.places.map((x) => x.name).join(", ")}` : ""}
                    {p.here ? <span className="badge warning"> {t("mapping.duplicate.here")}</span> : null}{" "}
                    <button type="button" className="link-button" onClick={() => void connectExisting(p.id)}>
                      {t("mapping.duplicate.useExisting")}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <FormField label={t("mapping.fields.jobTitle")} error={show("jobTitle")}>
            <input value={v.jobTitle} maxLength={200} onChange={(e) => setV({ ...v, jobTitle: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.email")} error={show("email")}>
            <input type="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.phone")} error={show("phone")}>
            <input type="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={created.fetching || linked.fetching}>
              {namesakes.length > 0 && confirmed ? t("mapping.saveAnyway") : t("common.save")}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
