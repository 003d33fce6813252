import { createContext, useContext } from "react";

/**
 * This request's Content-Security-Policy nonce (server/security-headers.ts), for the scripts the root layout renders.
 * Only the server render knows it; in the browser it is empty, and React keeps the server's attribute on hydration.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}

/** The nonce server/index.ts put in Remix's load context; empty when a test calls the renderer without one. */
export function nonceFrom(loadContext: unknown): string {
  const value = (loadContext as { cspNonce?: unknown } | undefined)?.cspNonce;
  return typeof value === "string" ? value : "";
}
