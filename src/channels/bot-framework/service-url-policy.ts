// Which serviceUrls the bot may send to: any when Bot Framework authentication vouches for them, else loopback only.

const LOOPBACK_HOSTNAMES = new Set(['localhost', '[::1]']);
const IPV4_LOOPBACK = /^127(?:\.\d{1,3}){3}$/;

/** True for an http(s) URL whose host is a loopback name or address, with no credentials in it. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return LOOPBACK_HOSTNAMES.has(host) || IPV4_LOOPBACK.test(host);
}

/**
 * Decides whether the bot may send to `serviceUrl`. With Bot Framework authentication on, the
 * channel's signed token names the serviceUrl (botbuilder checks the claim), so any is allowed;
 * without it, only loopback, in every delivery mode, so the bot can never be used as an open relay.
 */
export function serviceUrlPolicy(authenticated: boolean): (serviceUrl: unknown) => boolean {
  return authenticated ? (serviceUrl) => typeof serviceUrl === 'string' && serviceUrl.length > 0 : isLoopbackUrl;
}
