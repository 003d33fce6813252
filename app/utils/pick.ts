/**
 * The named properties of `source`, in the order named, and nothing else: a value meant for a record (an audit
 * entry's before and after) that must not carry whatever else the source object happens to hold.
 */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) picked[key] = source[key];
  return picked as Pick<T, K>;
}
