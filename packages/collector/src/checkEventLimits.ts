export interface EventLimits {
  maxStringLength: number;
  maxDepth: number;
}

/**
 * Finds strings (values and property names) and nesting that exceed the limits, walking
 * with an explicit stack: the schema lets events carry extra properties, and a hostile
 * event nested thousands deep must not overflow the call stack here or in JSON.stringify.
 */
export function checkEventLimits(event: unknown, pointer: string, limits: EventLimits): string[] {
  const errors: string[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: event, path: pointer, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        errors.push(`${path} is longer than ${limits.maxStringLength} characters (${value.length})`);
      }
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= limits.maxDepth) {
        errors.push(`${path} is nested deeper than ${limits.maxDepth} levels`);
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        if (key.length > limits.maxStringLength) {
          errors.push(`${path} has a property name longer than ${limits.maxStringLength} characters (${key.length})`);
        } else {
          stack.push({ value: child, path: `${path}/${toPointerToken(key)}`, depth: depth + 1 });
        }
      }
    }
  }
  return errors;
}

/** RFC 6901: "~" and "/" are escaped inside a JSON Pointer segment. */
function toPointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
