import { COMMON_PASSWORDS_TOP_10000 } from './common-passwords.js';

/**
 * The rules an applicant's password must meet (there are no default passwords: each person chooses their own):
 * 10–128 characters, at least three of the four kinds (lower-case letters, capitals, digits, other characters),
 * not a commonly used password, and not containing the login name.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/**
 * Passwords common among Chinese users that meet the length and character rules, and so would otherwise pass
 * (the SecLists list is mostly shorter or simpler passwords). Written for this project from the patterns that
 * lists of leaked passwords show again and again: keyboard walks, 我爱你 (woaini) with 1314 / 520, Aa + digits.
 */
const COMMON_IN_CHINA = [
  'Aa123456789', 'Aa1234567890', 'Aa12345678', 'Aa123456..', 'Aa123456!!', 'Aa@123456789', 'Abc123456789', 'Abc@1234567', 'Abcd@123456', 'Abcd1234567',
  'Admin@12345', 'Admin@123456', 'Admin123456', 'Administrator1', 'P@ssw0rd123', 'P@ssword123', 'Passw0rd!23', 'Password@123', 'Password123!',
  'Qwer1234!@#$', 'Qwer@123456', 'Qwerty@12345', 'Qwerty123456', 'Qaz123456789', '1qaz@WSX3edc', '1qaz2wsx#EDC', '1qaz!QAZ2wsx', '1QAZ2wsx3edc',
  'Zxcvbnm123!', 'Zxcvbnm@123', 'Asdfghjkl123', 'Asdf@1234567', 'Woaini1314', 'Woaini5201314', 'woaini1314!', 'Woaini520!', 'Iloveyou1314',
  'Wang123456', 'Zhang123456', 'Li123456789', 'Liu123456789', 'Chen123456', 'Huawei@123', 'Huawei12345', 'Tongban@123', 'Tongban2026',
  'Welcome@123', 'Welcome123!', 'China@12345', 'China123456', 'Beijing@123', 'Test@123456', 'Root@123456', 'Changeme123!',
];

const COMMON = new Set([...COMMON_PASSWORDS_TOP_10000, ...COMMON_IN_CHINA].map((p) => p.toLowerCase()));

/** Whether the password is on the list of common passwords, ignoring case ("PassWord123" is "password123"). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** How many of the four kinds of character the password uses. */
export function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((kind) => kind.test(password)).length;
}

export const PASSWORD_RULES = {
  length: `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long`,
  classes: `must use at least ${PASSWORD_MIN_CLASSES} of these 4 kinds of character: lower-case letters, capital letters, digits, other characters (such as - ! @ #)`,
  common: 'is one of the most commonly used passwords and is easily guessed: choose another',
  username: 'must not contain the username',
} as const;

/** What is wrong with a password, each problem a sentence starting after the field's name; empty when it is good. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_RULES.length);
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) problems.push(PASSWORD_RULES.classes);
  if (isCommonPassword(password)) problems.push(PASSWORD_RULES.common);
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push(PASSWORD_RULES.username);
  return problems;
}
