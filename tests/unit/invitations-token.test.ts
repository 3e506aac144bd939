import { describe, expect, it } from "vitest";
import { signAnswerLink } from "../../server/domains/proposals/answer-links.js";
import { signInvitation, verifyInvitation } from "../../server/domains/invitations/invitation-token.js";
import { renderInvitation } from "../../server/domains/invitations/render-invitation.js";
import { Language, ProposalAnswer } from "../../server/platform/model/graph-enums.js";

/** The invitation link's token and message (docs/security.md "Invitations"), without a database. */
const key = new TextEncoder().encode("a test key for invitation links, long enough");
const now = new Date("2026-12-06T12:00:00Z");
const expires = "2026-12-20T12:00:00.000Z";
const claim = { invitationId: "inv-1", personId: "person-1", language: Language.EN };

describe("the invitation token", () => {
  it("round-trips the invitation, the person and the language until it expires", async () => {
    const token = await signInvitation(key, claim, expires, now);
    expect(await verifyInvitation(key, token, now)).toEqual({ ok: true, claim });
    expect(await verifyInvitation(key, token, new Date("2026-12-21T00:00:00Z"))).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("refuses another key, a changed signature, garbage and an answer link signed with the same key", async () => {
    const token = await signInvitation(key, claim, expires, now);
    expect(await verifyInvitation(new TextEncoder().encode("another key entirely, also long"), token, now)).toEqual({
      ok: false,
      reason: "INVALID",
    });
    const tampered = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect((await verifyInvitation(key, tampered, now)).ok).toBe(false);
    expect(await verifyInvitation(key, "not.a.token", now)).toEqual({ ok: false, reason: "INVALID" });
    const answerLink = await signAnswerLink(
      key,
      { proposalId: "inv-1", teacherId: "person-1", answer: ProposalAnswer.INTERESTED, language: Language.NL },
      expires,
      now,
    );
    expect(await verifyInvitation(key, answerLink, now)).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("the invitation message", () => {
  it("is in the person's language, names the link and its date, and escapes every value in the HTML", () => {
    const nl = renderInvitation({
      personName: "Anne <b>de</b> Vries",
      inviterName: "Fleur & Co",
      role: "INSTITUTION_CONTACT",
      link: "https://werkplaats.example/invite/abc",
      expiresOn: "2026-12-20",
      language: Language.NL,
    });
    expect(nl.subject).toContain("uitnodiging");
    expect(nl.body).toContain("https://werkplaats.example/invite/abc");
    expect(nl.body).toContain("2026-12-20");
    expect(nl.html).toContain("Anne &lt;b&gt;de&lt;/b&gt; Vries");
    expect(nl.html).toContain("Fleur &amp; Co");
    expect(nl.html).not.toContain("<b>de</b>");
    const en = renderInvitation({
      ...{ personName: "Anne", inviterName: null, link: "x", expiresOn: "d" },
      role: "TEACHER",
      language: Language.EN,
    });
    expect(en.body).toContain("your courses");
  });
});
