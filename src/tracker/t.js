// Parley's browser tracker, served as /t.js. No dependencies and no cookies: an anonymous id in localStorage.
// <script defer src="https://parley.example/t.js" data-key="parley_pk_..."></script>
// Options on the tag: data-api (where events go; default: the script's own server), data-respect-dnt (send nothing
// when the browser asks not to be tracked), data-manual (no automatic page views).
(() => {
  const script = document.currentScript;
  if (!script || window.parley?.loaded) return;
  const key = script.getAttribute('data-key');
  const endpoint = `${script.getAttribute('data-api') || new URL(script.src).origin}/api/v1/track?key=${encodeURIComponent(key || '')}`;
  const queued = Array.isArray(window.parley) ? window.parley : [];
  const dnt = script.hasAttribute('data-respect-dnt') && (navigator.doNotTrack === '1' || window.doNotTrack === '1');
  const memory = {};
  const store = {
    get: (name) => {
      try {
        return localStorage.getItem(name);
      } catch {
        return memory[name] ?? null;
      }
    },
    set: (name, value) => {
      try {
        localStorage.setItem(name, value);
      } catch {
        memory[name] = value;
      }
    },
  };
  const uuid = () =>
    crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  let anonymousId = store.get('parley_aid');
  if (!anonymousId) {
    anonymousId = uuid();
    store.set('parley_aid', anonymousId);
  }
  let userId = store.get('parley_uid') || undefined;
  const queue = [];
  let timer;
  let lastPage;
  let referrer = document.referrer || undefined;

  // Events wait up to a second to travel together; a hidden page sends what is waiting at once, by beacon.
  const flush = (leaving) => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const body = JSON.stringify({ batch: queue.splice(0, 100) });
      if (!(leaving && navigator.sendBeacon?.(endpoint, body)))
        fetch(endpoint, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(() => {});
    }
  };
  const track = (name, properties) => {
    if (dnt || !key || typeof name !== 'string' || name === '') return;
    queue.push({
      event: name,
      anonymous_id: anonymousId,
      user_id: userId,
      event_id: uuid(),
      timestamp: new Date().toISOString(),
      properties: properties && typeof properties === 'object' ? properties : undefined,
      url: location.href,
      path: location.pathname,
      title: document.title || undefined,
      referrer,
    });
    timer ??= setTimeout(flush, 1000);
  };
  const identify = (id, traits) => {
    if (typeof id !== 'string' || id === '') return;
    userId = id;
    store.set('parley_uid', id);
    track('identify', traits);
  };
  const pageView = () => {
    const page = location.pathname + location.search;
    if (page === lastPage) return;
    if (lastPage !== undefined) referrer = location.origin + lastPage;
    lastPage = page;
    track('page_view');
  };

  window.parley = { loaded: true, track, identify, pageView, flush: () => flush(false) };
  for (const [method, ...args] of queued) window.parley[method]?.(...args);
  if (!script.hasAttribute('data-manual')) {
    // Single-page apps change the URL without loading a page: each change is a page view.
    for (const method of ['pushState', 'replaceState']) {
      const original = history[method];
      history[method] = function (...args) {
        const result = original.apply(this, args);
        pageView();
        return result;
      };
    }
    addEventListener('popstate', pageView);
    pageView();
  }
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush(true));
  addEventListener('pagehide', () => flush(true));
})();
