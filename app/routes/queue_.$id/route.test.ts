import { describe, expect, it, vi } from "vitest";

// A real SMTP server on a random local port, configured before any module reads the environment.
const capture = await vi.hoisted(async () => (await import("../../../tests/factories/mail")).captureMailForPortal());

import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { answerOf, getRequest } from "../../../tests/factories/accounts";
import * as pageRoute from "./route";
import {
  pageArgs,
  post,
  staff,
  freshQueuesAndMailbox,
  postToPage,
  referralAtKonyang,
  openPage,
  openStep,
} from "../../../tests/factories/staff-referral";

describe("the staff referral page: who may read it", () => {
  freshQueuesAndMailbox(capture);

  it("shows the full case to staff of its site, and logs the reading", async () => {
    const { db, coordinator, id, referenceCode } = await referralAtKonyang("ko", { patient: "ko" });
    const page = await openPage(id, { cookie: coordinator.cookie, lng: "ja" });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      referenceCode,
      status: "triage",
      siteName: "建陽大学校病院",
      decision: { outcome: "likely_eligible" },
    });
    const patient = page.data.sections.find((s: { id: string }) => s.id === "patient");
    expect(patient.heading).toBe("患者");
    expect(patient.rows.find((r: { path: string }) => r.path === "patient.birthDate").value).toBe("1958年3月14日");
    expect(page.data.sections.find((s: { id: string }) => s.id === "diagnosis").rows[0]).toMatchObject({
      label: "適応症",
      value: "前立腺癌",
    });
    expect(page.data.events.map((e: { action: string }) => e.action)).toEqual(["submit", "route"]);
    const viewed = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.viewed");
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actor_user_id: coordinator.id, actor_role: "coordinator" });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("answers another site's staff, for the page, its .data and every action, with an empty 404", async () => {
    const { db, id } = await referralAtKonyang("ko");
    const qst = await staff(db, "qst");
    for (const path of [`/queue/${id}`, `/queue/${id}.data`]) {
      const answer = await answerOf(pageRoute.loader(pageArgs(getRequest(path, { cookie: qst.cookie }), id)));
      expect(answer).toMatchObject({ status: 404, data: null });
    }
    expect(await openStep(id, "accept", { cookie: qst.cookie })).toMatchObject({
      status: 404,
      data: null,
    });
    expect((await answerOf(post(id, "accept", {}, qst.cookie))).status).toBe(404);
    expect((await postToPage(id, { intent: "claim" }, qst.cookie)).status).toBe(404);
    expect((await postToPage(id, { intent: "note", body: "x" }, qst.cookie)).status).toBe(404);
    expect(await findReferral(db, id)).toMatchObject({ status: "triage" });
    // Nothing was read, so nothing was logged as read.
    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual(["referral.submitted"]);
    // Unknown ids and unknown actions are 404s too.
    const konyang = await staff(db, "konyang");
    expect((await openPage("nope", { cookie: konyang.cookie })).status).toBe(404);
    expect((await openStep(id, "launch", { cookie: konyang.cookie })).status).toBe(404);
  });
});
