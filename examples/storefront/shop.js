// Fernhill Coffee Roasters — the demo shop's only script. It talks to cartback the way a
// store's theme would: writes go through the stub queue (`cartback.push([...])`), which
// works before and after /cartback.js has loaded; reads wait for `cartback.ready`.

const CURRENCY = 'EUR';
const money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: CURRENCY });

const PRODUCTS = [
  { id: 'ethiopia-guji', name: 'Ethiopia Guji', price: 14.5, category: 'Coffee', image: '/images/ethiopia-guji.svg',
    facts: '250 g · natural process · light roast', notes: 'Blueberry, jasmine, cacao nib',
    description: 'Grown at 2,100 m by smallholders around Shakiso and dried whole on raised beds. Sweet, floral and very clean in a pour-over.' },
  { id: 'colombia-huila', name: 'Colombia Huila', price: 12.9, category: 'Coffee', image: '/images/colombia-huila.svg',
    facts: '250 g · washed · medium-light roast', notes: 'Red apple, panela, milk chocolate',
    description: 'A washed Caturra and Castillo lot from the Pitalito co-operative. Round and forgiving: our everyday filter coffee.' },
  { id: 'fernhill-espresso', name: 'Fernhill Espresso Blend', price: 19.99, category: 'Coffee', image: '/images/espresso-blend.svg',
    facts: '500 g · Brazil & Guatemala · medium roast', notes: 'Hazelnut, dark chocolate, orange peel',
    description: 'Built for milk and for mornings. Dense crema, low acidity, and a finish that holds up in a flat white.' },
  { id: 'pour-over-dripper', name: 'Ceramic Pour-Over Dripper', price: 24, category: 'Brewing', image: '/images/pour-over-dripper.svg',
    facts: 'Porcelain · 1–4 cups · dishwasher safe', notes: 'Fits size 02 cone filters',
    description: 'Spiral ribs keep the filter off the wall for an even, unhurried flow. Pre-heat it, and it keeps the brew hot.' },
  { id: 'gooseneck-kettle', name: 'Gooseneck Kettle 0.8 L', price: 49.9, category: 'Brewing', image: '/images/gooseneck-kettle.svg',
    facts: 'Stainless steel · stovetop & induction', notes: 'Walnut handle, built-in thermometer',
    description: 'A narrow spout for a steady, precise pour. Works on gas, electric and induction hobs.' },
  { id: 'paper-filters', name: 'Paper Filters ×100', price: 5.01, category: 'Brewing', image: '/images/paper-filters.svg',
    facts: 'Size 02 · oxygen-bleached', notes: 'No papery taste after a rinse',
    description: 'Thin, strong cone filters that drain evenly. One box lasts a daily brewer three months.' },
];

// The stub queue: calls made before the SDK loads are replayed in order once it does.
window.cartback = window.cartback || [];
const queue = (method, ...args) => window.cartback.push([method, ...args]);

/** Runs fn(api) once cartback is initialised (now, or when its script has loaded). */
function whenCartbackReady(fn) {
  const api = window.cartback;
  if (api && !Array.isArray(api) && api.ready) {
    api.ready.then(() => fn(api), (error) => console.warn('Fernhill: cartback did not start', error));
    return;
  }
  const tag = document.querySelector('script[src$="/cartback.js"]');
  tag?.addEventListener('load', () => whenCartbackReady(fn), { once: true });
}

const findProduct = (id) => PRODUCTS.find((product) => product.id === id);
const productUrl = (product) => `/product.html?id=${encodeURIComponent(product.id)}`;

function toCartItem(product) {
  return {
    id: product.id,
    name: product.name,
    price: product.price,
    quantity: 1,
    currency: CURRENCY,
    url: new URL(productUrl(product), location.origin).href,
    image: new URL(product.image, location.origin).href,
    category: product.category,
  };
}

/** Creates an element; children are nodes or strings (always set as text, never as HTML). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

// ---- shared: add-to-cart buttons, toast, header badge ------------------------------------

let toastTimer;
function showToast(message) {
  const toast = document.querySelector('[data-toast]');
  if (!toast) return;
  toast.textContent = message;
  toast.classList.add('toast--visible');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove('toast--visible'), 2600);
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-add-to-cart]') : null;
  if (!button) return;
  const product = findProduct(button.getAttribute('data-add-to-cart'));
  if (!product) return;
  queue('cart.add', toCartItem(product));
  showToast(`${product.name} added to your cart`);
});

function renderBadge(count) {
  const badge = document.querySelector('[data-cart-badge]');
  const label = document.querySelector('[data-cart-count]');
  if (!badge || !label) return;
  label.textContent = String(count);
  badge.hidden = count === 0;
}

whenCartbackReady((api) => {
  renderBadge(api.cart.count);
  api.cart.subscribe((snapshot) => renderBadge(snapshot.count));
});

// ---- pages -------------------------------------------------------------------------------

function productCard(product) {
  return h('li', { class: 'product-card' },
    h('a', { class: 'product-card__image', href: productUrl(product), tabindex: '-1', 'aria-hidden': 'true' },
      h('img', { src: product.image, alt: '', width: 400, height: 400, loading: 'lazy' })),
    h('div', { class: 'product-card__body' },
      h('p', { class: 'eyebrow' }, product.category),
      h('h3', { class: 'product-card__name' }, h('a', { href: productUrl(product) }, product.name)),
      h('p', { class: 'muted product-card__notes' }, product.notes),
      h('div', { class: 'product-card__buy' },
        h('span', { class: 'price' }, money.format(product.price)),
        h('button', { class: 'button button--small', type: 'button', 'data-add-to-cart': product.id,
          'aria-label': `Add ${product.name} to cart` }, 'Add to cart'))));
}

function renderHome() {
  document.querySelector('[data-product-grid]')?.replaceChildren(...PRODUCTS.map(productCard));
}

function renderProduct() {
  const id = new URLSearchParams(location.search).get('id');
  const product = findProduct(id) ?? PRODUCTS[0];
  document.title = `${product.name} — Fernhill Coffee Roasters`;
  document.querySelector('[data-breadcrumb-current]').textContent = product.name;
  document.querySelector('[data-product-detail]').replaceChildren(
    h('img', { class: 'product-detail__image', src: product.image, alt: product.name, width: 400, height: 400 }),
    h('div', { class: 'product-detail__info' },
      h('p', { class: 'eyebrow' }, product.category),
      h('h1', {}, product.name),
      h('p', { class: 'product-detail__price price' }, money.format(product.price)),
      h('p', { class: 'product-detail__facts' }, product.facts),
      h('p', {}, product.description),
      h('p', { class: 'muted' }, product.category === 'Coffee' ? `Tasting notes: ${product.notes}` : product.notes),
      h('button', { class: 'button', type: 'button', 'data-add-to-cart': product.id }, 'Add to cart')));
  const related = PRODUCTS.filter((other) => other.id !== product.id).slice(0, 3);
  document.querySelector('[data-related-grid]')?.replaceChildren(...related.map(productCard));
}

function cartLine(api, item) {
  const setQuantity = (quantity) => api.cart.update(item.id, { quantity });
  return h('li', { class: 'cart-line' },
    item.image ? h('img', { class: 'cart-line__image', src: item.image, alt: '', width: 72, height: 72 })
      : h('span', { class: 'cart-line__image' }),
    h('div', { class: 'cart-line__info' },
      item.url ? h('a', { class: 'cart-line__name', href: item.url }, item.name) : h('span', { class: 'cart-line__name' }, item.name),
      h('span', { class: 'muted' }, `${money.format(item.price)} each`)),
    h('div', { class: 'quantity', role: 'group', 'aria-label': `Quantity of ${item.name}` },
      h('button', { type: 'button', 'data-quantity-decrease': item.id, 'aria-label': `One fewer ${item.name}`,
        onclick: () => setQuantity(item.quantity - 1) }, '−'),
      h('output', { 'data-quantity': item.id, 'aria-live': 'polite' }, String(item.quantity)),
      h('button', { type: 'button', 'data-quantity-increase': item.id, 'aria-label': `One more ${item.name}`,
        onclick: () => setQuantity(item.quantity + 1) }, '+')),
    h('span', { class: 'cart-line__total price' }, money.format(lineTotal(item))),
    h('button', { class: 'link-button', type: 'button', 'data-remove': item.id, 'aria-label': `Remove ${item.name}`,
      onclick: () => api.cart.remove(item.id) }, 'Remove'));
}

// Display only: the authoritative total is cartback.cart.value (summed in minor units).
const lineTotal = (item) => Math.round(item.price * 100 * item.quantity) / 100;

/**
 * A restore link from a recovery email lands on /cart.html?items=<id>:<quantity>,... (the
 * collector fills the store's restoreUrl template): rebuild the cart from the catalogue, on
 * any device. cartback itself reads the link's cb_recover parameter, for attribution.
 */
function restoreCartFromLink(api) {
  const params = new URLSearchParams(location.search);
  const lines = params.get('items');
  if (!lines) return;
  const items = lines.split(',').flatMap((line) => {
    const [id, quantity] = line.split(':');
    const product = findProduct(decodeURIComponent(id));
    return product ? [{ ...toCartItem(product), quantity: Math.max(1, Number(quantity) || 1) }] : [];
  });
  if (items.length > 0) api.cart.set(items);
  params.delete('items');
  params.delete('code');
  history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}

/** "Email me this cart": identify() with the marketing consent the collector's recovery emails require. */
function reminderForm(api) {
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { class: 'reminder-form', 'data-reminder-form': true },
    h('label', {}, 'Email me this cart ', h('input', { type: 'email', name: 'email', required: true, autocomplete: 'email', placeholder: 'you@example.com' })),
    h('label', {}, h('input', { type: 'checkbox', name: 'acceptsMarketing', value: 'yes' }), ' Yes, send me cart reminders and offers'),
    h('button', { class: 'link-button', type: 'submit' }, 'Save my cart'),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const acceptsMarketing = data.get('acceptsMarketing') === 'yes';
    api.identify({ email: String(data.get('email')).trim(), acceptsMarketing });
    status.textContent = acceptsMarketing
      ? 'Saved. Demo: the reminders come after 20 s, 40 s and 60 s (a real store: 1 h, 24 h, 72 h) once you close the tab; see the mail catcher on the dashboard.'
      : 'Saved. Without the box ticked, no reminder is sent.';
  });
  return form;
}

function renderCartPage() {
  const view = document.querySelector('[data-cart-view]');
  whenCartbackReady((api) => {
    restoreCartFromLink(api);
    const render = () => {
      const items = api.cart.items;
      if (items.length === 0) {
        view.replaceChildren(h('div', { class: 'panel empty-state' },
          h('p', {}, 'Your cart is empty.'), h('a', { class: 'button', href: '/' }, 'Find something good')));
        return;
      }
      view.replaceChildren(
        h('ul', { class: 'panel cart-lines', 'data-cart-lines': true }, ...items.map((item) => cartLine(api, item))),
        h('aside', { class: 'panel order-summary' },
          h('p', { class: 'summary-total' }, 'Total ', h('strong', { 'data-cart-total': true }, money.format(api.cart.value))),
          h('p', { class: 'muted' }, 'Shipping and taxes are calculated at checkout.'),
          h('a', { class: 'button button--wide', href: '/checkout.html' }, 'Go to checkout'),
          h('a', { class: 'link-button', href: '/' }, 'Continue shopping'),
          reminder));
    };
    const reminder = reminderForm(api);
    render();
    api.cart.subscribe(render);
  });
}

function renderCheckoutPage() {
  queue('checkoutStarted');
  const form = document.querySelector('[data-checkout-form]');
  const placeOrder = document.querySelector('[data-place-order]');
  const formError = document.querySelector('[data-form-error]');
  whenCartbackReady((api) => {
    const render = () => {
      const items = api.cart.items;
      document.querySelector('[data-summary-lines]').replaceChildren(...(items.length === 0
        ? [h('li', { class: 'muted' }, 'Your cart is empty.')]
        : items.map((item) => h('li', {}, h('span', {}, `${item.quantity} × ${item.name}`),
          h('span', { class: 'price' }, money.format(lineTotal(item)))))));
      document.querySelector('[data-summary-total]').textContent = money.format(api.cart.value);
      placeOrder.disabled = items.length === 0;
    };
    render();
    const unsubscribe = api.cart.subscribe(render);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const email = String(data.get('email') || '').trim();
      if (!form.elements.namedItem('email').checkValidity() || !email) {
        formError.textContent = 'Please enter a valid email address so we can send your receipt.';
        formError.hidden = false;
        return;
      }
      const value = api.cart.value;
      const orderId = `FH-${Date.now().toString(36).toUpperCase()}`;
      unsubscribe();
      api.identify({ email, firstName: String(data.get('firstName') || '') || undefined });
      api.purchase({ orderId, value, currency: CURRENCY });
      document.querySelector('[data-checkout]').hidden = true;
      document.querySelector('[data-order-id]').textContent = orderId;
      document.querySelector('[data-order-total]').textContent = money.format(value);
      document.querySelector('[data-order-email]').textContent = email;
      const confirmation = document.querySelector('[data-confirmation]');
      confirmation.hidden = false;
      confirmation.focus();
    });
  });
}

const pages = { home: renderHome, product: renderProduct, cart: renderCartPage, checkout: renderCheckoutPage };
pages[document.body.dataset.page]?.();
