// A referral's attachment as the portal describes it (never its bytes): the one shape the intake services return,
// the attachment list shows and the FHIR DocumentReference is made from.
export type AttachmentFacts = {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};
