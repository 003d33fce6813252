// Where the words for the screen's stable codes live (locales/*/screen.json, namespace "screen").
// One place, so the decision panel, the pre-check and the admin pages name things the same way.

export const indicationKey = (code: string) => `screen:indications.${code}`;
export const fieldKey = (path: string) => `screen:fields.${path}`;
