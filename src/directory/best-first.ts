/**
 * The first `limit` items of a stream in `compare` order, without sorting the stream: a
 * max-heap of at most `limit` items whose root is the worst kept, so each further item costs
 * one comparison unless it belongs among the first (then O(log limit)). A list page needs the
 * first page × size clinics of thousands in reach.
 */
export class BestFirst<T> {
  readonly #heap: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const heap = this.#heap;
    if (this.limit <= 0) return;
    if (heap.length < this.limit) {
      heap.push(item);
      this.#up(heap.length - 1);
    } else if (this.compare(item, heap[0]!) < 0) {
      heap[0] = item;
      this.#down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.#heap].sort(this.compare);
  }

  /** Worse items move up: the root is the worst kept. */
  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.compare(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && this.compare(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}
