import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The GOV.UK success notification banner: after an action that took the person to another page, it is announced
 * (role="alert") and takes focus, so a screen-reader or keyboard user learns at once that the action worked and
 * continues from there. Its styles are notification-banner.css, which the page links.
 */
export function NotificationBanner({
  heading,
  children,
  testId,
}: {
  heading: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="notification-banner notification-banner--success"
      role="alert"
      aria-labelledby="notification-banner-title"
      tabIndex={-1}
      ref={ref}
      data-testid={testId}
    >
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id="notification-banner-title">
          {t("notification.success")}
        </h2>
      </div>
      <div className="notification-banner__content">
        <p className="notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
