// The single-page shop's entry: cartback from npm, started once, then the app.
import { init, type CartbackConfig } from 'cartback';
import { render } from 'preact';
import '../spa.css';
import { App } from './App.js';

// Demo plumbing: /config.js, served by examples/startDemo.ts, sets `window.cartbackDemoConfig`
// (the collector's endpoint is on a port chosen at start). A shop writes its config here:
// init({ endpoint: 'https://api.shop.example/cartback/events', currency: 'EUR', ... }).
const { cartbackDemoConfig } = window as Window & { cartbackDemoConfig?: CartbackConfig };

const cartback = init(cartbackDemoConfig);
// A shop needs no global; the demo keeps one for the browser console (and the e2e tests).
Object.assign(window, { cartback });

render(<App cartback={cartback} />, document.getElementById('app')!);
