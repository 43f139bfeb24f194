// Sign-in over plain HTTP: the sign-in page is static SSR (an EditForm posting with an antiforgery token).

export class CookieJar {
  constructor() { this.cookies = new Map(); }

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.substring(0, at).trim();
      const value = pair.substring(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

export async function get(base, path, jar) {
  const response = await fetch(new URL(path.replace(/^\//, ''), base), { headers: { Cookie: jar.header() }, redirect: 'manual' });
  jar.store(response);
  return response;
}

/** Signs in through /account/login and returns the cookie jar holding the authentication cookie. */
export async function signIn(base, email, password) {
  const jar = new CookieJar();
  const page = await get(base, '/account/login', jar);
  const html = await page.text();
  const token = /name="__RequestVerificationToken" value="([^"]+)"/.exec(html)?.[1];
  const handler = /name="_handler" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
  if (!token) throw new Error('No antiforgery token on the sign-in page');
  const form = new URLSearchParams({ _handler: handler, __RequestVerificationToken: token, 'Input.Email': email, 'Input.Password': password });
  const response = await fetch(new URL('account/login', base), {
    method: 'POST',
    headers: { Cookie: jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  jar.store(response);
  await response.arrayBuffer();
  if (response.status !== 302 || /account\/login/i.test(response.headers.get('location') ?? '')) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}, location ${response.headers.get('location')})`);
  }
  return jar;
}

/** The prerendered page's interactive server root components and the persisted state, as blazor.web.js discovers them. */
export function discoverServerComponents(html) {
  const markers = [];
  for (const match of html.matchAll(/<!--Blazor:(\{.*?\})-->/gs)) {
    const marker = JSON.parse(match[1]);
    if (marker.type === 'server' && marker.descriptor) markers.push(marker);
  }
  const state = /<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->/.exec(html)?.[1] ?? '';
  return { markers, state };
}
