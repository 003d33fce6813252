// The demo referrals as a plan: who the patients are, what each case is, and which workflow steps bring it to its
// state. Pure and deterministic (one seeded PRNG, no clock, no I/O), so the browser tests and the README can name
// the same reference codes a fresh demo database gets; db/seed-referrals.ts plays the plan through the referral core.
import { baseCase, withFields } from "../app/domain/case/fixtures";
import type { Indication, ScreenCase } from "../app/domain/case/schema";
import { referenceCodeFrom } from "../app/domain/reference-code/reference-code";
import { patientStageOf, type PatientStage, type ReferralStatus } from "../app/domain/workflow/states";

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, well-distributed 32-bit PRNG; the same seed gives the same numbers on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Random bytes from a seeded stream: what submitReferral's `random` option takes for reference codes. */
export function seededBytes(seed: number): (n: number) => Uint8Array {
  const next = prng(seed);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

const PLAN_SEED = 20_261_126;
const CODE_SEED = 0x6b71_0000; // "kq"

/** Each submitted referral draws its reference code from its own stream, so one code never shifts another. */
export function demoCodeRandom(index: number): (n: number) => Uint8Array {
  return seededBytes(CODE_SEED + index);
}

/** The code the index-th demo referral receives (its stream's first 14 bytes, as the referral core draws them). */
export function demoReferenceCode(index: number): string {
  return referenceCodeFrom(demoCodeRandom(index)(14));
}

// ---------------------------------------------------------------------------------------------------------------
// People (family name first; passport spellings; katakana readings for Japanese names)

type Sex = "female" | "male";
type Person = { family: string; given: string; familyLatin: string; givenLatin: string; reading?: string; sex: Sex };

const koreans: Person[] = [
  { family: "김", given: "영수", familyLatin: "KIM", givenLatin: "YOUNGSOO", sex: "male" },
  { family: "이", given: "순자", familyLatin: "LEE", givenLatin: "SOONJA", sex: "female" },
  { family: "박", given: "상철", familyLatin: "PARK", givenLatin: "SANGCHUL", sex: "male" },
  { family: "최", given: "미경", familyLatin: "CHOI", givenLatin: "MIKYUNG", sex: "female" },
  { family: "정", given: "성호", familyLatin: "JUNG", givenLatin: "SUNGHO", sex: "male" },
  { family: "강", given: "경희", familyLatin: "KANG", givenLatin: "KYUNGHEE", sex: "female" },
  { family: "조", given: "광수", familyLatin: "CHO", givenLatin: "KWANGSOO", sex: "male" },
  { family: "윤", given: "명숙", familyLatin: "YOON", givenLatin: "MYUNGSOOK", sex: "female" },
  { family: "장", given: "재현", familyLatin: "JANG", givenLatin: "JAEHYUN", sex: "male" },
  { family: "임", given: "은정", familyLatin: "LIM", givenLatin: "EUNJUNG", sex: "female" },
  { family: "한", given: "동현", familyLatin: "HAN", givenLatin: "DONGHYUN", sex: "male" },
  { family: "오", given: "혜진", familyLatin: "OH", givenLatin: "HYEJIN", sex: "female" },
  { family: "서", given: "종철", familyLatin: "SEO", givenLatin: "JONGCHUL", sex: "male" },
  { family: "신", given: "현주", familyLatin: "SHIN", givenLatin: "HYUNJOO", sex: "female" },
  { family: "권", given: "진우", familyLatin: "KWON", givenLatin: "JINWOO", sex: "male" },
  { family: "황", given: "옥순", familyLatin: "HWANG", givenLatin: "OKSOON", sex: "female" },
  { family: "안", given: "병철", familyLatin: "AHN", givenLatin: "BYUNGCHUL", sex: "male" },
  { family: "송", given: "지영", familyLatin: "SONG", givenLatin: "JIYOUNG", sex: "female" },
  { family: "류", given: "태식", familyLatin: "RYU", givenLatin: "TAESIK", sex: "male" },
  { family: "홍", given: "정희", familyLatin: "HONG", givenLatin: "JUNGHEE", sex: "female" },
  { family: "김", given: "민호", familyLatin: "KIM", givenLatin: "MINHO", sex: "male" },
  { family: "이", given: "영자", familyLatin: "LEE", givenLatin: "YOUNGJA", sex: "female" },
  { family: "박", given: "준영", familyLatin: "PARK", givenLatin: "JUNYOUNG", sex: "male" },
  { family: "최", given: "수정", familyLatin: "CHOI", givenLatin: "SOOJUNG", sex: "female" },
  { family: "정", given: "대호", familyLatin: "JEONG", givenLatin: "DAEHO", sex: "male" },
  { family: "문", given: "숙희", familyLatin: "MOON", givenLatin: "SOOKHEE", sex: "female" },
  { family: "배", given: "기철", familyLatin: "BAE", givenLatin: "KICHUL", sex: "male" },
  { family: "백", given: "미숙", familyLatin: "BAEK", givenLatin: "MISOOK", sex: "female" },
  { family: "노", given: "승우", familyLatin: "NOH", givenLatin: "SEUNGWOO", sex: "male" },
  { family: "하", given: "은숙", familyLatin: "HA", givenLatin: "EUNSOOK", sex: "female" },
  { family: "전", given: "용수", familyLatin: "JEON", givenLatin: "YONGSOO", sex: "male" },
  { family: "유", given: "선희", familyLatin: "YOO", givenLatin: "SUNHEE", sex: "female" },
  { family: "남", given: "철민", familyLatin: "NAM", givenLatin: "CHULMIN", sex: "male" },
  { family: "고", given: "영미", familyLatin: "KO", givenLatin: "YOUNGMI", sex: "female" },
  { family: "양", given: "석진", familyLatin: "YANG", givenLatin: "SEOKJIN", sex: "male" },
  { family: "손", given: "경자", familyLatin: "SON", givenLatin: "KYUNGJA", sex: "female" },
  { family: "구", given: "본재", familyLatin: "KOO", givenLatin: "BONJAE", sex: "male" },
  { family: "차", given: "은영", familyLatin: "CHA", givenLatin: "EUNYOUNG", sex: "female" },
  { family: "심", given: "우성", familyLatin: "SIM", givenLatin: "WOOSUNG", sex: "male" },
  { family: "곽", given: "말순", familyLatin: "KWAK", givenLatin: "MALSOON", sex: "female" },
  { family: "성", given: "현수", familyLatin: "SUNG", givenLatin: "HYUNSOO", sex: "male" },
  { family: "변", given: "정자", familyLatin: "BYUN", givenLatin: "JUNGJA", sex: "female" },
];

const japanese: Person[] = [
  { family: "佐藤", given: "誠", familyLatin: "SATO", givenLatin: "MAKOTO", reading: "サトウ マコト", sex: "male" },
  {
    family: "鈴木",
    given: "恵子",
    familyLatin: "SUZUKI",
    givenLatin: "KEIKO",
    reading: "スズキ ケイコ",
    sex: "female",
  },
  {
    family: "高橋",
    given: "浩二",
    familyLatin: "TAKAHASHI",
    givenLatin: "KOJI",
    reading: "タカハシ コウジ",
    sex: "male",
  },
  {
    family: "田中",
    given: "由美子",
    familyLatin: "TANAKA",
    givenLatin: "YUMIKO",
    reading: "タナカ ユミコ",
    sex: "female",
  },
  { family: "伊藤", given: "隆", familyLatin: "ITO", givenLatin: "TAKASHI", reading: "イトウ タカシ", sex: "male" },
  {
    family: "渡辺",
    given: "幸子",
    familyLatin: "WATANABE",
    givenLatin: "SACHIKO",
    reading: "ワタナベ サチコ",
    sex: "female",
  },
  {
    family: "山本",
    given: "修",
    familyLatin: "YAMAMOTO",
    givenLatin: "OSAMU",
    reading: "ヤマモト オサム",
    sex: "male",
  },
  {
    family: "中村",
    given: "真理子",
    familyLatin: "NAKAMURA",
    givenLatin: "MARIKO",
    reading: "ナカムラ マリコ",
    sex: "female",
  },
  {
    family: "小林",
    given: "健太",
    familyLatin: "KOBAYASHI",
    givenLatin: "KENTA",
    reading: "コバヤシ ケンタ",
    sex: "male",
  },
  { family: "加藤", given: "陽子", familyLatin: "KATO", givenLatin: "YOKO", reading: "カトウ ヨウコ", sex: "female" },
  {
    family: "吉田",
    given: "正人",
    familyLatin: "YOSHIDA",
    givenLatin: "MASATO",
    reading: "ヨシダ マサト",
    sex: "male",
  },
  {
    family: "山田",
    given: "和子",
    familyLatin: "YAMADA",
    givenLatin: "KAZUKO",
    reading: "ヤマダ カズコ",
    sex: "female",
  },
  { family: "佐々木", given: "勝", familyLatin: "SASAKI", givenLatin: "MASARU", reading: "ササキ マサル", sex: "male" },
  {
    family: "松本",
    given: "久美子",
    familyLatin: "MATSUMOTO",
    givenLatin: "KUMIKO",
    reading: "マツモト クミコ",
    sex: "female",
  },
  { family: "井上", given: "博", familyLatin: "INOUE", givenLatin: "HIROSHI", reading: "イノウエ ヒロシ", sex: "male" },
  {
    family: "木村",
    given: "直美",
    familyLatin: "KIMURA",
    givenLatin: "NAOMI",
    reading: "キムラ ナオミ",
    sex: "female",
  },
  { family: "林", given: "秀樹", familyLatin: "HAYASHI", givenLatin: "HIDEKI", reading: "ハヤシ ヒデキ", sex: "male" },
  {
    family: "斎藤",
    given: "典子",
    familyLatin: "SAITO",
    givenLatin: "NORIKO",
    reading: "サイトウ ノリコ",
    sex: "female",
  },
  {
    family: "清水",
    given: "一郎",
    familyLatin: "SHIMIZU",
    givenLatin: "ICHIRO",
    reading: "シミズ イチロウ",
    sex: "male",
  },
  {
    family: "山口",
    given: "明美",
    familyLatin: "YAMAGUCHI",
    givenLatin: "AKEMI",
    reading: "ヤマグチ アケミ",
    sex: "female",
  },
  { family: "森", given: "達也", familyLatin: "MORI", givenLatin: "TATSUYA", reading: "モリ タツヤ", sex: "male" },
  {
    family: "池田",
    given: "智子",
    familyLatin: "IKEDA",
    givenLatin: "TOMOKO",
    reading: "イケダ トモコ",
    sex: "female",
  },
  {
    family: "橋本",
    given: "茂",
    familyLatin: "HASHIMOTO",
    givenLatin: "SHIGERU",
    reading: "ハシモト シゲル",
    sex: "male",
  },
  {
    family: "石川",
    given: "美穂",
    familyLatin: "ISHIKAWA",
    givenLatin: "MIHO",
    reading: "イシカワ ミホ",
    sex: "female",
  },
  { family: "前田", given: "孝", familyLatin: "MAEDA", givenLatin: "TAKASHI", reading: "マエダ タカシ", sex: "male" },
  {
    family: "藤田",
    given: "節子",
    familyLatin: "FUJITA",
    givenLatin: "SETSUKO",
    reading: "フジタ セツコ",
    sex: "female",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

/**
 * Who refers whom, and where the router sends them:
 * - `kr`: Korean resident, referred in Korea, no consent to go abroad → Konyang;
 * - `kr_qst`: Korean resident who prefers QST and consented to the transfer → QST (interpreter needed);
 * - `kr_in_jp`: Korean living in Japan, referred in Japan, prefers Korean → QST;
 * - `jp`: Japanese resident referred in Japan → QST;
 * - `intl`: Korean living abroad, English-speaking, consented, referred from Korea → QST (international patient).
 */
export type Pathway = "kr" | "kr_qst" | "kr_in_jp" | "jp" | "intl";
type Variant = "base" | "ecog_unknown" | "ecog_3" | "metastatic" | "child_pugh_c" | "prior_rt";

export type StepAction =
  "claim" | "request_info" | "answer_info" | "accept" | "schedule" | "decline" | "redirect" | "close" | "withdraw";
export type PlannedStep = {
  action: StepAction;
  /** Who acts: the referring physician, or the coordinator / reviewer of the site the referral is at. */
  by: "physician" | "coordinator" | "reviewer";
  reasonCode?: string;
  note?: string;
  data?: Record<string, unknown>;
  /** Minutes after submission. */
  at: number;
};

export type PlannedReferral = {
  index: number;
  pathway: Pathway;
  /** The site the router sends it to (the seed checks the router agrees). */
  site: "konyang" | "qst";
  final: ReferralStatus;
  caseData: (submittedAt: Date) => ScreenCase;
  physician: "KR" | "JP";
  /** Minutes before `now` at which it was submitted. */
  submittedMinutesAgo: number;
  steps: PlannedStep[];
  /**
   * The first consultation, for scheduled and closed-after-consultation cases: days after `now` (null: already held,
   * between the scheduling and the closing), time of day, and the coordinator's note on interpreting.
   */
  consultation?: { inDays: number | null; time: string; interpreterNote: string | null };
  birthDate: string;
  patientLanguage: "ko" | "ja" | "en";
};

export type PlannedDraft = {
  physician: "KR" | "JP";
  caseData: (createdAt: Date) => ScreenCase;
  createdMinutesAgo: number;
};

type Row = [
  final: ReferralStatus,
  pathway: Pathway,
  indication: Indication,
  variant: Variant,
  flavour?: "info_loop" | "staff_first" | "after_decline" | "example",
];

// Sixty referrals in every state, at both sites. `example` marks the one shown for its patient stage in the
// README and the start-up log (one per stage).
const rows: Row[] = [
  // triage: new arrivals, one back from an answered information request
  ["triage", "kr", "prostate", "base"],
  ["triage", "jp", "bone_soft_tissue", "base", "example"],
  ["triage", "kr", "pancreas", "ecog_unknown"],
  ["triage", "jp", "hcc", "base"],
  ["triage", "kr", "head_neck", "base", "info_loop"],
  ["triage", "kr_qst", "colorectal_recurrence", "base"],
  ["triage", "jp", "lung", "base"],
  ["triage", "kr", "icc", "base"],
  ["triage", "intl", "bone_soft_tissue", "base"],
  ["triage", "jp", "esophagus", "ecog_unknown"],
  ["triage", "kr", "cervix_scc", "base"],
  // redirected: Konyang does not treat on site yet, so some move to QST; one comes home for work-up
  ["redirected", "kr_qst", "pancreas", "base"],
  ["redirected", "kr", "prostate", "base", "example"],
  ["redirected", "kr", "hcc", "base", "staff_first"],
  ["redirected", "kr", "bone_soft_tissue", "base"],
  // in_review
  ["in_review", "kr", "hcc", "base"],
  ["in_review", "jp", "prostate", "base", "example"],
  ["in_review", "kr", "colorectal_recurrence", "base", "info_loop"],
  ["in_review", "kr_in_jp", "pancreas", "base"],
  ["in_review", "jp", "head_neck", "base"],
  ["in_review", "kr", "lung", "base"],
  ["in_review", "kr_qst", "head_neck", "base"],
  ["in_review", "jp", "icc", "ecog_unknown"],
  ["in_review", "kr", "renal_cell", "base"],
  ["in_review", "jp", "cervix_adeno", "base"],
  // info_requested
  ["info_requested", "kr", "pancreas", "ecog_unknown", "example"],
  ["info_requested", "jp", "colorectal_recurrence", "base", "staff_first"],
  ["info_requested", "kr", "bone_soft_tissue", "base"],
  ["info_requested", "intl", "prostate", "base"],
  ["info_requested", "kr", "gyn_melanoma", "base", "staff_first"],
  ["info_requested", "jp", "hcc", "base"],
  // accepted
  ["accepted", "kr", "prostate", "base"],
  ["accepted", "jp", "pancreas", "base", "example"],
  ["accepted", "kr_qst", "bone_soft_tissue", "base"],
  ["accepted", "kr", "head_neck", "base"],
  ["accepted", "jp", "colorectal_recurrence", "base"],
  ["accepted", "intl", "hcc", "base"],
  // consultation_scheduled: the example is a Korean patient at QST (passport and interpreter to bring)
  ["consultation_scheduled", "kr_qst", "prostate", "base", "example"],
  ["consultation_scheduled", "jp", "bone_soft_tissue", "base"],
  ["consultation_scheduled", "kr", "hcc", "base"],
  ["consultation_scheduled", "kr_in_jp", "head_neck", "base"],
  ["consultation_scheduled", "jp", "pancreas", "base"],
  ["consultation_scheduled", "intl", "colorectal_recurrence", "base"],
  ["consultation_scheduled", "kr", "prostate", "base"],
  // declined (mostly cases the screen already doubted; one the specialists declined despite a good screen)
  ["declined", "kr", "hcc", "child_pugh_c", "example"],
  ["declined", "jp", "pancreas", "metastatic"],
  ["declined", "kr", "lung", "ecog_3"],
  ["declined", "jp", "head_neck", "prior_rt"],
  ["declined", "kr", "colorectal_recurrence", "base"],
  ["declined", "jp", "metastasis", "metastatic"],
  // withdrawn
  ["withdrawn", "kr", "prostate", "base"],
  ["withdrawn", "jp", "esophagus", "base", "staff_first"],
  ["withdrawn", "kr", "other", "base"],
  ["withdrawn", "jp", "bone_soft_tissue", "base"],
  // closed: after a consultation, or after a decline
  ["closed", "jp", "prostate", "base", "example"],
  ["closed", "kr", "pancreas", "metastatic", "after_decline"],
  ["closed", "jp", "hcc", "base"],
  ["closed", "kr_qst", "bone_soft_tissue", "base"],
  ["closed", "jp", "head_neck", "ecog_3", "after_decline"],
  ["closed", "kr", "cervix_scc", "base"],
];

const icd10: Partial<Record<Indication, string>> = {
  bone_soft_tissue: "C41.4",
  head_neck: "C07",
  prostate: "C61",
  hcc: "C22.0",
  icc: "C22.1",
  pancreas: "C25.0",
  colorectal_recurrence: "C20",
  cervix_adeno: "C53.9",
  cervix_scc: "C53.9",
  gyn_melanoma: "C51.9",
  lung: "C34.1",
  esophagus: "C15.4",
  renal_cell: "C64",
  metastasis: "C78.0",
};

const femaleOnly: Indication[] = ["cervix_adeno", "cervix_scc", "gyn_melanoma"];

const variantFields: Record<Variant, Record<string, unknown>> = {
  base: {},
  ecog_unknown: { "clinical.ecog": undefined },
  ecog_3: { "clinical.ecog": 3 },
  metastatic: {
    "diagnosis.distantMetastasisSites": 3,
    "diagnosis.tnm": { t: "T3", n: "N1", m: "M1", edition: "UICC8" },
  },
  child_pugh_c: { "diagnosis.childPugh": "C", "diagnosis.ascites": true },
  prior_rt: { "history.priorRadiotherapy": "same_site" },
};

// Minutes before now at which referrals in each final state were submitted: new ones are recent, closed ones old.
const ageRange: Record<string, [number, number]> = {
  triage: [0.1, 6],
  redirected: [3, 12],
  in_review: [2, 14],
  info_requested: [4, 18],
  accepted: [6, 22],
  consultation_scheduled: [10, 30],
  declined: [8, 30],
  withdrawn: [8, 35],
  closed: [26, 42],
};
const DAY = 1440;

const requestInfoNotes = {
  konyang: {
    note: "최근 3개월 이내 조직검사 병리 보고서와 영상 판독지를 첨부해 주십시오.",
    data: { documents: ["pathology_report", "imaging"] },
  },
  qst: {
    note: "直近3か月以内の病理報告書と画像診断報告書を添付してください。",
    data: { documents: ["pathology_report", "imaging"] },
  },
  ecog: {
    konyang: { note: "ECOG 수행 상태를 알려 주십시오.", data: { fields: ["clinical.ecog"] } },
    qst: { note: "ECOG PSをご記入ください。", data: { fields: ["clinical.ecog"] } },
  },
};

// What the QST coordinator notes for a patient who does not speak Japanese (QST offers no language support).
const interpreterNotes: Record<"ko" | "en", string> = {
  ko: "日本語を話されないため、ご家族が韓国語の医療通訳者を手配予定（確認済み）。",
  en: "日本語不可。英語の医療通訳者を患者側で手配予定。",
};

const places = {
  konyang:
    "건양대학교병원 본관 2층 방사선종양학과 외래 (대전 서구 관저동로 158) / Konyang University Hospital, Main Building 2F, Radiation Oncology clinic",
  qst: "QST病院 外来受付（千葉市稲毛区穴川4-9-1） / QST Hospital, outpatient reception (4-9-1 Anagawa, Inage-ku, Chiba)",
};

function pad(n: number, width: number) {
  return String(n).padStart(width, "0");
}

/** The date in Korea/Japan (UTC+9, no daylight saving) of an instant, as YYYY-MM-DD. */
export function dateInUtc9(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function buildPlan() {
  const random = prng(PLAN_SEED);
  const between = (min: number, max: number) => min + random() * (max - min);
  const int = (min: number, max: number) => Math.floor(between(min, max + 1));
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join("");

  const pools = { korean: [...koreans], japanese: [...japanese] };
  const take = (pool: Person[], sex: Sex | null) => {
    const at = sex ? pool.findIndex((p) => p.sex === sex) : 0;
    return pool.splice(Math.max(at, 0), 1)[0]!;
  };

  const referrals: PlannedReferral[] = [];
  const examples: { index: number; stage: PatientStage }[] = [];

  rows.forEach(([final, pathway, indication, variant, flavour], index) => {
    const japaneseName = pathway === "jp";
    const sex: Sex | null = indication === "prostate" ? "male" : femaleOnly.includes(indication) ? "female" : null;
    const person = take(japaneseName ? pools.japanese : pools.korean, sex);
    const birthDate = `${int(1942, 1978)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
    const patientLanguage = pathway === "jp" ? "ja" : pathway === "intl" ? "en" : "ko";
    const residence =
      pathway === "jp" || pathway === "kr_in_jp" ? "JP" : pathway === "intl" ? (index % 2 ? "US" : "SG") : "KR";
    const physician: "KR" | "JP" = pathway === "jp" || pathway === "kr_in_jp" ? "JP" : "KR";
    const redirectToQst = final === "redirected" && pathway === "kr";
    const crossBorder =
      pathway === "kr_qst" || pathway === "intl" || redirectToQst || (pathway === "kr" && index % 3 === 0);
    const site = pathway === "kr" ? "konyang" : "qst";
    const phone =
      residence === "JP"
        ? `+8190${digits(8)}`
        : residence === "KR"
          ? `+8210${digits(8)}`
          : residence === "US"
            ? `+1617${digits(7)}`
            : `+659${digits(7)}`;
    const hospitalId = physician === "KR" ? `CNUH-${digits(7)}` : `CUH-${digits(8)}`;
    const urgency = random() < 0.2 ? "urgent" : "routine";
    const canTravel = pathway !== "kr" || random() < 0.7;

    const caseData = (submittedAt: Date): ScreenCase => {
      const referredOn = dateInUtc9(submittedAt);
      const c = withFields(baseCase(indication), {
        patient: {
          familyName: person.family,
          givenName: person.given,
          familyNameLatin: person.familyLatin,
          givenNameLatin: person.givenLatin,
          ...(person.reading ? { nameReading: person.reading } : {}),
          birthDate,
          sex: person.sex,
          residenceCountry: residence,
          preferredLanguage: patientLanguage,
          phone,
          referringHospitalId: hospitalId,
          canTravelAbroad: canTravel,
        },
        preferences: { site: pathway === "kr_qst" ? "qst" : "none" },
        consent: {
          sensitiveData: true,
          crossBorder,
          informedOfDiagnosis: true,
          recordedAt: new Date(submittedAt.getTime() - 26 * 3_600_000).toISOString(),
        },
        referredOn,
        urgency,
        attachments: [],
        ...(icd10[indication] ? { "diagnosis.icd10": icd10[indication] } : {}),
        ...variantFields[variant],
      });
      if (variant === "prior_rt")
        c.history = {
          priorRadiotherapy: "same_site",
          priorRadiotherapyEndedOn: `${Number(referredOn.slice(0, 4)) - 1}-${referredOn.slice(5, 7)}-01`,
        };
      return c;
    };

    const [minAge, maxAge] = ageRange[final]!;
    const submittedMinutesAgo = Math.round(between(minAge, maxAge) * DAY);
    const steps = stepsFor(final, site, variant, flavour, random);
    // Spread the steps between submission and a little before now.
    const span = submittedMinutesAgo - 15;
    const weights = steps.map(() => between(0.6, 1.4));
    const total = weights.reduce((a, b) => a + b, 0) + between(0.1, 0.6);
    let clock = 0;
    for (const [i, step] of steps.entries()) {
      clock += Math.max(5, Math.round((weights[i]! / total) * span));
      step.at = clock;
    }
    const hasConsultation = final === "consultation_scheduled" || (final === "closed" && flavour !== "after_decline");
    const consultation = hasConsultation
      ? {
          inDays: final === "consultation_scheduled" ? int(4, 24) : null,
          time: ["09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "15:00"][int(0, 6)]!,
          interpreterNote: site === "qst" && patientLanguage !== "ja" ? interpreterNotes[patientLanguage] : null,
        }
      : undefined;
    referrals.push({
      index,
      pathway,
      site,
      final,
      caseData,
      physician,
      submittedMinutesAgo,
      steps,
      consultation,
      birthDate,
      patientLanguage,
    });
    if (flavour === "example") examples.push({ index, stage: patientStageOf(final)! });
  });

  const drafts: PlannedDraft[] = (["prostate", "hcc", "pancreas", "bone_soft_tissue"] as const).map((indication, i) => {
    const japaneseName = i % 2 === 1;
    const person = take(japaneseName ? pools.japanese : pools.korean, indication === "prostate" ? "male" : null);
    const birthDate = `${int(1945, 1975)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
    return {
      physician: japaneseName ? "JP" : "KR",
      createdMinutesAgo: Math.round(between(0.2, 9) * DAY),
      // A draft is work in progress: names, birth date and the indication so far, nothing sent, no code.
      caseData: (createdAt: Date) => ({
        patient: {
          familyName: person.family,
          givenName: person.given,
          familyNameLatin: person.familyLatin,
          givenNameLatin: person.givenLatin,
          ...(person.reading ? { nameReading: person.reading } : {}),
          birthDate,
          sex: person.sex,
          residenceCountry: japaneseName ? "JP" : "KR",
          preferredLanguage: japaneseName ? "ja" : "ko",
        },
        diagnosis: { indication },
        referredOn: dateInUtc9(createdAt),
        urgency: "routine",
      }),
    };
  });

  return { referrals, drafts, examples };
}

function stepsFor(
  final: ReferralStatus,
  site: "konyang" | "qst",
  variant: Variant,
  flavour: Row[4],
  random: () => number,
): PlannedStep[] {
  const step = (action: StepAction, by: PlannedStep["by"], extra: Partial<PlannedStep> = {}): PlannedStep => ({
    action,
    by,
    at: 0,
    ...extra,
  });
  const info =
    variant === "ecog_unknown"
      ? requestInfoNotes.ecog[site]
      : { note: requestInfoNotes[site].note, data: requestInfoNotes[site].data };
  const claimer = random() < 0.5 ? "coordinator" : "reviewer";
  const infoLoop =
    flavour === "info_loop" ? [step("request_info", "coordinator", info), step("answer_info", "physician")] : [];
  switch (final) {
    case "triage":
      return infoLoop;
    case "redirected": {
      // Konyang → QST for treatment on site; QST → Konyang for a Korean resident's work-up at home.
      const reasonCode = site === "konyang" ? "treatment_on_site" : "home_country_workup";
      const note =
        site === "konyang"
          ? "중입자 치료는 QST 병원에서 시행하므로 QST로 전달합니다."
          : "韓国在住のため、まず建陽大学校病院での精査をお願いします。";
      return flavour === "staff_first"
        ? [step("claim", claimer), step("redirect", "coordinator", { reasonCode, note })]
        : [step("redirect", "coordinator", { reasonCode, note })];
    }
    case "in_review":
      return [...infoLoop, step("claim", claimer)];
    case "info_requested":
      return flavour === "staff_first"
        ? [step("claim", claimer), step("request_info", "coordinator", info)]
        : [step("request_info", "coordinator", info)];
    case "accepted":
      return [step("claim", claimer), step("accept", "reviewer")];
    case "consultation_scheduled":
      return [step("claim", claimer), step("accept", "reviewer"), step("schedule", "coordinator")];
    case "declined":
      return [step("claim", "reviewer"), step("decline", "reviewer", declineReason(variant, site))];
    case "withdrawn": {
      const note =
        site === "konyang"
          ? "환자가 국내 다른 병원에서 치료받기로 결정하였습니다."
          : "患者さんが他院での治療を選択されました。";
      const reasonCode = random() < 0.5 ? "patient_decision" : "treated_elsewhere";
      return flavour === "staff_first"
        ? [step("claim", claimer), step("withdraw", "physician", { reasonCode, note })]
        : [step("withdraw", "physician", { reasonCode, note })];
    }
    case "closed":
      return flavour === "after_decline"
        ? [
            step("claim", "reviewer"),
            step("decline", "reviewer", declineReason(variant, site)),
            step("close", "coordinator"),
          ]
        : [
            step("claim", claimer),
            step("accept", "reviewer"),
            step("schedule", "coordinator"),
            step("close", "coordinator"),
          ];
    default:
      return [];
  }
}

function declineReason(variant: Variant, site: "konyang" | "qst"): Partial<PlannedStep> {
  const ko = site === "konyang";
  switch (variant) {
    case "metastatic":
      return {
        reasonCode: "outside_criteria",
        note: ko ? "다발성 원격 전이로 국소 치료의 이득이 없습니다." : "多発遠隔転移があり、局所治療の適応外です。",
      };
    case "child_pugh_c":
    case "ecog_3":
      return {
        reasonCode: "not_fit_for_treatment",
        note: ko ? "현재 전신 상태로는 치료를 견디기 어렵습니다." : "全身状態から治療の継続が困難と判断しました。",
      };
    case "prior_rt":
      return {
        reasonCode: "outside_criteria",
        note: ko ? "동일 부위 재조사로 위험이 큽니다." : "同一部位への再照射でリスクが高いと判断しました。",
      };
    default:
      return {
        reasonCode: "alternative_recommended",
        note: ko ? "수술적 절제가 가능하여 외과 진료를 권합니다." : "外科的切除が可能であり、外科受診を勧めます。",
      };
  }
}

const plan = buildPlan();

/** The submitted demo referrals, in plan order (index = position; the reference code follows the index). */
export const demoReferralPlan: readonly PlannedReferral[] = plan.referrals;
export const demoDraftPlan: readonly PlannedDraft[] = plan.drafts;

export const consultationPlaces = places;

/**
 * One demo referral per patient stage: its reference code and date of birth, and the stage the status page shows.
 * The same on every fresh demo database (README, start-up log, browser tests).
 */
export const demoStatusExamples: readonly {
  referenceCode: string;
  birthDate: string;
  stage: PatientStage;
  language: "ko" | "ja" | "en";
}[] = plan.examples.map(({ index, stage }) => ({
  referenceCode: demoReferenceCode(index),
  birthDate: plan.referrals[index]!.birthDate,
  stage,
  language: plan.referrals[index]!.patientLanguage,
}));

export { dateInUtc9 as demoDateInUtc9 };
