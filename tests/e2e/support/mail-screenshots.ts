import { chromium } from "playwright-core";
import { chromiumPath } from "./start-e2e-environment.js";

/**
 * Screenshots of the outbox and the to-do list on `npm start` with the demo data and no SMTP_URL
 * (issue #16): signs in as the demo coordinator, sends the due digests by hand (the schedule waits
 * for working hours), and photographs both pages into docs/screenshots/. Run against a running app:
 * `APP_URL=http://127.0.0.1:4000 npx tsx tests/e2e/support/mail-screenshots.ts`.
 */
const base = (process.env.APP_URL ?? "http://127.0.0.1:4000").replace(/\/$/, "");
const out = new URL("../../../docs/screenshots/", import.meta.url).pathname;

async function graphql<T>(query: string, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const { login } = await graphql<{ login: { token: string } }>(
  `mutation { login(email: "coordinator@werkplaats.example", password: "demo-coordinator-werkplaats") { token } }`,
);
const round = await graphql<{ sendDueDigests: Record<string, unknown> }>(
  `mutation { sendDueDigests { skipped digestsSent digestsFailed retried reminders unreachable } }`,
  login.token,
);
console.log("sendDueDigests", JSON.stringify(round.sendDueDigests));
const outbox = await graphql<{ outbox: Array<{ status: string; subject: string }> }>(
  `{ outbox(first: 200) { status subject } }`,
  login.token,
);
console.log("outbox", outbox.outbox.length, "messages;", [...new Set(outbox.outbox.map((m) => m.status))].join(","));

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: base,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
  });
  await context.addInitScript((value: string) => sessionStorage.setItem("werkplaats.token", value), login.token);
  const page = await context.newPage();
  await page.goto("/outbox");
  await page.locator(".digest-item").first().waitFor({ timeout: 20_000 });
  console.log("outbox page lists", await page.locator(".digest-item").count(), "messages");
  await page.locator(".digest-item").first().click();
  await page.locator("iframe.email-frame").waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}outbox.png` });

  await page.goto("/todo");
  await page.locator(".todo-section").first().waitFor();
  await page.getByRole("button", { name: "Alle coördinatoren" }).click();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(600);
  const counts = await page.locator(".todo-section h2").allTextContents();
  console.log("to-do sections:", counts.join(" | "));
  await page.screenshot({ path: `${out}todo.png`, fullPage: true });

  await page.goto("/digests");
  await page.getByTestId("digest-schedule").waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}digests-schedule.png` });

  // An answer link from the outbox, opened as a teacher would (no sign-in): the confirmation page.
  const message = await graphql<{ outbox: Array<{ id: string; text: string }> }>(`{ outbox(first: 1) { id text } }`, login.token);
  const link = /https?:\/\/\S+\/answer\/\S+/.exec(message.outbox[0]?.text ?? "")?.[0];
  if (link) {
    const teacher = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await teacher.goto(link);
    await teacher.screenshot({ path: `${out}answer-link.png` });
    await teacher.close();
  }
  await context.close();
} finally {
  await browser.close();
}
