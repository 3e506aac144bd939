import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerLinkKey } from "../../server/platform/mail/mail-services.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { verifyAnswerLink } from "../../server/domains/proposals/answer-links.js";
import { signAnswerLink } from "../../server/domains/proposals/answer-links.js";
import { CURRENT_CONSENT } from "../../server/domains/case-workflow/consent-texts.js";
import { Language, ProposalAnswer } from "../../server/platform/model/graph-enums.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { alterSignature } from "../helpers/tokens.js";

/**
 * The public question form (issue #18 part 1) through the real endpoint, as an anonymous caller: what a submission
 * writes (an INTAKE case by the intake rules, self-submitted, with its consent), the limits per address (behind
 * TRUST_PROXY, each test from an address of its own), the honeypot and the minimum fill time, plain text only,
 * and the status link (never an answer link). The graph is shared (ownScope): every SME here has a KvK number of
 * this file's own, every e-mail address its prefix, and afterAll removes what the submissions made.
 */
let db: Database;
let scope: OwnScope;
/** Anonymous, no minimum fill time, proxies on loopback believed (X-Forwarded-For is the client's address). */
let fast: TestServer;
/** Anonymous, the default minimum fill time (3 s). */
let patient: TestServer;
const SECRET = "public-form-test-secret-of-at-least-32-characters";
const env = { TRUST_PROXY: "loopback", ANSWER_LINK_SECRET: SECRET };
const kvks: string[] = [];
let addressCounter = 0;

const FORM = `query { questionForm { formToken minFillSeconds consent { version nl en } partners { id name } } }`;
const SUBMIT = `mutation($input: QuestionSubmissionInput!) { submitQuestion(input: $input) { received reference confirmationSent } }`;
const STATUS = `query($token: String!) { caseStatusByLink(token: $token) { title status since received language } }`;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A fresh client address (TEST-NET-3, 203.0.113.0/24), so each test has the limits to itself. */
function newAddress(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}

async function post(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  address: string,
): Promise<GraphQLBody> {
  const response = await fetch(`${server.http.url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

function newKvk(): string {
  const kvk = String(randomInt(10_000_000, 99_999_999));
  kvks.push(kvk);
  return kvk;
}

async function formToken(server: TestServer, address: string): Promise<string> {
  const body = await post(server, FORM, {}, address);
  expect(body.errors).toBeUndefined();
  return (body.data?.questionForm as { formToken: string }).formToken;
}

async function submission(
  server: TestServer,
  address: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    smeName: "Fietsenmaker Spaak",
    kvkNumber: newKvk(),
    city: "Zaandam",
    contactName: "Anja Spaak",
    email: `${scope.prefix}anja@spaak.test`,
    phone: "+31 6 1234 5678",
    question: "We willen onze reparaties online laten plannen en de klant automatisch laten weten wanneer de fiets klaar is.",
    topics: ["webshop", `${scope.prefix}fietsplanner`],
    earliestStart: "2027-02-01",
    deadline: "2027-06-30",
    heardOf: "Via mijn accountmanager bij de bank",
    language: "NL",
    consent: true,
    consentVersion: CURRENT_CONSENT.version,
    formToken: await formToken(server, address),
    website: "",
    ...overrides,
  };
}

async function submit(server: TestServer, input: Record<string, unknown>, address: string): Promise<GraphQLBody> {
  return post(server, SUBMIT, { input }, address);
}

async function caseOfKvk(kvk: string): Promise<Record<string, unknown>[]> {
  return db.read(
    `MATCH (s:Sme {kvkNumber: $kvk})-[:ASKED]->(k:Case)
     OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent)
     OPTIONAL MATCH (p:Person {id: e.by})
     RETURN s.id AS smeId, s.name AS smeName, k.id AS id, k.status AS status, k.title AS title, k.question AS question,
            k.selfSubmitted AS selfSubmitted, k.consentVersion AS consentVersion, k.consentText AS consentText,
            toString(k.consentAt) AS consentAt, k.heardOf AS heardOf, k.wantedLevels AS wantedLevels, k.topics AS topics,
            e.note AS note, p.name AS byName, COUNT { (k)-[:HANDLED_BY]->() } AS coordinators,
            COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN t.status } AS topicStatuses
     ORDER BY k.created`,
    { kvk },
  );
}

async function statusLinkOf(kvk: string): Promise<string> {
  const rows = await db.read(
    `MATCH (s:Sme {kvkNumber: $kvk})<-[:CONTACT_FOR]-(p:Person)<-[:TO_PERSON]-(m:MailMessage {kind: 'QUESTION_RECEIVED'})
     RETURN m.text AS text, m.status AS status ORDER BY m.createdAt DESC LIMIT 1`,
    { kvk },
  );
  expect(rows[0]?.status).toBe("OUTBOX");
  const token = /\/status\/([\w.-]+)/.exec(String(rows[0]?.text))?.[1];
  expect(token).toBeTruthy();
  return token!;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  await db.write("CREATE (:Partner {id: $id, name: $name, kind: 'BANK'})", { id: scope.id("bank"), name: `${scope.prefix}Bank` });
  fast = await startTestServer(db, { roles: null, env: { ...env, PUBLIC_FORM_MIN_FILL_SECONDS: "0" } });
  patient = await startTestServer(db, { roles: null, env });
});

afterAll(async () => {
  await db.write(
    `MATCH (s:Sme) WHERE s.kvkNumber IN $kvks
     OPTIONAL MATCH (s)-[:ASKED]->(k:Case)
     OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent)
     OPTIONAL MATCH (p:Person)-[:CONTACT_FOR]->(s)
     OPTIONAL MATCH (m:MailMessage)-[:TO_PERSON]->(p)
     DETACH DELETE s, k, e, p, m`,
    { kvks },
  );
  // The proposed topic the unknown word made (its id is the word's key: the prefix without its hyphen).
  await db.write("MATCH (t:Topic) WHERE t.id CONTAINS $key OR t.proposedFrom CONTAINS $prefix DETACH DELETE t", {
    key: scope.prefix.replace(/[^a-z0-9]/g, ""),
    prefix: scope.prefix,
  });
  await scope.clean();
  await fast?.http.close();
  await patient?.http.close();
  await db?.close();
});

describe("the public question form", () => {
  it("opens without signing in: a form token, the versioned consent in both languages, the partners", async () => {
    const body = await post(fast, FORM, {}, newAddress());
    expect(body.errors).toBeUndefined();
    const form = body.data?.questionForm as {
      consent: { version: string; nl: string; en: string };
      partners: { name: string }[];
    };
    expect(form.consent).toEqual({ version: CURRENT_CONSENT.version, nl: CURRENT_CONSENT.nl, en: CURRENT_CONSENT.en });
    expect(form.partners.map((p) => p.name)).toContain(`${scope.prefix}Bank`);
  });

  it("lands as an INTAKE case by the intake rules, self-submitted, with the consent's wording and date and a timeline entry", async () => {
    const address = newAddress();
    const input = await submission(fast, address, { partner: scope.id("bank") });
    const body = await submit(fast, input, address);
    expect(body.errors).toBeUndefined();
    expect(body.data?.submitQuestion).toMatchObject({ received: true, confirmationSent: true });

    const [row] = await caseOfKvk(String(input.kvkNumber));
    expect(row).toMatchObject({
      status: "INTAKE",
      selfSubmitted: true,
      consentVersion: CURRENT_CONSENT.version,
      consentText: CURRENT_CONSENT.nl,
      heardOf: "Via mijn accountmanager bij de bank",
      title: "We willen onze reparaties online laten plannen en de klant automatisch laten…",
      wantedLevels: [],
      coordinators: 0,
      byName: "Anja Spaak",
    });
    expect(String(row?.note)).toContain("self-submitted");
    expect(Date.now() - Date.parse(String(row?.consentAt))).toBeLessThan(60_000);
    // Words in, topics out: the unknown word is kept as a proposed topic, exactly as at intake.
    expect(row?.topicStatuses).toContain("PROPOSED");
    // The referral belongs to the case, as at intake.
    const referral = await db.read(
      "MATCH (:Partner {id: $partner})-[r:REFERRED]->(:Case {id: $case}) RETURN toString(r.date) AS date",
      {
        partner: scope.id("bank"),
        case: row?.id,
      },
    );
    expect(referral).toHaveLength(1);
  });

  it("records the consent in English when the SME used the form in English", async () => {
    const address = newAddress();
    const input = await submission(fast, address, { language: "EN" });
    expect((await submit(fast, input, address)).errors).toBeUndefined();
    const [row] = await caseOfKvk(String(input.kvkNumber));
    expect(row?.consentText).toBe(CURRENT_CONSENT.en);
    const mail = await db.read(
      "MATCH (:Sme {kvkNumber: $kvk})<-[:CONTACT_FOR]-(:Person)<-[:TO_PERSON]-(m:MailMessage) RETURN m.subject AS subject, m.language AS language",
      { kvk: input.kvkNumber },
    );
    expect(mail[0]).toMatchObject({ language: "EN" });
    expect(String(mail[0]?.subject)).toMatch(/^We received your question/);
  });

  it("gives one SME for the same KvK number twice, however the name is typed", async () => {
    const address = newAddress();
    const first = await submission(fast, address);
    expect((await submit(fast, first, address)).errors).toBeUndefined();
    const second = await submission(fast, address, {
      kvkNumber: `${String(first.kvkNumber).slice(0, 4)} ${String(first.kvkNumber).slice(4)}`,
      smeName: "SPAAK fietsen",
    });
    kvks.pop(); // the same number, spaced
    expect((await submit(fast, second, address)).errors).toBeUndefined();
    const rows = await caseOfKvk(String(first.kvkNumber));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.smeId)).size).toBe(1);
    // An anonymous caller never renames an SME: the first name stays.
    expect(rows[0]?.smeName).toBe("Fietsenmaker Spaak");
  });

  it("throttles 50 rapid submissions from one address with RATE_LIMITED and a retry-after; another address still gets through", async () => {
    const address = newAddress();
    const template = await submission(fast, address);
    const outcomes: GraphQLBody[] = [];
    for (let i = 0; i < 50; i++) outcomes.push(await submit(fast, { ...template, kvkNumber: newKvk() }, address));
    const accepted = outcomes.filter((o) => !o.errors);
    const limited = outcomes.filter((o) => o.errors?.[0]?.extensions?.code === "RATE_LIMITED");
    expect(accepted).toHaveLength(5);
    expect(limited).toHaveLength(45);
    const retryAfter = Number(limited[0]?.errors?.[0]?.extensions?.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited[0]?.errors?.[0]?.message).toMatch(/Too many questions/);

    const other = newAddress();
    expect((await submit(fast, await submission(fast, other), other)).errors).toBeUndefined();
  });

  it("refuses a filled-in honeypot and a form sent faster than a person can, with code and field; nothing is written", async () => {
    const address = newAddress();
    const honeypot = await submission(fast, address, { website: "http://spam.example" });
    const refused = await submit(fast, honeypot, address);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "SUBMISSION_REFUSED", field: "website" });

    const quick = await submission(patient, address);
    const tooFast = await submit(patient, quick, address);
    expect(tooFast.errors?.[0]?.extensions).toMatchObject({ code: "SUBMISSION_REFUSED", field: "formToken" });
    expect(Number(tooFast.errors?.[0]?.extensions?.retryAfterSeconds)).toBeGreaterThan(0);

    const forged = await submit(fast, { ...(await submission(fast, address)), formToken: "not.a.token" }, address);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: "SUBMISSION_REFUSED", field: "formToken" });
    for (const input of [honeypot, quick]) expect(await caseOfKvk(String(input.kvkNumber))).toHaveLength(0);
  });

  it("refuses markup and oversized fields with the field to blame; no HTML is stored", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ question: "Wij willen een <script>alert(1)</script> webshop bouwen voor onze klanten." }, "question"],
      [{ smeName: "<b>Spaak</b>" }, "smeName"],
      [{ heardOf: "<a href='x'>de bank</a>" }, "heardOf"],
      [{ topics: ["<img src=x onerror=alert(1)>"] }, "topics"],
      [{ contactName: "Anja &lt;Spaak&gt;" }, "contactName"],
      [{ question: "x".repeat(4_001) }, "question"],
      [{ smeName: "S".repeat(121) }, "smeName"],
      [{ kvkNumber: "1234567" }, "kvkNumber"],
      [{ email: "not-an-address" }, "email"],
      [{ topics: Array.from({ length: 11 }, (_, i) => `woord${i}`) }, "topics"],
      [{ consent: false }, "consent"],
      [{ consentVersion: "1999-v0" }, "consentVersion"],
    ];
    for (const [overrides, field] of cases) {
      const address = newAddress();
      const input = await submission(fast, address, overrides);
      const body = await submit(fast, input, address);
      expect(body.errors?.[0]?.extensions, JSON.stringify(overrides).slice(0, 80)).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    // A lone "<" is text, not markup.
    const address = newAddress();
    const plain = await submission(fast, address, {
      question: "Ons budget is < 5000 euro; kan een studententeam een app maken?",
    });
    expect((await submit(fast, plain, address)).errors).toBeUndefined();
    const stored = await db.read("MATCH (s:Sme) WHERE s.kvkNumber IN $kvks MATCH (s)-[:ASKED]->(k:Case) RETURN k.question AS q", {
      kvks,
    });
    expect(stored.every((r) => !/<\w/.test(String(r.q)))).toBe(true);
  });

  it("sends the confirmation with a status link that shows only title, state and dates, and is never an answer link", async () => {
    const address = newAddress();
    const input = await submission(fast, address);
    const receipt = await post(fast, SUBMIT.replace("confirmationSent", "confirmationSent statusPath"), { input }, address);
    expect(receipt.errors).toBeUndefined();
    const token = await statusLinkOf(String(input.kvkNumber));
    // The thank-you page's link is the confirmation's.
    expect((receipt.data?.submitQuestion as { statusPath: string }).statusPath).toBe(`/status/${token}`);

    const status = await post(fast, STATUS, { token }, address);
    expect(status.errors).toBeUndefined();
    const shown = status.data?.caseStatusByLink as Record<string, unknown>;
    expect(Object.keys(shown).sort()).toEqual(["language", "received", "since", "status", "title"]);
    expect(shown).toMatchObject({ status: "INTAKE", language: "NL" });
    // Dates are Amsterdam's: a question received at 23:30 UTC on 6 December (00:30 on the 7th there) reads as the 7th.
    await db.write(
      `MATCH (s:Sme {kvkNumber: $kvk})-[:ASKED]->(k:Case) SET k.created = '2026-12-06T23:30:00.000Z'
       WITH k OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) SET e.at = '2026-12-06T23:30:00.000Z'`,
      { kvk: String(input.kvkNumber) },
    );
    const late = (await post(fast, STATUS, { token }, address)).data?.caseStatusByLink as Record<string, unknown>;
    expect(late).toMatchObject({ received: "2026-12-07", since: "2026-12-07" });

    // The status token as an answer link: refused by the check and by the page, and nothing changes.
    const key = answerLinkKey(loadConfig({ NODE_ENV: "test", ANSWER_LINK_SECRET: SECRET }));
    expect(await verifyAnswerLink(key, token, new Date())).toEqual({ ok: false, reason: "INVALID" });
    const page = await fetch(`${fast.http.url}answer/${token}`);
    expect(page.status).toBe(400);
    // …and an answer link is not a status link.
    const answer = await signAnswerLink(
      key,
      { proposalId: "p", teacherId: "t", answer: ProposalAnswer.INTERESTED, language: Language.NL },
      new Date(Date.now() + 86_400_000).toISOString(),
      new Date(),
    );
    const swapped = await post(fast, STATUS, { token: answer }, address);
    expect(swapped.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    const tampered = await post(fast, STATUS, { token: alterSignature(token) }, address);
    expect(tampered.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
  });

  it("autocompletes accepted topics for anonymous callers, never a proposed word", async () => {
    const body = await post(
      fast,
      `query($p: String!) { publicTopicSuggestions(prefix: $p) { id status } }`,
      { p: `${scope.prefix}fiets` },
      newAddress(),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data?.publicTopicSuggestions as { status: string }[]).every((t) => t.status === "ACCEPTED")).toBe(true);
  });
});
