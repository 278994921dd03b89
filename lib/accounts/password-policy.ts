export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "qwerty", "qwertyuiop",
  "1234567890", "12345678910", "0123456789", "iloveyou", "letmein123", "welcome123", "administrator",
  "abc1234567", "qwerty1234", "1q2w3e4r5t", "changeme123", "trustno1234", "football123", "baseball123",
]);

/** What is wrong with a password, in words a person can act on; null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const requirement = `Password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long and not a common or guessable password.`;
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return requirement;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return requirement;
  if (new Set(lower).size < 4) return requirement;
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) return `${requirement} It must not contain your email address.`;
  return null;
}
