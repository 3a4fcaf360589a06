import { z } from "zod";
import { checkbox, email, optionalChoice, optionalText, text } from "../../http/forms.js";
import { MIN_PASSWORD_LENGTH } from "../../identity/passwords.js";
import { LOCALES } from "../../i18n/locales.js";

const password = () =>
  z.string({ error: "form.error.required" }).min(MIN_PASSWORD_LENGTH, "form.error.password_short").max(200);

export const LoginSchema = z.object({
  email: email(),
  password: z.string({ error: "form.error.required" }).min(1).max(200),
  next: z.string().max(500).optional(),
});

export const SignupSchema = z
  .object({
    name: text(100),
    email: email(),
    password: password(),
    confirm: z.string().max(200),
    next: z.string().max(500).optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "signup.error.mismatch" });

export const ForgotSchema = z.object({ email: email() });

/** "Send me a sign-in link" (the sign-in form's second button: the password, if typed, is ignored). */
export const LinkRequestSchema = z.object({ email: email(), next: z.string().max(500).optional() });

export const ResetSchema = z
  .object({ password: password(), confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "signup.error.mismatch" });

export const ProfileSchema = z.object({
  name: text(100),
  // Empty: the platform's default language.
  locale: z.union([z.enum(LOCALES), z.literal("")]).default(""),
});

export const ChangePasswordSchema = z
  .object({ current: z.string().min(1).max(200), password: password(), confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "signup.error.mismatch" });

export const AdminCreatePersonSchema = z.object({
  name: text(100),
  email: email(),
  member_id: optionalText(64),
  role: optionalChoice(["member", "admin"]),
  is_platform_admin: checkbox(),
});

/**
 * Only same-site paths are accepted as a "next" destination: no open redirect. Browsers drop tabs
 * and line breaks from URLs (so "/\t/evil.example" would become "//evil.example") and read "\\" as
 * "/": any control character, space or backslash is refused.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return fallback;
  if (/[\p{Cc}\s\\]/u.test(next)) return fallback;
  return next;
}
