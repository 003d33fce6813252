import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms/text-field";
import type { loadQueue } from "~/modules/queue/queue.service.server";
import { PostForm } from "~/components/forms/post-form";
import { FieldRowSubmit } from "~/components/forms/field-row-submit";

type Loaded = Awaited<ReturnType<typeof loadQueue>>;

export function SavedViews({
  views,
  query,
  errors,
}: {
  views: Loaded["views"];
  query: string;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="views-heading">
      <h2 id="views-heading">{t("queue:views.heading")}</h2>
      {views.length ? (
        <ul className="queue-views">
          {views.map((view) => (
            <li key={view.id}>
              <Link to={`/queue?${view.query}`}>{view.name}</Link>
              <PostForm intent="deleteView" action={`/queue?${query}`}>
                <input type="hidden" name="viewId" value={view.id} />
                <button
                  type="submit"
                  className="button-link"
                  aria-label={t("queue:views.deleteLabel", { name: view.name })}
                >
                  {t("queue:views.delete")}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("queue:views.none")}</p>
      )}
      <PostForm intent="saveView" action={`/queue?${query}`} className="queue-bulk" data-form="save-view">
        <TextField
          name="name"
          label={t("queue:views.name")}
          hint={t("queue:views.nameHint")}
          error={errors?.name}
          autoComplete="off"
          maxLength={60}
        />
        <FieldRowSubmit variant="secondary">{t("queue:views.save")}</FieldRowSubmit>
      </PostForm>
    </section>
  );
}
