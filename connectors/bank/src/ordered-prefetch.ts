/**
 * Work ahead of the consumer, results in order: `work(item, worker)` runs for up to one item per
 * worker ahead of the item being consumed, and the results come out in input order. The bank
 * connector verifies and recognises the next statement files on spare DuckDB connections while
 * the current file is read on the main one (on 2 cores, the XLSX probe overlaps the XLSX read).
 *
 * A later item's failure is held until its turn, so errors surface in file order as if the work
 * were sequential. Item i + n runs on the worker item i used, started only after item i was
 * consumed, so a worker never runs two items at once. Stopping early waits for the work in flight.
 */
export async function* orderedPrefetch<Item, Worker, Result>(
  items: readonly Item[],
  workers: readonly Worker[],
  work: (item: Item, worker: Worker) => Promise<Result>,
): AsyncGenerator<Result> {
  if (workers.length === 0) throw new Error('orderedPrefetch needs at least one worker');
  const inFlight: Promise<Result>[] = [];
  let next = 0;
  const start = (): void => {
    const index = next;
    next += 1;
    const item = items[index] as Item;
    const promise = work(item, workers[index % workers.length] as Worker);
    promise.catch(() => undefined); // observed when its turn comes; not an unhandled rejection
    inFlight.push(promise);
  };
  try {
    while (next < items.length && inFlight.length < workers.length) start();
    for (let head = inFlight.shift(); head !== undefined; head = inFlight.shift()) {
      yield await head;
      if (next < items.length) start();
    }
  } finally {
    await Promise.allSettled(inFlight);
  }
}
