/**
 * The Date header from the platform's clock (browsers judge cookie expiry against it), formatted
 * once per second of that clock: the hot answers (a cached page, the entraide 303) send it
 * thousands of times a second.
 */
export function httpDateOf(now: () => Date): () => string {
  let second = Number.NaN;
  let text = "";
  return () => {
    const at = now();
    const s = Math.floor(at.getTime() / 1000);
    if (s !== second) {
      second = s;
      text = at.toUTCString();
    }
    return text;
  };
}
