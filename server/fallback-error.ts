import type { ErrorRequestHandler } from "express";
import { detectLanguage } from "../app/i18n/detect";
import { tFor } from "../app/i18n/i18n.server";
import { logger } from "../app/utils/logger.server";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Errors raised before Remix sees the request (a malformed URL, say) still get a translated page,
 * never Express's default text or a stack trace.
 */
export const fallbackErrorPage: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) logger.error({ err: error, requestId: res.locals.requestId }, "request failed before the app");
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const lng = detectLanguage(new Request("http://localhost/", { headers }));
  const t = tFor(lng);
  const key = [400, 403, 404, 413, 429].includes(status) ? status : status < 500 ? 400 : 500;
  const title = escape(t(`errors.${key}.title`));
  res
    .status(status)
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
        `<body><main><h1>${title}</h1><p>${escape(t(`errors.${key}.body`))}</p><p><a href="/">${escape(t("errors.backHome"))}</a></p></main></body></html>`,
    );
};
