/**
 * Why a base URL fails the manifest's pattern, in words that say what to do. The pattern decides;
 * this only explains (http to a remote host, /api in the path, spaces, credentials in the URL).
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The specific problem with `value`, or undefined when there is nothing more specific to say. */
export function diagnoseBaseUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (/\s/.test(value)) return "must not contain spaces: remove them (copy-paste often adds some)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a URL such as https://pim.example.com";
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    return "must use https:// (http:// is only allowed for localhost, 127.0.0.1 and [::1])";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https://";
  if (url.username || url.password) return "must not contain a username or password: put them in the credential fields";
  if (url.pathname.split("/").includes("api")) {
    return "must not include /api: enter the address you open the PIM at, e.g. https://pim.example.com";
  }
  if (url.search || url.hash) return "must not have a query (?…) or fragment (#…)";
  return undefined;
}
