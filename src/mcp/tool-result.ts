/** The text of a tool error: what went wrong, then what to try, for the model to act on. */
export function toolErrorText(error: { message: string; hint?: string }): string {
  return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message;
}
