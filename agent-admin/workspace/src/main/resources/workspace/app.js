// The workspace shell: finds the page for the address, checks the session, draws the header with navigation,
// presence switch and account menu, keeps the live directory events flowing, and hands the page its context.
import { html, render, nothing } from './vendor/lit-html/lit-html.js';
import { api, ApiError, useCsrfToken, problemText } from './api.js';
import * as ui from './ui.js';

const { avatar, notify } = ui;

const PUBLIC_PAGES = {
  '/signin': () => import('./pages/signin.js'),
  '/setup': () => import('./pages/setup.js'),
  '/invitation': () => import('./pages/invitation.js'),
};

const pages = JSON.parse(document.getElementById('parley-pages').textContent);
const root = document.getElementById('parley-app');
root.textContent = ''; // lit-html renders after what is there: drop the "Loading…" line first
let session = null;
let events = null;
let renderedPath = null;

/**
 * What every page receives, whichever bundle serves it (see WorkspacePage): pages of other bundles use these instead
 * of importing the workspace's own modules, which are not part of its interface.
 */
const context = {
  html,
  render,
  nothing,
  api,
  problemText,
  /** Dialogs, form fields, notices, avatars and badges (ui.js). */
  ui,
  navigate,
  get session() { return session; },
  /** Replaces the signed-in agent (after editing oneself) and redraws the header. */
  setSelf(agent) {
    if (session) {
      session = { ...session, agent };
      drawHeader();
    }
  },
  /** Starts a session after signing in, setting up or accepting an invitation. */
  signedIn(newSession) {
    session = newSession;
    useCsrfToken(newSession.csrfToken);
  },
};

/** The context a page gets: `session` stays live (read through the getter), `main` is the page's own element. */
function pageContext(main) {
  return Object.create(context, { main: { value: main, enumerable: true } });
}

function normalize(path) {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Goes to a workspace address without reloading the page. */
export function navigate(target, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  show();
}

async function currentSession() {
  try {
    const loaded = await api('GET', '/session');
    useCsrfToken(loaded.csrfToken);
    return loaded;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      useCsrfToken(null);
      return null;
    }
    throw e;
  }
}

async function show() {
  const path = normalize(location.pathname);
  const publicPage = PUBLIC_PAGES[path];
  try {
    if (publicPage) {
      closeEvents();
      renderedPath = path;
      render(html`<main id="parley-main" class="public-page"></main>`, root);
      const module = await publicPage();
      await module.render(pageContext(freshMain('public-page')));
      return;
    }
    session = await currentSession();
    if (!session) {
      closeEvents();
      const next = path === '/' ? '' : '?next=' + encodeURIComponent(path + location.search);
      navigate('/signin' + next, { replace: true });
      return;
    }
    const visible = visiblePages();
    if (path === '/') {
      navigate(visible.length ? visible[0].path : '/profile', { replace: true });
      return;
    }
    renderedPath = path;
    drawFrame();
    openEvents();
    const main = freshMain('workspace-main');
    const page = visible.find((p) => p.path === path);
    if (!page) {
      const exists = pages.some((p) => p.path === path);
      render(html`<section class="page"><h1>${exists ? 'Not available' : 'Page not found'}</h1>
        <p>${exists ? 'Your access level does not include this page.' : 'There is no page at this address.'}</p>
        <p><a href="/" @click=${link}>Back to the workspace</a></p></section>`, main);
      return;
    }
    document.title = page.title + ' · Parley';
    const module = await import(page.module);
    await module.render(pageContext(main));
  } catch (e) {
    // Inside the frame when there is one, so the navigation stays usable.
    const target = document.getElementById('parley-main') || root;
    render(html`<section class="page"><h1>Parley could not load this page</h1>
      <p class="form-error" role="alert">${problemText(e)}</p>
      <p><button @click=${() => show()}>Try again</button></p></section>`, target);
  }
}

/**
 * A new, empty element for the page, in place of the previous page's: a page that still holds its old element (a
 * late answer, a live event) sees `main.isConnected` false and stops drawing.
 */
function freshMain(className) {
  const main = document.createElement('main');
  main.id = 'parley-main';
  main.className = className;
  document.getElementById('parley-main').replaceWith(main);
  return main;
}

function visiblePages() {
  return pages.filter((p) => p.access.includes(session.agent.accessLevel));
}

/** Follows a workspace link without a reload. */
function link(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href'));
}

function drawFrame() {
  render(html`<header id="parley-header" class="workspace-header"></header><main id="parley-main" class="workspace-main"></main>`, root);
  drawHeader();
}

function drawHeader() {
  const header = document.getElementById('parley-header');
  if (!header || !session) return;
  const me = session.agent;
  const online = me.status === 'ONLINE';
  render(html`
    <a class="brand" href="/" @click=${link}>Parley</a>
    <nav aria-label="Workspace">
      ${visiblePages().map((p) => html`<a href=${p.path} @click=${link}
        aria-current=${p.path === renderedPath ? 'page' : 'false'}>${p.title}</a>`)}
    </nav>
    <div class="header-right">
      <button class="presence ${online ? 'on' : 'off'}" role="switch" aria-checked=${online ? 'true' : 'false'}
        title=${me.active ? 'Online agents receive chats' : 'Inactive agents do not chat; ask an administrator to activate you'}
        ?disabled=${!me.active && !online} @click=${togglePresence}>
        <span class="dot"></span>${online ? 'Online' : 'Offline'}
      </button>
      <details class="menu account">
        <summary aria-label="Account">${avatar(me)}<span class="account-name">${me.displayName}</span></summary>
        <div class="menu-items" role="menu">
          <a role="menuitem" href="/profile" @click=${(e) => { closeMenus(); link(e); }}>Profile</a>
          <button role="menuitem" @click=${signOut}>Sign out</button>
        </div>
      </details>
    </div>`, header);
}

async function togglePresence() {
  const me = session.agent;
  const status = me.status === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
  try {
    const updated = await api('PUT', `/agents/${encodeURIComponent(me.id)}/presence`, { status });
    context.setSelf(updated && updated.id ? updated : { ...me, status });
  } catch (e) {
    notify(problemText(e), 'error');
  }
}

async function signOut() {
  closeMenus();
  try {
    await api('DELETE', '/session');
  } catch (e) {
    // Signed out already, or the server is gone: the sign-in page is right either way.
  }
  session = null;
  useCsrfToken(null);
  closeEvents();
  navigate('/signin', { replace: true });
}

export function closeMenus() {
  document.querySelectorAll('details.menu[open]').forEach((menu) => menu.removeAttribute('open'));
}

document.addEventListener('click', (event) => {
  document.querySelectorAll('details.menu[open]').forEach((menu) => {
    if (!menu.contains(event.target)) menu.removeAttribute('open');
  });
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenus();
});

/**
 * Live directory changes (Server-Sent Events): re-sent to pages as window events `parley:agent` and
 * `parley:agent-deleted`. When the stream fails, the session is checked: an ended session goes to sign-in.
 */
function openEvents() {
  if (events || typeof EventSource === 'undefined') return;
  events = new EventSource('/api/v1/agents/events');
  events.addEventListener('agent', (message) => {
    const agent = JSON.parse(message.data);
    if (session && agent.id === session.agent.id) context.setSelf({ ...session.agent, ...agent });
    window.dispatchEvent(new CustomEvent('parley:agent', { detail: agent }));
  });
  events.addEventListener('agent-deleted', (message) => {
    window.dispatchEvent(new CustomEvent('parley:agent-deleted', { detail: JSON.parse(message.data) }));
  });
  events.addEventListener('error', async () => {
    if (!events || events.readyState !== EventSource.CLOSED) return;
    closeEvents();
    const still = await currentSession().catch(() => session);
    if (!still) {
      session = null;
      navigate('/signin', { replace: true });
    } else {
      setTimeout(openEvents, 3000);
    }
  });
}

function closeEvents() {
  if (events) {
    events.close();
    events = null;
  }
}

window.addEventListener('popstate', show);
show();
