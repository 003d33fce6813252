import { sql, type Kysely } from "kysely";

// Frozen once landed: add a new numbered migration instead of editing this one.
//
// Sites are configuration (shared/domain/routing.md): which indications each team accepts, whether it treats on
// site, the languages spoken and the weekly review capacity. Every change is a NEW row with the next version, never
// an update, so a stored decision can always name the configuration it was made with.
// The current configuration of a site is its row with the highest version.

// The indication codes of shared/domain/eligibility.md as they stood when this migration was written. Copied, not
// imported from app/domain: a migration must give the same result forever, whatever the domain later becomes.
const allIndications = [
  "bone_soft_tissue",
  "head_neck",
  "prostate",
  "hcc",
  "icc",
  "pancreas",
  "colorectal_recurrence",
  "cervix_adeno",
  "cervix_scc",
  "gyn_melanoma",
  "lung",
  "esophagus",
  "renal_cell",
  "metastasis",
  "other",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("site_config_versions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("accepted_indications", "text", (c) => c.notNull()) // JSON array of indication codes
    .addColumn("treats_on_site", "integer", (c) => c.notNull()) // 0/1
    .addColumn("languages", "text", (c) => c.notNull()) // JSON array of ko/ja/en
    .addColumn("weekly_capacity", "integer", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.references("users.id")) // null: the default shipped with the portal
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("note", "text") // why; required for every change an administrator makes
    .addUniqueConstraint("site_config_versions_site_version_uq", ["site_code", "version"])
    .addCheckConstraint("site_config_versions_version_ck", sql`version >= 1`)
    .addCheckConstraint("site_config_versions_capacity_ck", sql`weekly_capacity >= 0`)
    .execute();

  // Version 1 of each site: the defaults of routing.md (both teams accept every indication; Konyang does not treat
  // on site yet and takes Korean-resident patients for consultation and work-up; QST treats and speaks Japanese).
  const at = new Date().toISOString();
  const common = {
    version: 1,
    accepted_indications: JSON.stringify(allIndications),
    changed_by: null,
    changed_at: at,
    note: null,
  };
  await db
    .insertInto("site_config_versions" as never)
    .values([
      {
        id: "site-config-konyang-v1",
        site_code: "konyang",
        treats_on_site: 0,
        languages: JSON.stringify(["ko", "en"]),
        weekly_capacity: 20,
        ...common,
      },
      {
        id: "site-config-qst-v1",
        site_code: "qst",
        treats_on_site: 1,
        languages: JSON.stringify(["ja"]),
        weekly_capacity: 30,
        ...common,
      },
    ] as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("site_config_versions").execute();
}
