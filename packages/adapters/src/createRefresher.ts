/**
 * Runs `read` when asked, one at a time: asked again while a read is running, it reads once
 * more after it, so the last read always starts after the last change it was asked about.
 */
export function createRefresher(read: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const refresh = () => {
    if (running) return void (again = true);
    running = true;
    read()
      .catch(() => {})
      .then(() => {
        running = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  };
  return refresh;
}
