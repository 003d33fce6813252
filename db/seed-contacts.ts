import type { Kysely } from "kysely";
import { siteContactsOf, changeSiteContacts } from "../app/modules/site-contacts/site-contacts.service.server";
import type { DB } from "./types";

// Which placeholder details the demo treats as confirmed by the site, so the demo shows both what patients see once a
// site confirms (phone, address, and QST's hours) and the staff warning for what is still open (the e-mail addresses,
// Konyang's hours). A real database starts with nothing confirmed (migration 0016).
const demoConfirmed = {
  konyang: { phone: true, email: false, hours: false, address: true },
  qst: { phone: true, email: false, hours: true, address: true },
} as const;

/** Records the demo's confirmations as the demo administrator would: a new, audited version per site. */
export async function seedDemoContacts(db: Kysely<DB>, now: Date): Promise<{ lines: string[] }> {
  const admin = await db
    .selectFrom("users")
    .select(["id", "role"])
    .where("email", "=", "admin@demo.test")
    .executeTakeFirstOrThrow();
  const lines: string[] = [];
  for (const [siteCode, confirmed] of Object.entries(demoConfirmed)) {
    const current = await siteContactsOf(db, siteCode);
    if (!current) continue;
    const result = await changeSiteContacts(db, {
      actor: { id: admin.id, role: admin.role },
      siteCode,
      change: {
        baseVersion: current.version,
        contactName: current.contactName,
        phone: current.phone,
        phoneConfirmed: confirmed.phone,
        email: current.email,
        emailConfirmed: confirmed.email,
        hours: current.hours,
        hoursConfirmed: confirmed.hours,
        address: current.address,
        mapQuery: current.mapQuery,
        addressConfirmed: confirmed.address,
        note: "Demo data: placeholder details treated as confirmed by the site.",
      },
      at: now,
    });
    if (result.ok)
      lines.push(
        `demo contacts: ${siteCode} version ${result.version} (confirmed: ${Object.entries(confirmed)
          .filter(([, v]) => v)
          .map(([k]) => k)
          .join(", ")})`,
      );
  }
  return { lines };
}
