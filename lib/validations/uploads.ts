import { z } from "zod";
import { ATTACHMENT_MAX_FILES } from "@/lib/constants";

/**
 * The ids of the files uploaded with a form (hidden `attachmentIds` fields from AttachmentPicker):
 * none, one, or several, since a repeated form key arrives as a list.
 */
export const attachmentIdsField = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid("invalid")).max(ATTACHMENT_MAX_FILES, "tooManyFiles"),
);
