// Where sign-in sends the user afterwards: only a path of the same origin, never another site
// (open redirects, issue 12). Anything doubtful falls back to the app's home.

/** `redirectTo` when it is a same-origin path (with its query and hash), else `fallback`. */
export function safeRedirectTarget(
  redirectTo: string | null,
  origin: string,
  fallback = '/',
): string {
  if (redirectTo?.startsWith('/') !== true) return fallback;
  // "//host" and "/\host" are read by browsers as another host; control characters never belong.
  const controlOrBackslash = Array.from(redirectTo).some(
    (character) => character === '\\' || character.charCodeAt(0) < 0x20,
  );
  if (redirectTo.startsWith('//') || controlOrBackslash) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(redirectTo, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== new URL(origin).origin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
