import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_site_configs";
import * as m0004 from "./0004_referrals";
import * as m0005 from "./0005_status_sessions";
import * as m0006 from "./0006_attachments";
import * as m0007 from "./0007_queue";
import * as m0008 from "./0008_api_tokens_and_audit_append_only";
import * as m0010 from "./0010_clinical_decisions_and_letters";
import * as m0011 from "./0011_consultation_slots";
import * as m0012 from "./0012_konyang_japanese_name";
import * as m0013 from "./0013_joint_review_and_conferences";
import * as m0014 from "./0014_staff_exchange";
import * as m0015 from "./0015_patient_notifications";
import * as m0016 from "./0016_site_contacts_and_travel_checklist";
import * as m0017 from "./0017_security_mfa_throttling";
import * as m0018 from "./0018_research_consent_and_role";
import * as m0019 from "./0019_referral_purge";
import * as m0020 from "./0020_decision_one_shape";
import * as m0022 from "./0022_queue_index_only_counts_postgres";

// The explicit registry: static imports work the same under Vitest, tsx scripts and the server bundle.
// Append new migrations here; never reorder or edit landed ones.
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_site_configs": m0002,
  "0004_referrals": m0004,
  "0005_status_sessions": m0005,
  "0006_attachments": m0006,
  "0007_queue": m0007,
  "0008_api_tokens_and_audit_append_only": m0008,
  "0010_clinical_decisions_and_letters": m0010,
  "0011_consultation_slots": m0011,
  "0012_konyang_japanese_name": m0012,
  "0013_joint_review_and_conferences": m0013,
  "0014_staff_exchange": m0014,
  "0015_patient_notifications": m0015,
  "0016_site_contacts_and_travel_checklist": m0016,
  "0017_security_mfa_throttling": m0017,
  "0018_research_consent_and_role": m0018,
  "0019_referral_purge": m0019,
  "0020_decision_one_shape": m0020,
  "0022_queue_index_only_counts_postgres": m0022,
};
