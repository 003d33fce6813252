import { useRootData } from "./use-root-data";

/** The hidden token every state-changing form carries (checked centrally in server/csrf-guard.ts). */
export function CsrfInput() {
  const root = useRootData();
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />;
}
