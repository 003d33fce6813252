import { describe, expect, it } from "vitest";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import { UNSUBSCRIBE_PATH } from "~/modules/patient-notifications/patient-notifications.service.server";
import { submitReferral } from "~/modules/referrals/referrals.service.server";
import { pageLanguage } from "~/modules/status-lookup/status-language.server";
import { getDb } from "~/utils/db.server";
import { answerOf, createAccount, getRequest } from "../../../tests/factories/accounts";
import { sharedCase } from "../../../tests/factories/referrals";
import { formRequest } from "../../../tests/setup/request";
import { action, loader } from "./route";

async function tokenFromMail() {
  const db = await getDb();
  const physician = await createAccount(db, { role: "physician" });
  const caseData = sharedCase("hcc-child-pugh-c"); // a Japanese patient
  caseData.patient.email = "hanako@example.jp";
  caseData.consent.statusUpdates = true;
  const { id } = await submitReferral(db, {
    physician: { id: physician.id, country: "JP" },
    caseData,
    now: new Date(),
  });
  const [mail] = await mailFor(db, id);
  return new RegExp(`${UNSUBSCRIBE_PATH}/([A-Za-z0-9_-]+)`).exec(mail!.body_text)![1]!;
}

const withToken = (request: Request, token: string) => ({ request, params: { token }, context: {} });

describe(UNSUBSCRIBE_PATH, () => {
  it("opens with the e-mail's link, stops the e-mails with one button, with no sign-in", async () => {
    const token = await tokenFromMail();
    const path = `${UNSUBSCRIBE_PATH}/${token}`;
    expect(await answerOf(loader(withToken(getRequest(path), token)))).toMatchObject({
      status: 200,
      data: { state: "active" },
    });
    const posted = await answerOf(action(withToken(formRequest(path, {}), token)));
    expect(posted).toMatchObject({ status: 302, location: path });
    expect(await answerOf(loader(withToken(getRequest(path), token)))).toMatchObject({
      status: 200,
      data: { state: "stopped" },
    });
    // The page speaks the reader's language, and the patient's own for a browser that asks none of ko, ja, en.
    expect(await pageLanguage(new Request(`http://localhost${path}`, { headers: { "Accept-Language": "de" } }))).toBe(
      "ja",
    );
    expect(
      await pageLanguage(new Request(`http://localhost${path}`, { headers: { "Accept-Language": "ko-KR" } })),
    ).toBe("ko");
  });

  it("answers a link it does not know with a 404 page, and stops nothing", async () => {
    const token = "A".repeat(43);
    const path = `${UNSUBSCRIBE_PATH}/${token}`;
    expect(await answerOf(loader(withToken(getRequest(path), token)))).toMatchObject({
      status: 404,
      data: { state: "unknown" },
    });
    expect(await answerOf(action(withToken(formRequest(path, {}), token)))).toMatchObject({
      status: 404,
      data: { state: "unknown" },
    });
  });
});
