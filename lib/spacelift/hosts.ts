/**
 * Where the content script runs. `*.app.spacelift.io` also matches bare
 * `app.spacelift.io`. `*.spacelift.localhost` is the local sandbox: browsers
 * resolve every `*.localhost` name to the loopback address, so the sandbox gets
 * its own host name and the extension never touches the user's other localhost apps.
 */
export const SPACELIFT_MATCHES = ['https://*.app.spacelift.io/*', 'http://*.spacelift.localhost/*'];
