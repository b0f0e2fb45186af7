/** A submitted form field as trimmed text; '' when absent or not text (a file upload, say). */
export function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}
