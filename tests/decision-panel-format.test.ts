import { describe, expect, it } from "vitest";
import { tFor, i18nFor } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { formatExpected, formatValue, type Words } from "~/components/decision-panel/format";

const words = (lng: Language): Words => ({ t: tFor(lng), exists: (key) => i18nFor(lng).exists(key), lng });

describe("the decision's values and thresholds in words", () => {
  it("reads bounds, ranges, choices and dates in each language", () => {
    const en = words("en");
    expect(formatExpected(en, "tumour_size", "<=120 mm")).toBe("At most 120 mm");
    expect(formatExpected(en, "performance_status", "0-2")).toBe("0 to 2");
    expect(formatExpected(en, "cervix_stage", "II-IVA")).toBe("II to IVA");
    expect(formatExpected(en, "child_pugh", "A|B")).toBe("A or B");
    expect(formatExpected(en, "prior_radiotherapy", "none|other_site")).toBe("None to the same site");
    expect(formatValue(en, "prior_radiotherapy", "other_site", "none|other_site")).toBe("Yes, to another site");
    expect(formatExpected(en, "indication_listed", ">=2018-04-01")).toBe("On or after 1 April 2018");
    expect(formatExpected(en, "ascites", "false")).toBe("No");
    expect(formatValue(en, "hcc_size", 35, ">=40 mm")).toBe("35 mm");
    expect(formatValue(en, "head_neck_scc_excluded", "squamous_cell_carcinoma@larynx", undefined)).toBe(
      "Squamous cell carcinoma (Larynx)",
    );
    expect(formatValue(en, "resectability", "no", "no")).toBe("No, surgery is difficult or declined");

    const ko = words("ko");
    expect(formatExpected(ko, "hcc_size", ">=40 mm")).toBe("40 mm 이상");
    expect(formatExpected(ko, "indication_listed", ">=2018-04-01")).toBe("2018년 4월 1일 이후");
    expect(formatExpected(ko, "head_neck_scc_excluded", "not squamous_cell_carcinoma@oral_cavity|pharynx|larynx")).toBe(
      "구강, 인두, 후두의 편평세포암이 아닐 것",
    );

    const ja = words("ja");
    expect(formatExpected(ja, "tumour_size", "<=120 mm")).toBe("120 mm以下");
    expect(formatValue(ja, "solid_tumour", false, "false")).toBe("いいえ");
    expect(formatValue(ja, "indication_listed", "2026-11-20", ">=2018-04-01")).toBe("2026年11月20日");
  });
});
