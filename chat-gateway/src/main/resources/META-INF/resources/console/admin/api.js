// REST client of the admin pages: bearer token from auth.js, problem details turned into ApiError,
// ETag/If-Match for optimistic locking.

export class ApiError extends Error {
  /** problem: RFC 9457 body ({title, status, detail, errors:[{field, message}]}) or a synthetic one. */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export class Api {
  constructor(auth) {
    this.auth = auth;
  }

  url(path, query) {
    // The admin page lives under /console/; the APIs are under /api/ on the same edge.
    const url = new URL(`../api/${path}`, location.href);
    for (const [key, value] of Object.entries(query || {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
    }
    return url.href;
  }

  /** Resolves {status, data, etag}; rejects with ApiError for any non-2xx answer. */
  async request(method, path, { body, query, ifMatch } = {}) {
    const headers = { Accept: 'application/json, application/problem+json' };
    headers.Authorization = `Bearer ${await this.auth.fresh()}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    let response;
    try {
      response = await fetch(this.url(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, { title: 'Network error', detail: 'The server cannot be reached. Check your connection and try again.' });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { detail: text.slice(0, 300) };
      }
    }
    if (!response.ok) throw new ApiError(response.status, data || { title: response.statusText || `HTTP ${response.status}` });
    return { status: response.status, data, etag: response.headers.get('ETag') };
  }

  listCampaigns(query) {
    return this.request('GET', 'campaigns', { query });
  }

  getCampaign(id) {
    return this.request('GET', `campaigns/${encodeURIComponent(id)}`);
  }

  createCampaign(campaign) {
    return this.request('POST', 'campaigns', { body: campaign });
  }

  updateCampaign(id, campaign, etag) {
    return this.request('PUT', `campaigns/${encodeURIComponent(id)}`, { body: campaign, ifMatch: etag });
  }

  deleteCampaign(id) {
    return this.request('DELETE', `campaigns/${encodeURIComponent(id)}`);
  }

  previewMessage(request) {
    return this.request('POST', 'campaigns/messages/preview', { body: request });
  }

  listAgentProfiles(query) {
    return this.request('GET', 'agent-profiles', { query });
  }

  getAgentProfile(agentId) {
    return this.request('GET', `agent-profiles/${encodeURIComponent(agentId)}`);
  }

  /** profile: {displayName, capacity, securityGroups}; etag only when replacing an existing one. */
  putAgentProfile(agentId, profile, etag) {
    return this.request('PUT', `agent-profiles/${encodeURIComponent(agentId)}`, { body: profile, ifMatch: etag });
  }
}

/** `"3"` for version 3: what If-Match expects when no ETag header was seen. */
export function etagOf(version) {
  return `"${version}"`;
}
