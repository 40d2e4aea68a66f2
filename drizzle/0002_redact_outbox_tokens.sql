-- Mail used to be kept with its live links. Redact every token in what the outbox already holds,
-- and retire the tokens that were sent before: anyone who read the table may have copied them.
UPDATE "email_outbox" SET
  "text_body" = regexp_replace("text_body", '([?&]token=)[A-Za-z0-9_-]+', '\1redacted', 'g'),
  "html_body" = regexp_replace("html_body", '([?&](amp;)?token=)[A-Za-z0-9_-]+', '\1redacted', 'g');
--> statement-breakpoint
UPDATE "auth_tokens" SET "used_at" = now() WHERE "used_at" IS NULL;
