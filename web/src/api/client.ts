import { ApiError } from '../lib/api-errors';

const TOKEN_KEY = 'tongban.token';

export const tokenStore = {
  get: () => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Fired when the API no longer knows the token (expired, logged out elsewhere, account disabled). */
export const LOGGED_OUT_EVENT = 'tongban:logged-out';

function headers(json: boolean): Record<string, string> {
  const token = tokenStore.get();
  return { ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

async function send(method: string, path: string, body?: unknown, contentType?: string): Promise<Response> {
  let response: Response;
  // A FormData body sets its own multipart content type, with the boundary.
  const raw = contentType !== undefined || body instanceof FormData;
  try {
    response = await fetch(path, {
      method,
      headers: { ...headers(body !== undefined && !raw), ...(contentType ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : raw ? (body as string | FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.ok) return response;
  const answer = await response.json().catch(() => null);
  if (response.status === 401 && tokenStore.get()) {
    tokenStore.clear();
    window.dispatchEvent(new Event(LOGGED_OUT_EVENT));
  }
  throw new ApiError(response.status, answer);
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => json<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => json<T>('PUT', path, body),
  delete: <T = void>(path: string) => json<T>('DELETE', path),
  text: async (path: string) => (await send('GET', path)).text(),
  /** A designer's BPMN upload: the file itself is the body. */
  /** A file as multipart/form-data in the field `file` (a matter's blank form). */
  putFile: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return json<T>('PUT', path, form);
  },
  postXml: async <T>(path: string, xml: string) => (await send('POST', path, xml, 'application/xml')).json() as Promise<T>,
};

/** The file name the server gave in Content-Disposition (RFC 5987 filename* first, for Chinese names). */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads with the bearer token, which a plain link cannot carry, and saves under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A blob URL for showing a file in the page (PDF, image), for whoever holds the token. */
export async function blobUrl(path: string): Promise<{ url: string; type: string }> {
  const blob = await (await send('GET', path)).blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}
