/**
 * An empty 404, thrown from a loader or action: what is not yours, or does not exist, cannot even be shown to exist
 * (the same answer for a page, a Remix `.data` request and a download).
 */
export function notFound(): Response {
  return new Response(null, { status: 404 });
}
