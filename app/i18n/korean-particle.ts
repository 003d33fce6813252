// Korean particles chosen from the word they follow ("의뢰 KQ-…-RA389가", "QST 병원으로"), instead of the
// machine-made "이(가)", "을(를)", "(으)로". Used by every translation through an i18next format:
// "{{code, josa(이/가)}}" in locales/ko writes the code followed by the right particle. Runs on the server (mail,
// pages) and in the browser alike.
import type { i18n as I18n } from "i18next";
import { josa } from "es-hangul";

export const particleOptions = ["이/가", "을/를", "은/는", "으로/로", "와/과", "이나/나", "이랑/랑"] as const;
export type ParticleOption = (typeof particleOptions)[number];

// es-hangul reads Hangul only: a reference code ends in a digit or a Latin letter, which Koreans read aloud as a
// Hangul word ("3" 삼, "L" 엘, "M" 엠). The particle follows that reading.
const digitReadings = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
const letterReadings: Record<string, string> = {
  A: "에이",
  B: "비",
  C: "씨",
  D: "디",
  E: "이",
  F: "에프",
  G: "지",
  H: "에이치",
  I: "아이",
  J: "제이",
  K: "케이",
  L: "엘",
  M: "엠",
  N: "엔",
  O: "오",
  P: "피",
  Q: "큐",
  R: "알",
  S: "에스",
  T: "티",
  U: "유",
  V: "브이",
  W: "더블유",
  X: "엑스",
  Y: "와이",
  Z: "제트",
};

/** The Hangul a word's last sounding character is read as (closing brackets, quotes and dots are silent). */
function lastSound(word: string): string {
  const last = /([0-9A-Za-z\uAC00-\uD7A3])[^0-9A-Za-z\uAC00-\uD7A3]*$/u.exec(word.normalize("NFKC"))?.[1];
  if (!last) return word;
  if (/[0-9]/.test(last)) return digitReadings[Number(last)]!;
  if (/[A-Za-z]/.test(last)) return letterReadings[last.toUpperCase()]!;
  return last;
}

/** The word followed by the particle its sound takes. */
export function withParticle(word: string, option: ParticleOption): string {
  return `${word}${josa.pick(lastSound(word), option)}`;
}

function isParticleOption(value: string): value is ParticleOption {
  return (particleOptions as readonly string[]).includes(value);
}

/** Adds the `josa(…)` format to an i18next instance (after init). */
export function addParticleFormat(instance: I18n) {
  instance.services.formatter?.add(
    "josa",
    (value: unknown, _lng: string | undefined, options: Record<string, unknown>) => {
      const option = Object.keys(options ?? {}).find(isParticleOption);
      return option ? withParticle(String(value ?? ""), option) : String(value ?? "");
    },
  );
}
