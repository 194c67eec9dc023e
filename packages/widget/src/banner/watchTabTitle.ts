/**
 * While the tab is hidden and `shouldShow()` (a cart) holds, the document's title is `title`
 * ("🛒 Your cart is waiting" in the tab strip); it goes back when the tab shows again, and
 * at the returned stop. A title the page itself set meanwhile is left alone.
 */
export function watchTabTitle(doc: Document, title: string, shouldShow: () => boolean): () => void {
  let saved: string | undefined;
  const restore = () => {
    if (saved != null && doc.title == title) doc.title = saved;
    saved = undefined;
  };
  const onChange = () => {
    if (!doc.hidden) restore();
    else if (shouldShow() && saved == null) (saved = doc.title), (doc.title = title);
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => {
    doc.removeEventListener('visibilitychange', onChange);
    restore();
  };
}
