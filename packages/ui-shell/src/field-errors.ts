// A form's zod errors as Chinese messages per field, for the form field component.
import { z } from 'zod';

z.config(z.locales.zhCN());

export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** Chinese messages of `error` keyed by the field's top-level name ('' for the whole form). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** The form data's text fields validated by `schema`: the value, or Chinese errors per field. */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  form: FormData,
):
  | { readonly ok: true; readonly value: z.output<Schema> }
  | { readonly ok: false; readonly errors: FieldErrors; readonly values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error), values };
}
