// An attachment's metadata in the case (the file itself lives outside it).
import { z } from "zod";
import { choice, integer, sha256, text } from "../field-builders";
import { e } from "../validation-keys";
import { attachmentKinds } from "../vocabulary";

export function attachmentSchema() {
  return z.looseObject(
    {
      kind: choice(attachmentKinds),
      fileName: text(255),
      mediaType: text(127),
      sizeBytes: integer(0),
      sha256: sha256(),
    },
    e,
  );
}
