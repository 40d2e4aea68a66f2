import { randomUUID } from "node:crypto";

// A UUID and a short lower-case extension: no separators, dots or user text can reach a path or URL.
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}$/;

export function newStorageKey(extension: string): string {
  const key = `${randomUUID()}.${extension}`;
  return assertStorageKey(key);
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function assertStorageKey(key: string): string {
  if (!isStorageKey(key)) throw new Error("Not a storage key.");
  return key;
}
