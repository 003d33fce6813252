/**
 * Characters that never belong in a person's or a file's name and can make one look like another: NUL and the other
 * C0/C1 controls, and the bidirectional embeddings, overrides, isolates and marks ("\u202E" turns "gpj.exe" into
 * what reads "exe.jpg"). Stripped, never refused: they are invisible, so the user has nothing to correct.
 */
const invisibleControls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutInvisibleControls(value: string): string {
  return value.replace(invisibleControls, "");
}
