// The lazy widget chunk (cartback-widget.js): loaded only when there is something to show.
export { createWidget } from './createWidget.js';
