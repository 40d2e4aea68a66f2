import "server-only";
import type { UTApi } from "uploadthing/server";
import { assertStorageKey } from "./keys";
import type { StorageAdapter } from "./types";

/**
 * UploadThing (production, several instances): our key is the file's customId. Uploads go through
 * our own authorizing action, so the bytes are buffered once here; downloads fetch the file's
 * signed URL with the caller's Range, so our route still decides who may read what.
 */
export function uploadThingStorage(api: UTApi): StorageAdapter {
  return {
    async put(key, body, { contentType }) {
      const { UTFile } = await import("uploadthing/server");
      const bytes = await new Response(body).arrayBuffer();
      // Private: the bytes are readable only through a signed URL, which only our route asks for.
      const result = await api.uploadFiles(new UTFile([bytes], assertStorageKey(key), { type: contentType, customId: key }), { acl: "private" });
      if (result.error) throw new Error(`UploadThing refused the upload: ${result.error.message}`);
    },
    async get(key, range) {
      const { ufsUrl } = await api.generateSignedURL(assertStorageKey(key), { keyType: "customId" });
      const response = await fetch(ufsUrl, { headers: range ? { range: `bytes=${range.start}-${range.end}` } : {} });
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`UploadThing answered ${response.status} for a stored file.`);
      // A server that ignored the Range would send the whole file where a part was asked for.
      if (range && response.status !== 206) throw new Error("UploadThing ignored a Range request.");
      return response.body;
    },
    async delete(key) {
      await api.deleteFiles(assertStorageKey(key), { keyType: "customId" });
    },
  };
}
