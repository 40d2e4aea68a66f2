// The customer with a call history that e2e/calls-fixtures.ts makes before the server starts.
// Kept free of server imports: the specs read these constants.

/** 90 calls, newest first every 3 hours: every third missed (30), the rest completed; even ones inbound. */
export const e2eCallsCustomer = {
  email: "calls@e2e.clientdesk.test",
  name: "Cora Calls",
  timeZone: "America/New_York",
  callCount: 90,
  // The one call with a recording, transcript and summary: texts no other page shows.
  recordedCallId: "6f1c2b1e-5d0a-4c3e-9b7a-3e2d1c0b9a87",
  /** Its stored file, with a fixed id so the cross-user guard can ask `/api/files/<id>` for it. */
  recordingFileId: "0b8e6d4c-2a1f-4e3d-8c7b-6a5f4e3d2c1b",
  recordedSummary: "Canary summary about the harbour invoice",
  recordedTranscript: "Agent: Canary transcript line for the cross-user guard.",
  /** The recording: 10 seconds of 8 kHz mono 8-bit WAV. */
  recordingSeconds: 10,
} as const;

/** Whether the i-th call (0 newest) is missed, and whether it is inbound. */
export const e2eCallIsMissed = (index: number) => index % 3 === 0;
export const e2eCallIsInbound = (index: number) => index % 2 === 0;
