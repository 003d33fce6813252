import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isLanguage } from "./i18n/config";
import { detectLanguage } from "./i18n/detect";
import { i18nFor } from "./i18n/i18n.server";
import { logger } from "./utils/logger.server";
import { withoutTrailingNulBytes } from "./utils/react-stream-nul.server";
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
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce: nonce || undefined,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutTrailingNulBytes();
          // The abort timer must not outlive the response (shared/design/stack.md, trap 2).
          body.on("close", () => clearTimeout(timer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // The path only: query strings may carry search terms.
  logger.error({ err: error, path: new URL(request.url).pathname }, "unhandled server error");
}
