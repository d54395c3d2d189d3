// Types for xhr2 (no published typings): the XMLHttpRequest class DirectLineJS needs in Node.
declare module 'xhr2' {
  const XMLHttpRequest: new () => unknown;
  export default XMLHttpRequest;
}
