// The documents a receiving team needs, per indication, and which of them a referral already has.
// NOTE: shared/domain/eligibility.md, "Documents a receiving team needs (drives the intake checklist)". A missing
// document makes a referral incomplete, never ineligible: submission is not blocked, the coordinator asks for it.
import type { attachmentKinds, Indication } from "~/domain/case/schema";

type Kind = (typeof attachmentKinds)[number];

export type ChecklistItem = {
  id: string;
  /** Attachment kinds that provide it; empty for what travels on paper or glass (pathology slides). */
  kinds: Kind[];
  /** Needed for every referral of this indication; otherwise only in the situation its words describe. */
  required: boolean;
};

export type ChecklistLine = ChecklistItem & { provided: boolean };

const always: ChecklistItem[] = [
  { id: "referral_letter", kinds: ["referral_letter"], required: true },
  // Recent CT / MRI / PET-CT, ideally ≤ 3 months old: the images (DICOM) or at least the reports.
  { id: "imaging", kinds: ["dicom", "imaging_report"], required: true },
  { id: "pathology_report", kinds: ["pathology_report"], required: true },
  { id: "lab_results", kinds: ["lab_results"], required: true },
];

const perIndication: { item: ChecklistItem; indications: Indication[] }[] = [
  {
    item: { id: "pathology_slides", kinds: [], required: true },
    indications: ["bone_soft_tissue", "head_neck", "prostate"],
  },
  { item: { id: "psa_history", kinds: ["lab_results"], required: true }, indications: ["prostate"] },
  { item: { id: "liver_function", kinds: ["lab_results"], required: true }, indications: ["hcc", "icc"] },
  {
    item: { id: "tumour_markers", kinds: ["lab_results"], required: true },
    indications: ["hcc", "icc", "pancreas", "colorectal_recurrence"],
  },
];

const surgeryReport: ChecklistItem = { id: "surgery_report", kinds: ["treatment_history"], required: false };

/** The checklist for an indication (the general one before it is chosen), each line marked provided or not. */
export function checklistFor(indication: Indication | null, attachedKinds: readonly string[]): ChecklistLine[] {
  const items = [
    ...always,
    ...perIndication.filter((p) => indication && p.indications.includes(indication)).map((p) => p.item),
    surgeryReport,
  ];
  return items.map((item) => ({ ...item, provided: item.kinds.some((k) => attachedKinds.includes(k)) }));
}

/** Required documents that can be uploaded and are not there yet. */
export function missingDocuments(lines: ChecklistLine[]): ChecklistLine[] {
  return lines.filter((line) => line.required && line.kinds.length > 0 && !line.provided);
}
