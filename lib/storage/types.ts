/** A byte range, both ends inclusive, as HTTP Range counts them. */
export type ByteRange = { start: number; end: number };

/**
 * Where file bytes live. Keys are ours (see `newStorageKey`), never a user's file name; what a file
 * is and who may read it is kept in `stored_files`, so an adapter only moves bytes.
 */
export interface StorageAdapter {
  put(key: string, body: ReadableStream<Uint8Array>, meta: { contentType: string }): Promise<void>;
  /** The bytes of `key` (or of `range`), or null when there is no such file. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the file; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
}
