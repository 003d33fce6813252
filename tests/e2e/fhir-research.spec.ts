import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  consoleErrors,
  expectNoAxeViolations,
  gotoIn,
  idInQueue,
  languages,
  newReferral,
  signInAs,
  words,
  type Language,
} from "./helpers";

// Issue #11 in the browser: the FHIR download on the staff's and the physician's referral pages, and the research
// export page, in each language with axe. The contents are checked in vitest; here: the buttons work and read right.

async function downloadJson(page: Page, linkName: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  return JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
}

for (const lng of languages) {
  test(`FHIR download from the staff and physician pages, and the research export page (${lng})`, async ({
    page,
    request,
  }) => {
    test.slow();
    const errors = consoleErrors(page);
    const fhir = words(lng as Language, "fhir");
    const research = words(lng as Language, "research");
    const code = await newReferral(request, { given: `연구${lng}`, crossBorder: false });

    await signInAs(page, "lee.sujin@demo.test", lng);
    const id = await idInQueue(page, code, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await expect(page.getByRole("heading", { name: fhir.download.heading })).toBeVisible();
    await expectNoAxeViolations(page);
    const staffBundle = await downloadJson(page, fhir.download.link);
    expect(staffBundle).toMatchObject({ resourceType: "Bundle", type: "collection", identifier: { value: code } });

    await signInAs(page, "park.jihoon@demo.test", lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    await expect(page.getByTestId("fhir-download")).toContainText(fhir.download.hint);
    await expectNoAxeViolations(page);
    const physicianBundle = await downloadJson(page, fhir.download.link);
    expect(
      physicianBundle.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Patient"),
    ).toBe(true);

    await signInAs(page, "admin@demo.test", lng);
    await page.getByRole("link", { name: research.nav }).click();
    await expect(page).toHaveURL(/\/research$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(research.heading);
    await expect(page.getByTestId("consented")).toHaveText(/^\d+$/);
    // Sixty varied demo patients form no group of five: the page says why nothing is released (ADR 0022).
    if ((await page.getByTestId("released").textContent()) === "0")
      await expect(page.getByTestId("none-released")).toHaveText(research.noneReleased);
    await expectNoAxeViolations(page);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: research.csv }).click(),
    ]);
    expect(fs.readFileSync((await csv.path())!, "utf8").split("\r\n")[0]).toBe(
      "\uFEFFresearch_id,patient_id,age_band,sex,residence_country,indication,histology,icd10,icdo3_morphology,diagnosis_status,resectable,tnm_t,tnm_n,tnm_m,tnm_edition,stage,max_diameter_mm,distant_metastasis_sites,psa_ng_ml,gleason_score,ecog,child_pugh,prior_radiotherapy,urgency,referred_on,submitted_on,status_changed_on,screen_outcome,coverage,ruleset_version,site,status",
    );
    const dictionary = await downloadJson(page, research.dictionaryLink);
    expect(dictionary.columns.find((c: { name: string }) => c.name === "age_band").meaning[lng]).toBe(
      research.columns.age_band,
    );
    expect(errors).toEqual([]);
  });
}
