/**
 * What the modal needs only once it opens, one lazy file (`cartback-modal.js`) fetched at once
 * where the modal may still show on the page (see createModalController): its styles, the
 * rehearsal of its first showing, the offer's countdown, the focus handling of an open modal,
 * and the wait for its frame.
 */
export { modalStyles } from './modalStyles.js';
export { createCountdown } from './createCountdown.js';
export { getActiveElement } from './getActiveElement.js';
export { trapFocus } from './trapFocus.js';
export { rehearse } from './rehearse.js';
export { afterFrame } from '../lib/afterFrame.js';
