/** The fields that hold something: undefined, null and '' left out, as optional fields are stored and configured. */
export function presentFields<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined | null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== '')) as {
    [K in keyof T]?: Exclude<T[K], undefined | null>;
  };
}
