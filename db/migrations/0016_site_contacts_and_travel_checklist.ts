import { sql, type Kysely } from "kysely";
import { qstTravelChecklistV1 } from "./0016_travel_checklist_defaults";

// Frozen once landed: add a new numbered migration instead of editing this one.
// docs/decisions/0023-site-contacts-handout-and-travel-checklist.md explains the choices.
//
// 1. A site's contact details (phone, e-mail, hours, address, the desk's name) are configuration kept as versions,
//    like site_config_versions (0002): a change is a new row, the one in force is the highest version. Each detail
//    carries "confirmed by the site": until then staff see a warning and patients do not see it at all.
// 2. The cross-border travel checklist's items and wording per site, as versions too (items as JSON).
// 3. Which checklist items are done for a referral: one row per ticked item (unticking deletes it; the audit log
//    keeps who ticked and unticked what, and when).

// Version 1: the placeholders that stood in locales/*/status.json (`sites.*`), copied here as they were, unconfirmed.
const contactsV1 = [
  {
    site_code: "konyang",
    contact_name: {
      ko: "방사선종양학과 의뢰 문의",
      ja: "放射線腫瘍科 紹介窓口",
      en: "Radiation oncology referral enquiries",
    },
    phone: "+82-42-600-9000",
    email: "carbon-ion.referral@konyang.example",
    hours: {
      ko: "평일 9:00–17:00 (한국 시간)",
      ja: "平日 9:00〜17:00（韓国時間）",
      en: "Weekdays 9:00–17:00 (Korea time)",
    },
    address: {
      ko: "대전광역시 서구 관저동로 158 (우편번호 35365)",
      ja: "大韓民国 大田広域市 西区 クァンジョドン路158（郵便番号35365）",
      en: "158 Gwanjeodong-ro, Seo-gu, Daejeon 35365, Republic of Korea",
    },
    map_query: "대전광역시 서구 관저동로 158",
  },
  {
    site_code: "qst",
    contact_name: {
      ko: "해외 환자 문의 창구",
      ja: "海外からの受診の問い合わせ窓口",
      en: "Enquiries from patients abroad",
    },
    phone: "+81-43-206-3306",
    email: "overseas-patients@qst-hospital.example",
    hours: {
      ko: "평일 9:00–17:00 (일본 시간)",
      ja: "平日 9:00〜17:00（日本時間）",
      en: "Weekdays 9:00–17:00 (Japan time)",
    },
    address: {
      ko: "일본 지바현 지바시 이나게구 아나가와 4-9-1 (우편번호 263-8555)",
      ja: "〒263-8555 千葉県千葉市稲毛区穴川4-9-1",
      en: "4-9-1 Anagawa, Inage-ku, Chiba 263-8555, Japan",
    },
    map_query: "千葉県千葉市稲毛区穴川4-9-1",
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("site_contact_versions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull()) // JSON { ko, ja, en }
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("phone_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("email_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("hours", "text", (c) => c.notNull()) // JSON { ko, ja, en }
    .addColumn("hours_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("address", "text", (c) => c.notNull()) // JSON { ko, ja, en }
    .addColumn("map_query", "text", (c) => c.notNull()) // the address as maps in the site's own country find it
    .addColumn("address_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("changed_by", "text", (c) => c.references("users.id")) // null: the placeholder shipped with the portal
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addUniqueConstraint("site_contact_versions_site_version_uq", ["site_code", "version"])
    .addCheckConstraint("site_contact_versions_version_ck", sql`version >= 1`)
    .execute();

  await db.schema
    .createTable("travel_checklist_versions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("items", "text", (c) => c.notNull()) // JSON [{ key, audience, title{ko,ja,en}, body{ko,ja,en}, sources[] }]
    .addColumn("changed_by", "text", (c) => c.references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addUniqueConstraint("travel_checklist_versions_site_version_uq", ["site_code", "version"])
    .addCheckConstraint("travel_checklist_versions_version_ck", sql`version >= 1`)
    .execute();

  await db.schema
    .createTable("travel_checklist_ticks")
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("done_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("done_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("travel_checklist_ticks_pk", ["referral_id", "item_key"])
    .execute();

  const at = new Date().toISOString();
  const json = (value: unknown) => JSON.stringify(value);
  await db
    .insertInto("site_contact_versions" as never)
    .values(
      contactsV1.map((c) => ({
        id: `site-contacts-${c.site_code}-v1`,
        site_code: c.site_code,
        version: 1,
        contact_name: json(c.contact_name),
        phone: c.phone,
        email: c.email,
        hours: json(c.hours),
        address: json(c.address),
        map_query: c.map_query,
        changed_by: null,
        changed_at: at,
        note: null,
      })) as never,
    )
    .execute();
  // Only QST has a checklist: it is the site patients travel to from abroad (shared/domain/routing.md).
  await db
    .insertInto("travel_checklist_versions" as never)
    .values({
      id: "travel-checklist-qst-v1",
      site_code: "qst",
      version: 1,
      items: json(qstTravelChecklistV1),
      changed_by: null,
      changed_at: at,
      note: null,
    } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("travel_checklist_ticks").execute();
  await db.schema.dropTable("travel_checklist_versions").execute();
  await db.schema.dropTable("site_contact_versions").execute();
}
