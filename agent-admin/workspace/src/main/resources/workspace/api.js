// Calls Parley's REST API from the workspace: JSON in and out, the session's CSRF token on every change, and
// RFC 9457 problem details turned into an ApiError that names the field at fault.

/** A refused or failed request, with the problem details the server sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
    this.field = problem.field || null;
  }
}

let csrfToken = null;

/** Remembers the CSRF token of the signed-in session (null after signing out). */
export function useCsrfToken(token) {
  csrfToken = token;
}

/**
 * Sends a request to /api/v1 and answers the parsed JSON body (null for 204).
 * @param {string} method
 * @param {string} path relative to /api/v1, starting with '/'
 * @param {object|Blob|undefined} body JSON-serialisable object, or a Blob sent as is with its type
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let payload;
  if (body instanceof Blob) {
    headers['Content-Type'] = body.type || 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (networkError) {
    throw new ApiError(0, { title: 'Parley cannot be reached', detail: 'Parley cannot be reached. Check the connection and try again.' });
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data || { title: response.statusText, status: response.status });
  }
  return data;
}

/** A sentence for the user about an error from api(). */
export function problemText(error) {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.message || 'Too many attempts. Wait a few minutes and try again.';
    }
    return error.message;
  }
  return 'Something went wrong: ' + (error && error.message ? error.message : String(error));
}
