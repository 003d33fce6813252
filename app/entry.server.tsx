import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isLanguage } from "./i18n/config";
import { detectLanguage } from "./i18n/detect";
import { i18nFor } from "./i18n/i18n.server";
import { logger } from "./utils/logger.server";
import { collectHtml } from "./utils/react-stream-nul.server";
import { NonceContext, nonceFrom } from "./utils/nonce";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  const nonce = nonceFrom(loadContext);
  // The root loader's language (it may know a page's own default, app/modules/status-lookup/status-language.server.ts);
  // without its data (an error before it ran), the request's.
  const rootLng = (remixContext.staticHandlerContext.loaderData?.root as { lng?: unknown } | undefined)?.lng;
  const i18n = i18nFor(isLanguage(rootLng) ? rootLng : detectLanguage(request));

  // The whole page is rendered before it is sent (no route streams deferred data): one buffer is one write and one
  // gzip pass, where streaming sent each 2 KB chunk of React's output on its own (a system call and a flush each).
  return new Promise<Response>((resolve, reject) => {
    const { sink, done } = collectHtml();
    let settled = false;
    let shellReady = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce: nonce || undefined,
        onShellReady() {
          shellReady = true;
        },
        onAllReady() {
          if (settled) return;
          settled = true;
          pipe(sink);
          void done.then((html) => {
            clearTimeout(timer);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(html.length));
            resolve(
              new Response(new Uint8Array(html.buffer as ArrayBuffer, html.byteOffset, html.byteLength), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
          });
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          reject(error);
        },
        onError(error: unknown) {
          // An error in the shell rejects (Remix renders its error page and logs it); one inside a Suspense boundary
          // leaves the page as streaming did (the boundary renders in the browser), and is logged here.
          if (shellReady) logger.error({ err: error }, "render error");
        },
      },
    );
    // A render still waiting past the timeout is cut short (its boundaries fall back to the client) and sent.
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // The path only: query strings may carry search terms.
  logger.error({ err: error, path: new URL(request.url).pathname }, "unhandled server error");
}
