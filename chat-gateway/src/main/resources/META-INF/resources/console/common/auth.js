// OpenID Connect login for the agent console: authorization code flow with PKCE (S256) against a
// public client, done by hand (no keycloak-js). Tokens live in sessionStorage, so they die with
// the tab, and are refreshed before they expire.

const TOKENS_KEY = 'chatsuite.console.tokens';
const PENDING_LOGIN_KEY = 'chatsuite.console.login';
const REFRESH_MARGIN_MS = 30_000; // a token expiring sooner than this is refreshed before use
const RETRY_REFRESH_MS = 10_000; // after a network failure, try again this soon

function base64Url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The payload of a JWT, unverified: only used for display and expiry, never for trust decisions. */
export function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

export class AuthError extends Error {
  constructor(message, { code, sessionOver = false } = {}) {
    super(message);
    this.code = code;
    this.sessionOver = sessionOver; // true: the user must sign in again
  }
}

export class Auth extends EventTarget {
  /** Loads /console/config.json ({oidcUrl, clientId}) and the provider's discovery document. */
  static async create() {
    const response = await fetch(new URL('../config.json', import.meta.url), { cache: 'no-store' });
    if (!response.ok) throw new AuthError(`The console is not configured (config.json: HTTP ${response.status}).`);
    const config = await response.json();
    if (!config.oidcUrl || !config.clientId) throw new AuthError('config.json must hold oidcUrl and clientId.');
    return new Auth(config, await discover(config.oidcUrl));
  }

  constructor(config, endpoints) {
    super();
    this.config = config;
    this.endpoints = endpoints;
    // The console's own URL, without query or fragment: where the provider sends the user back.
    const here = new URL('./', location.href);
    this.redirectUri = here.origin + here.pathname;
    this.tokens = readTokens();
    this.refreshTimer = null;
    this.refreshing = null;
    document.addEventListener('visibilitychange', () => {
      // Timers of background tabs are throttled: catch up when the tab comes back.
      if (!document.hidden && this.tokens) this.fresh().catch(() => {});
    });
  }

  get accessToken() {
    return this.tokens?.accessToken ?? null;
  }

  /** Claims for display: the ID token's, falling back to the access token's. */
  get claims() {
    if (!this.tokens) return {};
    return { ...decodeJwt(this.tokens.accessToken), ...decodeJwt(this.tokens.idToken || '') };
  }

  /**
   * Finishes a login redirect if the URL carries one, else resumes the tokens of this tab.
   * Resolves true when signed in.
   */
  async init() {
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) {
      history.replaceState(null, '', this.redirectUri); // the code is single-use: get it out of sight
      await this.completeLogin(params);
    }
    if (!this.tokens) return false;
    try {
      await this.fresh();
    } catch (error) {
      if (error.sessionOver) return false;
      // Provider unreachable but the access token may still be valid: carry on.
      if (Date.now() >= this.tokens.expiresAt) return false;
    }
    this.scheduleRefresh();
    return true;
  }

  async login() {
    if (!crypto.subtle) throw new AuthError('Signing in needs a secure page (https, or http://localhost).');
    const verifier = randomString(48);
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = randomString(16);
    const nonce = randomString(16);
    sessionStorage.setItem(PENDING_LOGIN_KEY, JSON.stringify({ state, nonce, verifier }));
    const url = new URL(this.endpoints.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      response_mode: 'query',
      client_id: this.config.clientId,
      redirect_uri: this.redirectUri,
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    location.assign(url.href);
  }

  async completeLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_LOGIN_KEY) || 'null');
    sessionStorage.removeItem(PENDING_LOGIN_KEY);
    if (params.has('error')) {
      throw new AuthError(params.get('error_description') || params.get('error'), { code: params.get('error') });
    }
    if (!pending || pending.state !== params.get('state')) {
      // Not the login this tab started (replayed or forged redirect): refuse it.
      throw new AuthError('The sign-in response did not match this tab. Please sign in again.');
    }
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: this.redirectUri,
      client_id: this.config.clientId,
      code_verifier: pending.verifier,
    });
    if (tokens.idToken && decodeJwt(tokens.idToken).nonce !== pending.nonce) {
      throw new AuthError('The sign-in response was not for this login. Please sign in again.');
    }
    this.setTokens(tokens);
  }

  /** Returns a valid access token, refreshing first if it is about to expire. */
  async fresh({ force = false } = {}) {
    if (!this.tokens) throw new AuthError('Not signed in.', { sessionOver: true });
    const { issuedAt, expiresAt } = this.tokens;
    // Short-lived tokens (a realm may issue 1-minute ones) would otherwise always look "about to expire".
    const margin = Math.min(REFRESH_MARGIN_MS, (expiresAt - issuedAt) / 4);
    if (!force && expiresAt - Date.now() > margin) return this.tokens.accessToken;
    await this.refresh();
    return this.tokens.accessToken;
  }

  /** One refresh at a time: concurrent callers share it. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  async doRefresh() {
    if (!this.tokens?.refreshToken) throw this.sessionOver('No refresh token.');
    try {
      const tokens = await this.tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: this.tokens.refreshToken,
        client_id: this.config.clientId,
      });
      // Providers may omit a new ID token or refresh token on refresh: keep the old ones then.
      this.setTokens({ ...tokens, idToken: tokens.idToken || this.tokens.idToken, refreshToken: tokens.refreshToken || this.tokens.refreshToken });
    } catch (error) {
      if (error.code === 'invalid_grant') throw this.sessionOver(error.message);
      throw error;
    }
  }

  sessionOver(message) {
    this.clear();
    this.dispatchEvent(new Event('session-over'));
    return new AuthError(message, { sessionOver: true });
  }

  scheduleRefresh() {
    clearTimeout(this.refreshTimer);
    if (!this.tokens) return;
    const { issuedAt, expiresAt } = this.tokens;
    // At 75% of the lifetime: well before expiry, whatever lifetime the realm configures.
    const at = issuedAt + (expiresAt - issuedAt) * 0.75;
    this.refreshTimer = setTimeout(async () => {
      try {
        await this.refresh();
      } catch (error) {
        if (!error.sessionOver) this.refreshTimer = setTimeout(() => this.scheduleRefresh(), RETRY_REFRESH_MS);
      }
    }, Math.max(1_000, at - Date.now()));
  }

  async tokenRequest(form) {
    let response;
    try {
      response = await fetch(this.endpoints.token_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      });
    } catch {
      throw new AuthError('The sign-in server cannot be reached.');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new AuthError(body.error_description || body.error || `Token request failed (HTTP ${response.status}).`, { code: body.error });
    }
    const now = Date.now();
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      idToken: body.id_token,
      issuedAt: now,
      expiresAt: now + (Number(body.expires_in) || 300) * 1000,
    };
  }

  setTokens(tokens) {
    this.tokens = tokens;
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    this.scheduleRefresh();
    this.dispatchEvent(new Event('tokens'));
  }

  clear() {
    clearTimeout(this.refreshTimer);
    this.tokens = null;
    sessionStorage.removeItem(TOKENS_KEY);
  }

  /** Ends the provider session too, then comes back to the console's sign-in screen. */
  logout() {
    const idToken = this.tokens?.idToken;
    this.clear();
    const endpoint = this.endpoints.end_session_endpoint;
    if (!endpoint) {
      location.assign(this.redirectUri);
      return;
    }
    const url = new URL(endpoint);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('post_logout_redirect_uri', this.redirectUri);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    location.assign(url.href);
  }
}

function readTokens() {
  try {
    const tokens = JSON.parse(sessionStorage.getItem(TOKENS_KEY) || 'null');
    return tokens?.accessToken ? tokens : null;
  } catch {
    return null;
  }
}

/** The discovery document; if unreachable, Keycloak's well-known endpoint layout. */
async function discover(oidcUrl) {
  const issuer = oidcUrl.replace(/\/+$/, '');
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (response.ok) {
      const doc = await response.json();
      if (doc.authorization_endpoint && doc.token_endpoint) return doc;
    }
  } catch {
    // fall through
  }
  console.warn('[console] OIDC discovery failed; assuming Keycloak endpoints under', issuer);
  return {
    authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
  };
}
