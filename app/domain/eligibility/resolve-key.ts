/**
 * The translation key for "what would change the answer" (locales/{ko,ja,en}/screen.json): a flag's own resolve
 * code where it has one, else the criterion's sentence. Its own file: the decision panel imports it without the engine.
 */
export const resolveKey = (id: string, resolve?: string) =>
  resolve ? `screen:resolve.${resolve}` : `screen:criteria.${id}.resolve`;
