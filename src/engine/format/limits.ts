/** Limits on scenario files. A module of constants only, so hosts can import it for free. */

/** Largest scenario accepted, in bytes (UTF-16 code units for text). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted. */
export const MAX_DEPTH = 64;
