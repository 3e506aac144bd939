import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDigestRound } from "../../server/domains/proposals/digest-schedule.js";
import { matchingSettings } from "../../server/domains/suggestions/index.js";
import { ManualClock } from "../../server/platform/clock/clock.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";
import { createMailTransport } from "../../server/platform/mail/mail-transport.js";
import type { MailServices } from "../../server/platform/mail/mail-services.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { alterSignature } from "../helpers/tokens.js";
import { day, ok, seedCase, seedCourse, seedInstitution, seedWorkspace } from "./cases-graph-fixtures.js";

/**
 * Issue #16 "Done when": the day's due digests go through a real SMTP server started here
 * (smtp-server), arrive with the right recipients, language and answer links (parsed with
 * mailparser); a link records the answer once, and a used, tampered or expired link changes nothing;
 * a failing mail server leaves the digest unsent and it is retried; reminders go once.
 */

interface Received {
  to: string[];
  parsed: ParsedMail;
}

/** An SMTP server on a free loopback port that keeps what it receives, or refuses every message. */
async function startSmtp(
  options: { refuse?: boolean } = {},
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (options.refuse) {
        const error = new Error("451 4.3.0 Mailbox temporarily unavailable") as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The next Monday–Friday at 10:00 in Amsterdam (09:00 UTC in winter, 08:00 in summer: 10:00 is inside 9-17 either way). */
function nextWorkingMorning(): Date {
  const d = new Date();
  d.setUTCHours(9, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + 1);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

const linksIn = (text: string): string[] => [...text.matchAll(/https?:\/\/\S+\/answer\/[\w.-]+/g)].map((m) => m[0]);

let db: Database;
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let failing: Awaited<ReturnType<typeof startSmtp>>;
let clock: ManualClock;
let mail: MailServices;

async function proposal(caseId: string, teacherId: string): Promise<Record<string, unknown>> {
  const rows = await db.read(
    `MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(:Person {id: $teacherId})
     RETURN p.id AS id, p.answer AS answer, p.answeredBy AS answeredBy, p.answeredVia AS via, p.declineReason AS reason,
            p.deliveryStatus AS delivery, p.deliveryError AS error, p.withdrawnReason AS withdrawn`,
    { caseId, teacherId },
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  smtp = await startSmtp();
  failing = await startSmtp({ refuse: true });
  clock = new ManualClock(nextWorkingMorning());
  server = await startTestServer(db, {
    env: { SMTP_URL: smtp.url, MAIL_FROM: "Werkplaats Test <werkplaats@test.example>", MAIL_RETRY_MINUTES: "10" },
    mail: { clock },
  });
  mail = server.http.app.mailer.services;

  await seedWorkspace(db, { id: "ws", coordinators: [{ id: "coord", name: "Carla" }] });
  await seedInstitution(db, { id: "hbo", kind: "HBO" });
  const periods = [{ id: "P1", name: "Blok 3", start: day(40), end: day(100) }];
  await seedCourse(db, {
    id: "A",
    name: "Data Lab",
    themes: ["data"],
    institution: "hbo",
    teachers: ["tEN"],
    periods,
    agreement: { casesPerPeriod: 5 },
  });
  await seedCourse(db, {
    id: "B",
    name: "Datagedreven ondernemen",
    themes: ["data"],
    institution: "hbo",
    teachers: ["tNL"],
    periods,
    agreement: { casesPerPeriod: 5 },
  });
  await seedCourse(db, {
    id: "C",
    name: "No address",
    themes: ["data"],
    institution: "hbo",
    teachers: ["tNo"],
    periods,
    agreement: { casesPerPeriod: 5 },
  });
  await db.write(
    `MATCH (t:Person {id: 'tEN'}) SET t.name = 'Emma', t.email = 'emma@hva.example', t.language = 'EN', t.digestEveryDays = 7`,
  );
  await db.write(
    `MATCH (t:Person {id: 'tNL'}) SET t.name = 'Niels', t.email = 'niels@hva.example', t.language = 'NL', t.digestEveryDays = 14`,
  );
  await db.write(`MATCH (t:Person {id: 'tNo'}) SET t.name = 'Nora', t.digestEveryDays = 7`);
  await seedCase(db, { id: "K1", title: "Sales dashboard", coordinator: "coord" });
  await seedCase(db, { id: "K2", title: "Stock forecast", coordinator: "coord" });
});

afterAll(async () => {
  await server?.http.close();
  await smtp?.close();
  await failing?.close();
  await db?.close();
});

describe("the day's due digests through a real SMTP server", () => {
  it("sends each reachable teacher their digest in their language, with three answer links per case", async () => {
    const round = await runDigestRound(db, mail, matchingSettings());
    expect(round).toMatchObject({ skipped: null, digestsSent: 2, digestsFailed: 0 });
    expect(round.unreachable).toEqual(["tNo"]);
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(["emma@hva.example", "niels@hva.example"]);

    const emma = smtp.received.find((r) => r.to[0] === "emma@hva.example")!.parsed;
    expect(emma.subject).toBe(`2 SME cases for your courses (${todayIso(clock.now())})`);
    expect(emma.from?.text).toContain("werkplaats@test.example");
    expect(emma.text).toContain("Dear Emma,");
    expect(emma.text).toContain("Course: Data Lab (Blok 3");
    expect(emma.html).toContain("<a href=");
    const niels = smtp.received.find((r) => r.to[0] === "niels@hva.example")!.parsed;
    expect(niels.subject).toContain("casussen van mkb-ondernemers");
    expect(niels.text).toContain("Beste Niels,");
    expect(niels.text).toContain("Interesse: ");
    // Two cases × three answers, pointing at this server.
    expect(linksIn(emma.text ?? "")).toHaveLength(6);
    expect(linksIn(emma.text ?? "").every((l) => l.startsWith(server.http.url))).toBe(true);

    // Recorded as sent: proposals delivered, the rhythm moved, cases PROPOSED.
    expect(await proposal("K1", "tEN")).toMatchObject({ delivery: "SENT", answer: null });
    const rows = await db.read(
      `MATCH (t:Person) WHERE t.id IN ['tEN', 'tNL', 'tNo'] RETURN t.id AS id, toString(t.lastDigestSentOn) AS last ORDER BY id`,
    );
    const date = todayIso(clock.now());
    expect(rows).toEqual([
      { id: "tEN", last: date },
      { id: "tNL", last: date },
      { id: "tNo", last: null },
    ]);
    expect(await db.read(`MATCH (k:Case) WHERE k.id IN ['K1', 'K2'] RETURN collect(DISTINCT k.status) AS s`)).toEqual([
      { s: ["PROPOSED"] },
    ]);
  });

  it("does not send the same digest again the same day, nor later in the rhythm with nothing new", async () => {
    const before = smtp.received.length;
    expect((await runDigestRound(db, mail, matchingSettings())).digestsSent).toBe(0);
    clock.advance(7 * 86_400_000);
    expect((await runDigestRound(db, mail, matchingSettings())).digestsSent).toBe(0);
    clock.advance(-7 * 86_400_000);
    expect(smtp.received.length).toBe(before);
  });

  it("lists the messages in the outbox, each downloadable as .eml", async () => {
    const data = await ok<{ outbox: Array<{ status: string; to: string; kind: string; raw: string; proposals: number }> }>(
      server,
      `{ outbox { status to kind raw proposals } }`,
    );
    expect(data.outbox).toHaveLength(2);
    for (const m of data.outbox) {
      expect(m).toMatchObject({ status: "SENT", kind: "DIGEST", proposals: 2 });
      const parsed = await simpleParser(m.raw);
      expect(parsed.to && "text" in parsed.to ? parsed.to.text : "").toContain(m.to);
    }
  });
});

describe("answer links", () => {
  let emmaText: string;
  beforeAll(() => {
    emmaText = smtp.received.find((r) => r.to[0] === "emma@hva.example")!.parsed.text ?? "";
  });
  const linkAfter = (label: string, nth: number): string => {
    const links = [...emmaText.matchAll(new RegExp(`${label}: (\\S+)`, "g"))].map((m) => m[1]!);
    return links[nth]!;
  };

  it("opening a link changes nothing; its button records the answer with the teacher as author", async () => {
    const link = linkAfter("Interested", 0);
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('data-outcome="ASK"');
    expect((await proposal("K1", "tEN")).answer).toBeNull();

    const posted = await fetch(link, { method: "POST", body: new URLSearchParams({}) });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('data-outcome="RECORDED"');
    expect(await proposal("K1", "tEN")).toMatchObject({ answer: "INTERESTED", answeredBy: "tEN", via: "EMAIL_LINK" });

    // The coordinator sees it on the case at once.
    const seen = await ok<{ caseProposals: Array<{ teacherId: string; answer: string; answeredVia: string }> }>(
      server,
      `query { caseProposals(case: "K1") { teacherId answer answeredVia } }`,
    );
    expect(seen.caseProposals.find((p) => p.teacherId === "tEN")).toMatchObject({
      answer: "INTERESTED",
      answeredVia: "EMAIL_LINK",
    });
  });

  it("the same link again, or another answer of the same case, changes nothing", async () => {
    for (const link of [linkAfter("Interested", 0), linkAfter("Not now", 0)]) {
      const again = await fetch(link, { method: "POST", body: new URLSearchParams({}) });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('data-outcome="ALREADY_ANSWERED"');
    }
    expect((await proposal("K1", "tEN")).answer).toBe("INTERESTED");
  });

  it("a tampered link changes nothing", async () => {
    const link = linkAfter("Not now", 1);
    const [head, payload, signature] = link.split("/answer/")[1]!.split(".");
    // Another proposal id in the payload, the old signature: refused.
    const forged = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    forged.ans = "INTERESTED";
    const tampered = `${link.split("/answer/")[0]}/answer/${head}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    for (const url of [tampered, alterSignature(link)]) {
      const response = await fetch(url, { method: "POST", body: new URLSearchParams({}) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('data-outcome="INVALID"');
    }
    expect((await proposal("K2", "tEN")).answer).toBeNull();
  });

  it("'not for us' needs a reason, then records it", async () => {
    const link = linkAfter("Not for us \\(say why\\)", 1);
    const bare = await fetch(link, { method: "POST", body: new URLSearchParams({ reason: " " }) });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('data-outcome="ASK"');
    expect((await proposal("K2", "tEN")).answer).toBeNull();
    // (K2 stays open for the expiry test below: Niels's link is used there.)
  });

  it("an expired link changes nothing", async () => {
    const nielsText = smtp.received.find((r) => r.to[0] === "niels@hva.example")!.parsed.text ?? "";
    const link = [...nielsText.matchAll(/Nu niet: (\S+)/g)].map((m) => m[1]!)[0]!;
    clock.advance(20 * 86_400_000);
    try {
      const response = await fetch(link, { method: "POST", body: new URLSearchParams({}) });
      expect(response.status).toBe(410);
      const page = await response.text();
      expect(page).toContain('data-outcome="EXPIRED"');
      expect(page).toContain('lang="nl"');
    } finally {
      clock.advance(-20 * 86_400_000);
    }
    expect((await proposal("K1", "tNL")).answer).toBeNull();
  });
});

describe("a failing mail server", () => {
  it("leaves the digest unsent, records the error on the proposals, and retries with back-off", async () => {
    await seedCourse(db, {
      id: "F",
      name: "Failing course",
      themes: ["retail"],
      institution: "hbo",
      teachers: ["tF"],
      periods: [{ id: "PF", name: "Blok 4", start: day(40), end: day(100) }],
      agreement: { casesPerPeriod: 5 },
    });
    await db.write(`MATCH (t:Person {id: 'tF'}) SET t.name = 'Femke', t.email = 'femke@hva.example', t.digestEveryDays = 7`);
    await seedCase(db, { id: "KF", title: "Shop floor", topics: ["retail"] });
    const good = mail.transport;
    mail.transport = createMailTransport({ smtpUrl: failing.url });
    try {
      const round = await runDigestRound(db, mail, matchingSettings());
      expect(round).toMatchObject({ digestsSent: 0, digestsFailed: 1 });
      expect(await proposal("KF", "tF")).toMatchObject({ delivery: "FAILED" });
      expect(String((await proposal("KF", "tF")).error)).toContain("451");
      const [femke] = await db.read(`MATCH (t:Person {id: 'tF'}) RETURN t.lastDigestSentOn AS last`);
      expect(femke).toEqual({ last: null });
      // Not yet due for a retry, and no second digest meanwhile.
      const again = await runDigestRound(db, mail, matchingSettings());
      expect(again).toMatchObject({ digestsSent: 0, digestsFailed: 0, retried: 0 });
      const messages = await db.read(
        `MATCH (m:MailMessage)-[:TO_PERSON]->(:Person {id: 'tF'}) RETURN m.status AS status, m.attempts AS attempts, m.lastError AS error`,
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ status: "FAILED", attempts: 1 });
      // The to-do list shows it.
      const todo = await ok<{ coordinatorTodo: { failedMessages: Array<{ who: string }> } }>(
        server,
        `query($now: String) { coordinatorTodo(now: $now) { failedMessages { who } } }`,
        { now: clock.now().toISOString() },
      );
      expect(todo.coordinatorTodo.failedMessages.map((m) => m.who)).toEqual(["Femke"]);
    } finally {
      mail.transport = good;
    }
    // Ten minutes later (MAIL_RETRY_MINUTES) the retry goes through the working server.
    clock.advance(11 * 60_000);
    const retry = await runDigestRound(db, mail, matchingSettings());
    expect(retry).toMatchObject({ retried: 1, digestsSent: 0 });
    expect(smtp.received.filter((r) => r.to[0] === "femke@hva.example")).toHaveLength(1);
    expect(await proposal("KF", "tF")).toMatchObject({ delivery: "SENT", error: null });
    const [femke] = await db.read(`MATCH (t:Person {id: 'tF'}) RETURN toString(t.lastDigestSentOn) AS last`);
    expect(femke).toEqual({ last: todayIso(clock.now()) });
  });
});

describe("reminders and the pause switch", () => {
  it("reminds each teacher once, a few days before an open proposal expires", async () => {
    const before = smtp.received.length;
    clock.advance(12 * 86_400_000);
    // (force: day 12 may be a weekend; the hours have their own test below.)
    const first = await runDigestRound(db, mail, matchingSettings(), { force: true });
    // Open: K2→Emma, K1→Niels, K2→Niels, KF→Femke (K1→Emma was answered).
    expect(first.reminders).toBe(4);
    const reminders = smtp.received.slice(before).filter((r) => r.parsed.subject?.match(/Reminder|Herinnering/));
    expect(reminders.map((r) => r.to[0]).sort()).toEqual([
      "emma@hva.example",
      "femke@hva.example",
      "niels@hva.example",
      "niels@hva.example",
    ]);
    expect(linksIn(reminders[0]!.parsed.text ?? "")).toHaveLength(3);
    const second = await runDigestRound(db, mail, matchingSettings(), { force: true });
    expect(second.reminders).toBe(0);
  });

  it("a paused schedule sends nothing, also by hand", async () => {
    const paused = await ok<{ setDigestSchedulePaused: { paused: boolean } }>(
      server,
      `mutation { setDigestSchedulePaused(paused: true) { paused } }`,
    );
    expect(paused.setDigestSchedulePaused.paused).toBe(true);
    expect((await runDigestRound(db, mail, matchingSettings(), { force: true })).skipped).toBe("PAUSED");
    await ok(server, `mutation { setDigestSchedulePaused(paused: false) { paused } }`);
    expect((await runDigestRound(db, mail, matchingSettings(), { force: true })).skipped).toBeNull();
  });

  it("outside working hours the schedule waits", async () => {
    const saturday = new Date(clock.now());
    while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
    const back = clock.now();
    clock.set(saturday);
    try {
      expect((await runDigestRound(db, mail, matchingSettings())).skipped).toBe("OUTSIDE_HOURS");
    } finally {
      clock.set(back);
    }
  });
});

describe("by hand, and erased people", () => {
  it("a coordinator proposes one case by e-mail, with its links", async () => {
    await seedCase(db, { id: "K9", title: "Customer data", coordinator: "coord" });
    const before = smtp.received.length;
    const sent = await ok<{ sendProposal: { status: string; cases: number; messageId: string } }>(
      server,
      `mutation { sendProposal(case: "K9", teacher: "tEN", course: "A") { status cases messageId } }`,
    );
    expect(sent.sendProposal).toMatchObject({ status: "SENT", cases: 1 });
    const mailed = smtp.received.slice(before);
    expect(mailed.map((r) => r.to[0])).toEqual(["emma@hva.example"]);
    expect(linksIn(mailed[0]!.parsed.text ?? "")).toHaveLength(3);
    expect(await proposal("K9", "tEN")).toMatchObject({ delivery: "SENT" });
    // Within the cooldown the same case is refused to the same teacher.
    const again = await server.graphql(`mutation { sendProposal(case: "K9", teacher: "tEN", course: "A") { status } }`);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "COOLDOWN" });
  });

  it("erasing a teacher removes every message to them; nothing is sent to them afterwards", async () => {
    const erased = await ok<{ erasePerson: { erasedId: string } }>(server, `mutation { erasePerson(id: "tNL") { erasedId } }`);
    const newId = erased.erasePerson.erasedId;
    expect(await db.read(`MATCH (m:MailMessage)-[:TO_PERSON]->(:Person {id: $id}) RETURN count(m) AS n`, { id: newId })).toEqual([
      { n: 0 },
    ]);
    const data = await ok<{ outbox: Array<{ to: string }> }>(server, `{ outbox(first: 200) { to } }`);
    expect(data.outbox.map((m) => m.to)).not.toContain("niels@hva.example");
    await seedCase(db, { id: "K10", title: "After the erasure" });
    const refused = await server.graphql(`mutation { sendProposal(case: "K10", teacher: "${newId}", course: "B") { status } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "teacher" });
  });
});
