/**
 * The password rules the identity service enforces, checked early as a convenience: 10–128
 * characters and at least three of lower case, upper case, digits and symbols. The server also
 * refuses common passwords and ones containing the phone or username; its message then shows
 * next to the field.
 */
export type PasswordProblem = 'too-short' | 'too-long' | 'too-simple';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  return classes < 3 ? 'too-simple' : null;
}
