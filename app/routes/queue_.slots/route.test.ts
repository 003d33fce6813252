import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { accountWithCookie, answerOf, args, expectOnlyRoleServed, getRequest } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { action, loader } from "./route";

const nextYear = String(new Date().getUTCFullYear() + 1);

describe("the slots page", () => {
  it("is for the site's coordinators: reviewers, physicians, researchers and administrators are refused", async () => {
    await expectOnlyRoleServed(await getDb(), "coordinator", { loader, action }, "/queue/slots", { intent: "one" });
  });

  it("explains wrong input in the page's language and keeps what was typed", async () => {
    const db = await getDb();
    const cookie = (await accountWithCookie(db, { role: "coordinator", site: "qst" })).cookie;
    const t = tFor("ja", "scheduling");
    const one = await answerOf(
      action(
        args(
          formRequest(
            "/queue/slots",
            {
              intent: "one",
              "date.year": nextYear,
              "date.month": "2",
              "date.day": "30",
              time: "25:00",
              duration: "60",
            },
            { cookie, lng: "ja" },
          ),
        ),
      ),
    );
    expect(one.status).toBe(400);
    expect(one.data.errors).toEqual({ date: t("validation.dateInvalid"), time: t("validation.timeInvalid") });
    expect(one.data.values).toMatchObject({ "date.day": "30", time: "25:00" });
    const pattern = await answerOf(
      action(
        args(
          formRequest(
            "/queue/slots",
            {
              intent: "pattern",
              "from.year": nextYear,
              "from.month": "3",
              "from.day": "10",
              "to.year": nextYear,
              "to.month": "3",
              "to.day": "1",
              times: "9時",
              patternDuration: "60",
            },
            { cookie, lng: "ja" },
          ),
        ),
      ),
    );
    expect(pattern.data.errors).toMatchObject({
      to: t("validation.toBeforeFrom"),
      weekdays: t("validation.weekdaysRequired"),
      times: t("validation.timesInvalid"),
    });
    expect(pattern.data.values).toMatchObject({ times: "9時", weekdays: "" });
    // Someone else's or a made-up slot id: not removed, said plainly.
    const remove = await answerOf(
      action(
        args(
          formRequest(
            "/queue/slots",
            { intent: "remove", slotId: "00000000-0000-4000-8000-000000000000" },
            { cookie, lng: "ja" },
          ),
        ),
      ),
    );
    expect(remove.status).toBe(409);
    expect(remove.data.formError).toBe(t("validation.notRemoved"));
  });

  it("adds a weekly pattern and lists it in the site's time zone on a 24-hour clock", async () => {
    const db = await getDb();
    const cookie = (await accountWithCookie(db, { role: "coordinator", site: "qst" })).cookie;
    const today = new Date(Date.now() + 9 * 3_600_000);
    const inTwoDays = new Date(today.getTime() + 2 * 86_400_000);
    const fields = {
      intent: "pattern",
      "from.year": String(inTwoDays.getUTCFullYear()),
      "from.month": String(inTwoDays.getUTCMonth() + 1),
      "from.day": String(inTwoDays.getUTCDate()),
      "to.year": String(inTwoDays.getUTCFullYear()),
      "to.month": String(inTwoDays.getUTCMonth() + 1),
      "to.day": String(inTwoDays.getUTCDate()),
      times: "１３：０５, 9:00",
      patternDuration: "30",
    };
    const body = new URLSearchParams(fields);
    for (const day of ["1", "2", "3", "4", "5", "6", "7"]) body.append("weekdays", day);
    const request = formRequest("/queue/slots", {}, { cookie, lng: "en" });
    const added = await answerOf(
      action(
        args(
          new Request(request.url, {
            method: "POST",
            headers: request.headers,
            body: `${await request.text()}&${body.toString()}`,
          }),
        ),
      ),
    );
    expect(added.status).toBe(200);
    const page = await answerOf(loader(args(getRequest("/queue/slots", { cookie, lng: "en" }))));
    const times = page.data.slots.map((s: { timeText: string }) => s.timeText);
    // A public holiday in Japan two days from now leaves nothing; otherwise 09:00 and 13:05, written h23.
    if (times.length) expect(times).toEqual(["09:00", "13:05"]);
    expect(page.data.zone).toBe("Japan time");
  });
});
