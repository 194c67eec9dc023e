// Tells cartback about the order on WooCommerce's thank-you page. The plugin prints this file
// with the order as JSON in `data-order` (an external script, so a strict CSP needs no
// 'unsafe-inline'). The call waits for cartback to be ready (queued if cartback.js has not
// loaded yet): the order event then carries the cart the shopper bought, not one not yet loaded.
(function () {
  var order;
  try {
    order = JSON.parse(document.currentScript.getAttribute('data-order'));
  } catch (error) {
    return console.error('[cartback] cartback-purchase.js: data-order is not JSON', error);
  }
  (window.cartback = window.cartback || []).push(function (api) {
    api.purchase(order);
  });
})();
