import { lazy, Suspense, type ComponentType } from "react";
import type { AnswerRequestFormProps } from "./answer-request-form";

// The answer form brings the intake fields and the case schema (zod), about 70 KB gzip that a referral page needs only
// while a request for information is open: the browser fetches it then, and never otherwise (issue #16).
type Module = { default: ComponentType<AnswerRequestFormProps> };
let loaded: Module | undefined;
const load = () => import("./answer-request-form").then((module) => (loaded = module));
// The server has the module before its first request, so it renders the form in the page itself (a form that works
// without script), never a placeholder streamed in later.
if (typeof document === "undefined") void load();
const LazyForm = lazy(() =>
  loaded ? ({ then: (resolve: (module: Module) => void) => resolve(loaded!) } as unknown as Promise<Module>) : load(),
);

/** In the browser, the server's HTML stays in place (and the form posts natively) until the module has arrived. */
export function AnswerRequestForm(props: AnswerRequestFormProps) {
  return (
    <Suspense fallback={null}>
      <LazyForm {...props} />
    </Suspense>
  );
}
