import type { Kysely } from "kysely";
import { hashPassword } from "../app/modules/accounts/password.server";
import { newId } from "../app/utils/tokens.server";
import { seedDemoReferrals } from "./seed-referrals";
import { seedDemoApiToken } from "./seed-api-token";
import { seedDemoSlots } from "./seed-slots";
import { seedDemoContacts } from "./seed-contacts";
import type { DB } from "./types";

/** The demo password of every demo account (demo databases only; also in the README). */
export const DEMO_PASSWORD = "carbon-ion-demo";

type DemoAccount = {
  email: string;
  family: string;
  given: string;
  role: "physician" | "coordinator" | "reviewer" | "admin";
  site: "konyang" | "qst" | null;
  institution: string;
  country: "KR" | "JP";
  language: "ko" | "ja" | "en";
  status: "active" | "pending";
};

export const demoAccounts: DemoAccount[] = [
  {
    email: "park.jihoon@demo.test",
    family: "박",
    given: "지훈",
    role: "physician",
    site: null,
    institution: "충남대학교병원",
    country: "KR",
    language: "ko",
    status: "active",
  },
  {
    email: "tanaka.kenichi@demo.test",
    family: "田中",
    given: "健一",
    role: "physician",
    site: null,
    institution: "千葉大学医学部附属病院",
    country: "JP",
    language: "ja",
    status: "active",
  },
  {
    email: "lee.sujin@demo.test",
    family: "이",
    given: "수진",
    role: "coordinator",
    site: "konyang",
    institution: "건양대학교병원",
    country: "KR",
    language: "ko",
    status: "active",
  },
  {
    email: "choi.minho@demo.test",
    family: "최",
    given: "민호",
    role: "reviewer",
    site: "konyang",
    institution: "건양대학교병원",
    country: "KR",
    language: "ko",
    status: "active",
  },
  {
    email: "suzuki.yui@demo.test",
    family: "鈴木",
    given: "結衣",
    role: "coordinator",
    site: "qst",
    institution: "QST病院",
    country: "JP",
    language: "ja",
    status: "active",
  },
  {
    email: "takahashi.hiroshi@demo.test",
    family: "高橋",
    given: "浩",
    role: "reviewer",
    site: "qst",
    institution: "QST病院",
    country: "JP",
    language: "ja",
    status: "active",
  },
  {
    email: "admin@demo.test",
    family: "정",
    given: "해인",
    role: "admin",
    site: null,
    institution: "건양대학교병원",
    country: "KR",
    language: "ko",
    status: "active",
  },
  {
    email: "yoon.seoyeon@demo.test",
    family: "윤",
    given: "서연",
    role: "physician",
    site: null,
    institution: "대전성모병원",
    country: "KR",
    language: "ko",
    status: "pending",
  },
];

/**
 * Fills a new, empty database with demo accounts. Never touches a database that already has users.
 * Returns the lines to print at start-up, or null when nothing was seeded.
 */
export async function seedDemoDataIfEmpty(db: Kysely<DB>, now: Date): Promise<{ lines: string[] } | null> {
  const existing = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const account of demoAccounts) {
      await trx
        .insertInto("users")
        .values({
          id: newId(),
          email: account.email,
          password_hash: passwordHash,
          family_name: account.family,
          given_name: account.given,
          role: account.role,
          site_code: account.site,
          institution: account.institution,
          country: account.country,
          preferred_language: account.language,
          status: account.status,
          approved_by: null,
          approved_at: account.status === "active" ? now.toISOString() : null,
          created_at: now.toISOString(),
          failed_login_count: 0,
          locked_until: null,
        })
        .execute();
    }
  });
  const referrals = await seedDemoReferrals(db, now);
  const apiToken = await seedDemoApiToken(db, now);
  const slots = await seedDemoSlots(db, now);
  const contacts = await seedDemoContacts(db, now);
  return {
    lines: [
      ...demoAccounts.map(
        (a) =>
          `demo account: ${a.email} / ${DEMO_PASSWORD} (${a.role}${a.site ? ` at ${a.site}` : ""}${a.status === "pending" ? ", awaiting approval" : ""})`,
      ),
      ...referrals.lines,
      ...apiToken.lines,
      ...slots.lines,
      ...contacts.lines,
    ],
  };
}
