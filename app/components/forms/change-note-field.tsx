import { useTranslation } from "react-i18next";
import { TextAreaField } from "./text-area-field";

type Props = {
  /** The namespace whose `edit.note` and `edit.noteHint` say what the note is for. */
  ns: "sites" | "contacts" | "travel";
  error?: string;
  /** What was typed, after a failed save; an empty box otherwise (every change gets its own note). */
  typed: string | undefined;
  rows: number;
};

/** The note an administrator writes on a change to a site's settings, kept with the new version. */
export function ChangeNoteField({ ns, error, typed, rows }: Props) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      name="note"
      label={t(`${ns}:edit.note`)}
      hint={t(`${ns}:edit.noteHint`)}
      error={error}
      defaultValue={typed ?? ""}
      rows={rows}
    />
  );
}
