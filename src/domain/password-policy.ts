/**
 * The password policy of the system's accounts. Every problem comes back as a Chinese sentence the user reads
 * next to the field; an empty list means the password is acceptable.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** How many of the four character classes (lower case, upper case, digits, other characters) it must mix. */
  minClasses: number;
  /** Passwords refused outright (the published demo password in production). */
  forbidden: readonly string[];
}

export const PASSWORD_POLICY: PasswordPolicy = { minLength: 10, maxLength: 128, minClasses: 3, forbidden: [] };

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export function passwordProblems(password: string, login: string, policy: PasswordPolicy = PASSWORD_POLICY): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码至少${policy.minLength}个字符。`);
  if (length > policy.maxLength) problems.push(`密码不超过${policy.maxLength}个字符。`);
  const classes = CLASSES.filter((c) => c.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push(`密码应至少包含小写字母、大写字母、数字、其他符号中的${policy.minClasses}类。`);
  }
  const lower = password.toLowerCase();
  if (login && lower.includes(login.toLowerCase())) problems.push('密码不能包含用户名。');
  if (policy.forbidden.some((f) => f === password)) problems.push('不能使用公开的演示密码。');
  return problems;
}
