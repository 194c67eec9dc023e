/**
 * What the benchmark loads: a blank page (the baseline of every iteration), cartback.js, and
 * what a store would pick instead, each as the page a store would write. Every page calls
 * `benchReady()` when its library is ready to use (cartback: `cartback.ready`; idb-keyval: its
 * one read done); a library with nothing to wait for is ready when it has run.
 */
export interface Subject {
  name: string;
  /** The package and its pinned version, for the report (read from node_modules). */
  pkg?: string;
  /** The page's <head> scripts. */
  head: string;
  /** How the page opens its modal on a trigger (`window.benchOpen()` → the modal's element), for those with one. */
  modal?: boolean;
}

const CART_CONFIG = `<script>window.cartbackConfig = { endpoint: location.origin + '/events', checkoutUrl: '/checkout', currency: 'EUR', locale: 'en', exitIntent: { armDelay: 0 } };</script>`;
const ready = (after = '') => `<script>addEventListener('load', () => ${after || 'benchReady()'});</script>`;

/** A modal of a few cart lines, as ouibounce and the Preact peer show it (cartback's shows the real cart). */
const LINES = [1, 2, 3].map((i) => `Item ${i} × 1 — €${i}2.50`);

export const SUBJECTS: Subject[] = [
  { name: 'blank page', head: ready() },
  {
    name: 'cartback',
    pkg: 'cartback',
    head: `${CART_CONFIG}<script async src="/dist/cartback.js"></script>${ready('cartback.ready.then(benchReady)')}`,
    modal: true,
  },
  {
    name: 'ouibounce',
    pkg: 'ouibounce',
    head: `<script src="/nm/ouibounce/build/ouibounce.min.js"></script><script>
      addEventListener('DOMContentLoaded', () => {
        const modal = document.createElement('div');
        modal.style.cssText = 'display:none;position:fixed;inset:0;background:rgba(0,0,0,.4)';
        modal.innerHTML = '<div role="dialog" style="margin:10vh auto;width:24rem;background:#fff;padding:1rem"><h2>Leaving?</h2><ul>${LINES.map((l) => `<li>${l}</li>`).join('')}</ul><button>Back to checkout</button></div>';
        document.body.append(modal);
        const bounce = ouibounce(modal, { aggressive: true });
        window.benchOpen = () => { bounce.fire(); return modal; };
        window.benchClose = () => { modal.style.display = 'none'; };
      });
    </script>${ready()}`,
    modal: true,
  },
  {
    name: 'exit-intent',
    pkg: 'exit-intent',
    head: `<script src="/nm/exit-intent/dist/exit-intent.umd.js"></script><script>ExitIntent({ onExitIntent() {} });</script>${ready()}`,
  },
  {
    name: 'idb-keyval + one read',
    pkg: 'idb-keyval',
    head: `<script src="/nm/idb-keyval/dist/umd.js"></script><script>const read = idbKeyval.get('cart');</script>${ready('read.then(benchReady)')}`,
  },
  {
    name: 'Preact modal (shadow root)',
    pkg: 'preact',
    head: `<script type="module">
      import { h, render } from '/nm/preact/dist/preact.mjs';
      let root;
      const Modal = () => h('div', { role: 'dialog', part: 'dialog', style: 'position:fixed;inset:10vh auto auto 30vw;width:24rem;background:#fff;padding:1rem' },
        h('h2', null, 'Leaving?'), h('ul', null, ${JSON.stringify(LINES)}.map((l) => h('li', null, l))), h('button', null, 'Back to checkout'));
      window.benchOpen = () => {
        if (!root) root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
        render(h(Modal), root);
        root.querySelector('button').focus();
        return root.firstChild;
      };
      window.benchClose = () => render(null, root);
      benchReady();
    </script>`,
    modal: true,
  },
  {
    name: 'Segment analytics-next',
    pkg: '@segment/analytics-next',
    head: `<script src="/nm/@segment/analytics-next/dist/umd/index.js"></script><script>
      const loaded = AnalyticsNext.AnalyticsBrowser.load({ writeKey: 'bench', cdnURL: location.origin + '/segment', cdnSettings: { integrations: { 'Segment.io': { apiKey: 'bench', apiHost: location.host + '/v1' } } } });
    </script>${ready('loaded.then(benchReady, benchReady)')}`,
  },
  {
    name: 'Snowplow browser-tracker',
    pkg: '@snowplow/browser-tracker',
    head: `<script src="/nm/@snowplow/browser-tracker/dist/index.umd.min.js"></script><script>
      snowplowBrowserTracking.newTracker('sp', location.origin + '/events', { appId: 'bench' });
    </script>${ready()}`,
  },
  {
    name: 'PostHog',
    pkg: 'posthog-js',
    head: `<script src="/nm/posthog-js/dist/array.js"></script><script>
      posthog.init('bench', { api_host: location.origin + '/posthog', autocapture: false, capture_pageview: false, disable_session_recording: true, loaded: () => { window.posthogLoaded = true; } });
    </script>${ready()}`,
  },
];

/** The page for `subject`, with a body like a store's (some text, an image, a link). */
export function pageFor(subject: Subject): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${subject.name}</title>
<script>
  window.benchReady = () => { if (window.benchReadyAt === undefined) window.benchReadyAt = performance.now(); };
</script>
${subject.head}
</head><body><main><h1>A product</h1><p>Some text a store would show about a product.</p><p><a href="/checkout">Checkout</a></p></main></body></html>`;
}
