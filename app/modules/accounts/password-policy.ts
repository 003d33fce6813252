// NOTE: NIST SP 800-63B §3.1.1.2 (https://pages.nist.gov/800-63-4/sp800-63b.html): a length minimum, no composition
// rules, and a check against known-compromised and context-specific words instead. Shorter passwords fail the
// length rule first, so the list holds only common ones of 12 characters or more.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set(
  [
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789123",
    "123123123123",
    "111111111111",
    "000000000000",
    "qwertyuiop12",
    "qwertyuiop123",
    "qwertyuiopas",
    "qwerty123456",
    "1q2w3e4r5t6y",
    "1qaz2wsx3edc",
    "q1w2e3r4t5y6",
    "zaq12wsxcde3",
    "qazwsxedcrfv",
    "asdfghjkl123",
    "1234qwerasdf",
    "qwer1234asdf",
    "asdf1234qwer",
    "abcdefghijkl",
    "abc123456789",
    "abcd12345678",
    "passwordpassword",
    "password1234",
    "password12345",
    "password123!",
    "p@ssw0rd1234",
    "p@ssword1234",
    "iloveyou1234",
    "welcome12345",
    "welcome@1234",
    "letmein12345",
    "changeme1234",
    "administrator",
    "sunshine1234",
    "football1234",
    "baseball1234",
    "princess1234",
    "dragon123456",
    "trustno1trustno1",
    "superman1234",
    "sarang123456",
    "saranghae123",
    "hospital1234",
    "doctor123456",
    "medical12345",
    "konyang12345",
    "carbon-ion-demo",
  ].map((p) => p.toLowerCase()),
);

/** The form a password is hashed and compared in: NFKC, so a full-width "ｐａｓｓ" typed with an IME is "pass". */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/** A very common password, or one character repeated. */
export function isCommonPassword(password: string): boolean {
  const normal = normalizePassword(password).toLowerCase();
  return common.has(normal) || new Set(normal).size === 1;
}

/** The password is the email address, or its part before the "@". */
export function isEmailLike(password: string, email: string): boolean {
  const normal = normalizePassword(password).toLowerCase();
  const address = email.normalize("NFKC").toLowerCase();
  return normal === address || normal === address.split("@")[0];
}
