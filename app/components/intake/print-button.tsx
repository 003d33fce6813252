import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** A print button where JavaScript runs; otherwise a sentence pointing at the browser's own print command. */
export function PrintButton() {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <p className="no-print">
      {hydrated ? (
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("intake:print.button")}
        </button>
      ) : (
        t("intake:print.hint")
      )}
    </p>
  );
}
