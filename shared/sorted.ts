/**
 * The one binary search the text model needs: in an ascending sequence, the index of the last
 * element at or before a value. Maps (text offset → raw offset), line starts and block starts all
 * ask this question.
 */
export function lastIndexAtOrBefore(count: number, keyAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  if (high < 0 || keyAt(0) > value) return -1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (keyAt(middle) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
