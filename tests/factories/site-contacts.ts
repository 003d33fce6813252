import type { ContactField } from "~/modules/site-contacts/site-contacts";
import { changeSiteContacts, siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import type { Database } from "~/utils/db.server";
import { createAccount } from "./accounts";

/**
 * An administrator records that `siteCode` confirmed `fields` (the others unconfirmed), through the same service the
 * admin page uses. A fresh test database starts with every detail unconfirmed (migration 0016).
 */
export async function confirmSiteContacts(
  db: Database,
  siteCode: string,
  fields: readonly ContactField[],
  options: { at?: Date; actor?: { id: string } } = {},
) {
  // A given actor keeps a test's sequence of generated people unchanged (the factory names accounts in turn).
  const admin = options.actor ?? (await createAccount(db, { role: "admin" }));
  const at = options.at ?? new Date();
  const current = (await siteContactsOf(db, siteCode))!;
  const result = await changeSiteContacts(db, {
    actor: { id: admin.id, role: "admin" },
    siteCode,
    change: {
      baseVersion: current.version,
      contactName: current.contactName,
      phone: current.phone,
      phoneConfirmed: fields.includes("phone"),
      email: current.email,
      emailConfirmed: fields.includes("email"),
      hours: current.hours,
      hoursConfirmed: fields.includes("hours"),
      address: current.address,
      mapQuery: current.mapQuery,
      addressConfirmed: fields.includes("address"),
      note: "The site confirmed these details by phone.",
    },
    at,
  });
  if (!result.ok && result.reason !== "unchanged") throw new Error(`could not confirm contacts: ${result.reason}`);
  return admin;
}

export const allContactFields = ["phone", "email", "hours", "address"] as const;
