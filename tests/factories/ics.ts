// Reads an iCalendar file back the way a calendar program does (RFC 5545 3.1: unfold, then split name, parameters and
// value), so tests check what a reader would see rather than the text we happened to write.

export type IcsProperty = { name: string; params: Record<string, string>; value: string };

export function parseIcs(text: string): IcsProperty[] {
  if (/[^\r]\n/.test(text)) throw new Error("line ends must be CRLF");
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      return {
        name: name!,
        params: Object.fromEntries(params.map((p) => p.split("=") as [string, string])),
        value: line.slice(colon + 1),
      };
    });
}

/** A TEXT value as the reader shows it. */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** The first property of that name inside the VEVENT. */
export function eventProperty(properties: IcsProperty[], name: string): IcsProperty | undefined {
  const begin = properties.findIndex((p) => p.name === "BEGIN" && p.value === "VEVENT");
  return properties.slice(begin).find((p) => p.name === name);
}
