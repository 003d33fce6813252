import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { defaultNamespace, fallbackLanguage, type Language } from "./config";
import { detectLanguage } from "./detect";
import { addParticleFormat } from "./korean-particle";
import { memoisePlainLookups } from "./memo-t.server";
import { allResources, namespaces } from "./resources.server";

// One initialised instance per language, shared by every request: a per-request instance
// halves throughput and leaks timers (shared/design/stack.md, trap 2).
const instances = new Map<Language, I18n>();

/** A fresh instance for `lng`, set up as every request's but without remembered answers (memo-t's test compares). */
export function unmemoisedI18n(lng: Language): I18n {
  const instance = createInstance();
  void instance.init({
    lng,
    fallbackLng: fallbackLanguage,
    supportedLngs: ["ko", "ja", "en"],
    ns: namespaces(),
    defaultNS: defaultNamespace,
    resources: allResources(),
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  addParticleFormat(instance);
  return instance;
}

export function i18nFor(lng: Language): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = unmemoisedI18n(lng);
    memoisePlainLookups(instance);
    instances.set(lng, instance);
  }
  return instance;
}

export function tFor(lng: Language, ns: string | string[] = defaultNamespace): TFunction {
  return i18nFor(lng).getFixedT(lng, ns);
}

/** The request's language and a translator for it. */
export function translatorFor(request: Request, ns?: string | string[]) {
  const lng = detectLanguage(request);
  return { lng, t: tFor(lng, ns) };
}
