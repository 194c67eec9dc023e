import { describe, expect, it, vi } from 'vitest';
import { createAdapterHost } from '../adapterHost.js';
import { startAdapter } from './dataLayerAdapter.js';
import { destroyAfterEach, startInertCartback } from '../../../core/src/testing/startInertCartback.js';

type DataLayer = unknown[];
type TestWindow = { dataLayer?: DataLayer };

destroyAfterEach();

async function setup(win: TestWindow = { dataLayer: [] }) {
  const { cartback, platform } = await startInertCartback();
  const purchase = vi.spyOn(cartback.api, 'purchase');
  const checkoutStarted = vi.spyOn(cartback.api, 'checkoutStarted');
  const stop = startAdapter(createAdapterHost(cartback), win as unknown as Window);
  const debug = () => platform.console.info.mock.calls.map(([line]) => line as string);
  return { cartback, platform, stop, purchase, checkoutStarted, debug, dataLayer: win.dataLayer! };
}

function gtag(..._args: unknown[]): IArguments {
  return arguments;
}

const tee = (quantity: number, variant = 'M') => ({ item_id: 'SKU-TEE', item_name: 'Logo tee', item_variant: variant, price: 19.99, quantity });
const mug = (quantity: number) => ({ item_id: 'MUG-01', item_name: 'Ceramic mug', item_category: 'Kitchen', price: '12.50', quantity });
const add = (...items: object[]) => ({ event: 'add_to_cart', ecommerce: { currency: 'EUR', items } });
const remove = (...items: object[]) => ({ event: 'remove_from_cart', ecommerce: { currency: 'EUR', items } });

const TEE = { id: 'SKU-TEE', name: 'Logo tee', price: 19.99, variant: 'M' };
const MUG = { id: 'MUG-01', name: 'Ceramic mug', price: 12.5, category: 'Kitchen' };

/** gtm.js's way: keep the push it found, call it first with the same entries, return a boolean. */
function loadGtm(dataLayer: DataLayer) {
  const received: unknown[] = [];
  const previous = dataLayer.push;
  const gtmPush = function (...entries: unknown[]): unknown {
    const result: unknown = previous.apply(dataLayer, entries);
    received.push(...entries);
    return typeof result != 'boolean' || result;
  };
  dataLayer.push = gtmPush as DataLayer['push'];
  return received;
}

describe('the dataLayer adapter', () => {
  it('adds what was pushed before it started, once, then follows every push', async () => {
    const preloaded = [{ 'gtm.start': 1, event: 'gtm.js' }, { ecommerce: null }, add(tee(3))];
    const { cartback, dataLayer } = await setup({ dataLayer: [...preloaded] });
    expect(cartback.api.cart.items).toEqual([{ ...TEE, quantity: 3 }]);

    dataLayer.push({ ecommerce: null }, add(mug(2)));
    dataLayer.push(gtag('event', 'add_to_cart', { currency: 'EUR', items: [tee(1)] }));
    expect(cartback.api.cart.items).toEqual([
      { ...TEE, quantity: 4 },
      { ...MUG, quantity: 2 },
    ]);
    expect(cartback.api.cart.value).toBe(104.96);
    expect(cartback.api.cart.count).toBe(6);
  });

  it("creates window.dataLayer when the page has none, as GTM's snippet does", async () => {
    const win: TestWindow = {};
    const { cartback } = await setup(win);
    expect(Array.isArray(win.dataLayer)).toBe(true);
    win.dataLayer!.push(add(tee(2)));
    expect(cartback.api.cart.count).toBe(2);
  });

  it('passes every push through: the same this and entries, and the same return value', async () => {
    const pushes: Array<{ self: unknown; entries: unknown[] }> = [];
    const dataLayer: DataLayer = [];
    const previous = function (this: unknown, ...entries: unknown[]) {
      pushes.push({ self: this, entries });
      return 'from the previous push';
    };
    dataLayer.push = previous as unknown as DataLayer['push'];
    await setup({ dataLayer });
    expect(dataLayer.push).not.toBe(previous);

    const entries = [add(tee(1)), gtag('event', 'view_cart', { items: [] })];
    expect(dataLayer.push(...entries)).toBe('from the previous push');
    expect(pushes).toEqual([{ self: dataLayer, entries }]);
    expect(pushes[0]!.entries[0]).toBe(entries[0]);
    expect(pushes[0]!.entries[1]).toBe(entries[1]);
  });

  it("returns the array's new length from Array.prototype.push and keeps the entries themselves", async () => {
    const { dataLayer } = await setup({ dataLayer: [{ event: 'gtm.js' }] });
    const entry = add(tee(1));
    expect(dataLayer.push(entry, { event: 'page_view' })).toBe(3);
    expect(dataLayer[1]).toBe(entry);
  });

  it("lets the page's own push fail as it would have, and still changes nothing", async () => {
    const dataLayer: DataLayer = [];
    dataLayer.push = () => {
      throw new RangeError('full');
    };
    const { cartback } = await setup({ dataLayer });
    expect(() => dataLayer.push(add(tee(1)))).toThrowError(new RangeError('full'));
    expect(cartback.api.cart.count).toBe(0);
  });

  it('removes by id and variant, lowering the quantity and dropping the line at 0', async () => {
    const { cartback, dataLayer, debug } = await setup({ dataLayer: [add(tee(3), tee(1, 'L'), mug(2))] });
    dataLayer.push(remove(tee(1)));
    expect(cartback.api.cart.items).toEqual([
      { ...TEE, quantity: 2 },
      { ...TEE, variant: 'L', quantity: 1 },
      { ...MUG, quantity: 2 },
    ]);
    dataLayer.push(gtag('event', 'remove_from_cart', { items: [{ item_id: 'MUG-01', quantity: '2' }] }));
    dataLayer.push(remove(tee(5)));
    expect(cartback.api.cart.items).toEqual([{ ...TEE, variant: 'L', quantity: 1 }]);

    const { version } = cartback.core.cart.getState();
    dataLayer.push(remove({ item_id: 'SKU-TEE', item_variant: 'XL', quantity: 1 }));
    expect(cartback.api.cart.items).toEqual([{ ...TEE, variant: 'L', quantity: 1 }]);
    expect(cartback.core.cart.getState().version, 'a removal of nothing is no change').toBe(version);
    expect(debug()).toEqual(['[cartback] datalayer: remove_from_cart: "SKU-TEE" (XL) is not in the cart']);
  });

  it('makes the cart the one view_cart and begin_checkout list; begin_checkout also starts the checkout', async () => {
    const { cartback, dataLayer, checkoutStarted } = await setup({ dataLayer: [add(tee(1))] });
    dataLayer.push({ event: 'view_cart', ecommerce: { currency: 'EUR', value: 84.97, items: [tee(3), mug(2)] } });
    expect(cartback.api.cart.items).toEqual([
      { ...TEE, quantity: 3 },
      { ...MUG, quantity: 2 },
    ]);
    expect(cartback.api.cart.value).toBe(84.97);
    expect(checkoutStarted).not.toHaveBeenCalled();

    dataLayer.push(gtag('event', 'begin_checkout', { currency: 'EUR', items: [mug(1)] }));
    expect(cartback.api.cart.items).toEqual([{ ...MUG, quantity: 1 }]);
    expect(checkoutStarted).toHaveBeenCalledTimes(1);
  });

  it('converts the cart on a purchase, once per transaction_id', async () => {
    const purchased = { event: 'purchase', ecommerce: { transaction_id: 'T-1001', value: 59.97, currency: 'EUR', items: [tee(3)] } };
    const { cartback, dataLayer, purchase } = await setup({ dataLayer: [add(tee(3)), purchased] });
    expect(purchase).toHaveBeenCalledWith({ orderId: 'T-1001', value: 59.97, currency: 'EUR' });
    expect(cartback.api.cart.count).toBe(0);

    dataLayer.push(add(mug(1)), gtag('event', 'purchase', { transaction_id: 'T-1001', value: 59.97, currency: 'EUR' }));
    expect(purchase).toHaveBeenCalledTimes(1);
    expect(cartback.api.cart.count).toBe(1);
  });

  it('converts a purchase paid in another currency, with that currency', async () => {
    const { cartback, dataLayer, purchase } = await setup({ dataLayer: [add(tee(1))] });
    dataLayer.push(gtag('event', 'purchase', { transaction_id: 42, value: 21.5, currency: 'USD' }));
    expect(purchase).toHaveBeenCalledWith({ orderId: '42', value: 21.5, currency: 'USD' });
    expect(cartback.api.cart.count).toBe(0);
  });

  it.each([
    ['a purchase without transaction_id', { event: 'purchase', ecommerce: { value: 19.99 } }, 'ignored purchase: transaction_id must be a non-empty string or number (got undefined)'],
    ['an item without a price', add({ item_id: 'SKU-X', item_name: 'X' }), 'ignored add_to_cart: item.price must be a finite number >= 0, e.g. 19.99 (got undefined).'],
    ['a price with a currency sign', add(tee(1), { ...mug(1), price: '€12.50' }), 'ignored add_to_cart: item.price must be a finite number >= 0, e.g. 19.99 (got "€12.50").'],
    ['a fractional quantity', remove(tee(0.5)), 'ignored remove_from_cart: item.quantity must be a whole number >= 0 (got 0.5).'],
    ['items that are not an array', { event: 'view_cart', ecommerce: { items: 'SKU-TEE' } }, 'ignored view_cart: items must be an array (got "SKU-TEE")'],
    [
      'a cart in another currency',
      { event: 'view_cart', ecommerce: { currency: 'USD', items: [tee(1)] } },
      `ignored view_cart: its currency "USD" is not the cart's EUR (set data-currency to the store's currency)`,
    ],
    [
      'an item in another currency',
      gtag('event', 'add_to_cart', { items: [{ ...tee(1), currency: 'GBP' }] }),
      `ignored add_to_cart: its currency "GBP" is not the cart's EUR (set data-currency to the store's currency)`,
    ],
  ])('ignores %s with one debug line, and changes nothing', async (_, entry, line) => {
    const { cartback, dataLayer, debug, purchase, checkoutStarted } = await setup({ dataLayer: [add(tee(2))] });
    const before = cartback.core.cart.getState();
    expect(() => dataLayer.push(entry)).not.toThrow();
    expect(cartback.core.cart.getState()).toBe(before);
    // A cart mistake's line follows once its wording (a lazy file) is there.
    await vi.waitFor(() => expect(debug()).toEqual([`[cartback] datalayer: ${line}`]));
    expect(purchase).not.toHaveBeenCalled();
    expect(checkoutStarted).not.toHaveBeenCalled();
  });

  it("does not apply twice what the store pushes from cart.subscribe about cartback's own change", async () => {
    const { cartback, dataLayer } = await setup({ dataLayer: [] });
    cartback.api.cart.subscribe((cart) => {
      const last = cart.items.at(-1)!;
      dataLayer.push(add({ item_id: last.id, item_name: last.name, price: last.price, quantity: 1 }));
    });
    dataLayer.push(add(tee(1)));
    expect(cartback.api.cart.items).toEqual([{ ...TEE, quantity: 1 }]);
    expect(dataLayer).toHaveLength(2);
  });

  it('still sees every push after GTM replaced dataLayer.push, and GTM sees them all', async () => {
    const { cartback, dataLayer } = await setup({ dataLayer: [add(tee(1))] });
    const received = loadGtm(dataLayer);
    const entry = add(mug(2));
    expect(dataLayer.push(entry)).toBe(true);
    expect(received).toEqual([entry]);
    expect(received[0]).toBe(entry);
    expect(cartback.api.cart.count).toBe(3);
  });

  it('wraps GTM when GTM came first, and GTM still gets every push', async () => {
    const dataLayer: DataLayer = [add(tee(1))];
    const received = loadGtm(dataLayer);
    const { cartback } = await setup({ dataLayer });
    const entry = add(mug(2));
    expect(dataLayer.push(entry)).toBe(true);
    expect(received).toEqual([entry]);
    expect([...dataLayer]).toEqual([add(tee(1)), entry]);
    expect(cartback.api.cart.count).toBe(3);
  });

  it('puts dataLayer.push back when stopped, and nothing pushed later changes the cart', async () => {
    const { cartback, dataLayer, stop } = await setup({ dataLayer: [add(tee(1))] });
    stop();
    expect(dataLayer.push).toBe(Array.prototype.push);
    expect(Object.prototype.hasOwnProperty.call(dataLayer, 'push')).toBe(false);
    dataLayer.push(add(mug(2)));
    expect(cartback.api.cart.count).toBe(1);
  });

  it('becomes a pass-through when stopped after GTM wrapped it', async () => {
    const { cartback, dataLayer, stop } = await setup({ dataLayer: [] });
    const received = loadGtm(dataLayer);
    const gtmPush = dataLayer.push;
    stop();
    expect(dataLayer.push).toBe(gtmPush);
    const entry = add(mug(2));
    expect(dataLayer.push(entry)).toBe(true);
    expect(received).toEqual([entry]);
    expect([...dataLayer]).toEqual([entry]);
    expect(cartback.api.cart.count).toBe(0);
  });

  it('says so, and throws nothing, when window.dataLayer cannot be watched', async () => {
    const frozen = await setup({ dataLayer: Object.freeze([add(tee(1))]) as DataLayer });
    expect(frozen.debug()).toEqual([expect.stringMatching(/^\[cartback\] datalayer: window\.dataLayer cannot be watched: /)]);
    expect(frozen.cartback.api.cart.count).toBe(0);
    const notAnArray = await setup({ dataLayer: { event: 'gtm.js' } as unknown as DataLayer });
    expect(notAnArray.debug()).toEqual(['[cartback] datalayer: window.dataLayer cannot be watched: it has no push()']);
    notAnArray.stop();
  });
});
