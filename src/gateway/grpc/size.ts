/** Approximate wire size of a decoded request: the bytes of its strings and buffers, walked without copying. */
export function approximateSize(value: unknown, budget = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= budget) {
    const item = stack.pop();
    if (typeof item === 'string') total += Buffer.byteLength(item, 'utf8');
    else if (Buffer.isBuffer(item)) total += item.length;
    else if (Array.isArray(item)) stack.push(...item);
    else if (item !== null && typeof item === 'object') stack.push(...Object.values(item));
    else total += 8;
  }
  return total;
}
