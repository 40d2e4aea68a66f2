// Values shared by the schema, the validations, the server and client components. This module imports
// nothing, so a client form that needs one of these lists does not pull drizzle or zod into the browser.

export const userRoles = ["customer", "admin"] as const;
export const userStatuses = ["active", "disabled"] as const;
export const themes = ["light", "dark", "auto"] as const;
export const locales = ["en", "de", "ur"] as const;

export type UserRole = (typeof userRoles)[number];
export type UserStatus = (typeof userStatuses)[number];
export type Theme = (typeof themes)[number];
export type Locale = (typeof locales)[number];

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const adminUserSortColumns = ["name", "email", "role", "status", "createdAt"] as const;
export type AdminUserSort = (typeof adminUserSortColumns)[number];
export const ADMIN_PAGE_SIZES = [10, 20, 50, 100] as const;

// Sessions end after this long without a request, and in any case this long after sign-in.
export const SESSION_IDLE_TIMEOUT_SECONDS = 14 * 24 * 60 * 60;
export const SESSION_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;
// How long the code step of a two-factor sign-in waits after the password was right.
export const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 10 * 60;

// A customer user's part in their customer account; colleagues join as member or billing contact.
export const accountMemberRoles = ["owner", "member", "billing"] as const;
export type AccountMemberRole = (typeof accountMemberRoles)[number];

// What a notification is about; each has its own email preference.
export const notificationCategories = ["account", "projects", "messages", "billing", "calls", "marketing"] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

// Avatars: the largest upload accepted (the server checks; the form only hints), and the types.
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const avatarTypes = ["image/jpeg", "image/png", "image/webp"] as const;

// Projects: the states a project moves through, and a task's column on the project page.
export const projectStatuses = ["planned", "in_progress", "on_hold", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const taskStates = ["todo", "in_progress", "done"] as const;
export type TaskState = (typeof taskStates)[number];
// The longest texts of a project and its parts (characters); forms hint, the server checks.
export const PROJECT_NAME_MAX = 200;
export const PROJECT_DESCRIPTION_MAX = 10_000;
export const TASK_TITLE_MAX = 300;
export const MILESTONE_TITLE_MAX = 200;
export const DELIVERABLE_TITLE_MAX = 200;
export const UPDATE_BODY_MAX = 5000;
export const RATING_COMMENT_MAX = 2000;
export const adminProjectSortColumns = ["name", "customer", "status", "dueDate", "updatedAt"] as const;
export type AdminProjectSort = (typeof adminProjectSortColumns)[number];

// Project requests: the questionnaire's choices and where a request stands.
export const projectRequestStatuses = ["submitted", "in_review", "converted", "declined"] as const;
export type ProjectRequestStatus = (typeof projectRequestStatuses)[number];
export const budgetRanges = ["under_5k", "5k_15k", "15k_50k", "over_50k", "not_sure"] as const;
export type BudgetRange = (typeof budgetRanges)[number];
export const contactPreferences = ["email", "phone", "video_call"] as const;
export type ContactPreference = (typeof contactPreferences)[number];

// Messaging: a thread is open until staff close it (a customer's reply reopens it).
export const threadStatuses = ["open", "closed"] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

// Attachments on messages, requests and deliverables: the server checks these, the form only hints.
export const ATTACHMENT_MAX_FILES = 10;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentPurposes = ["message_attachment", "request_attachment", "deliverable"] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];
// What the file picker offers; the server decides by content (lib/uploads/types.ts).
export const ATTACHMENT_ACCEPT = ".jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.csv,.md,.zip";
// The longest message and subject we keep (characters).
export const MESSAGE_BODY_MAX = 10_000;
export const SUBJECT_MAX = 200;

/** Billing. Money is integer minor units with a lowercase ISO currency, as Stripe writes it. */
export const invoiceStatuses = ["draft", "open", "paid", "void", "uncollectible"] as const;
/** What the customer's invoice list filters by: the stored statuses they see, plus "overdue" (open and past due). */
export const customerInvoiceFilters = ["open", "overdue", "paid", "void", "uncollectible"] as const;
export const invoiceKinds = ["project", "subscription"] as const;
export const paymentStatuses = ["succeeded", "failed"] as const;
/** How a payment was made: online through the payments adapter, or recorded by staff. */
export const paymentMethods = ["card", "bank_transfer", "cash", "cheque", "other"] as const;
export const paymentProviders = ["stripe", "demo", "offline"] as const;
/** Stripe's subscription statuses, stored as Stripe reports them. */
export const subscriptionStatuses = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;
/** Statuses of a subscription that still runs (the customer has a plan). */
export const liveSubscriptionStatuses = ["trialing", "active", "past_due", "unpaid", "paused"] as const;
/** A subscription waiting for a payment: the customer is asked to fix it. */
export const isPastDue = (status: string) => status === "past_due" || status === "unpaid";
export const checkoutPurposes = ["invoice", "subscription", "fix_payment"] as const;
/** Stripe's test cards, the only ones demo payment mode takes: the one that pays and the one that is declined. */
export const DEMO_CARD_SUCCEEDS = "4242424242424242";
export const DEMO_CARD_DECLINED = "4000000000000002";
export const checkoutSessionStatuses = ["open", "complete", "expired"] as const;
export const currencies = ["usd", "eur", "gbp"] as const;
export const DEFAULT_CURRENCY = "usd";
export const INVOICE_ITEMS_MAX = 50;
export const INVOICE_ITEM_DESCRIPTION_MAX = 300;
export const INVOICE_NOTES_MAX = 2000;
/** Largest amount in minor units on one line or invoice (ten million in major units): far below 2^31. */
export const AMOUNT_MAX = 1_000_000_000;
/** Tax rate in basis points: 1900 is 19 %. */
export const TAX_RATE_MAX = 10_000;
export const CANCEL_REASON_MAX = 500;
export const PLAN_FEATURES_MAX = 20;
/** Share of the plan's included minutes at which the customer is warned, then told the limit is reached. */
export const usageThresholds = [80, 100] as const;
export const adminInvoiceSortColumns = ["number", "customer", "status", "total", "issueDate", "dueDate"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export type CustomerInvoiceFilter = (typeof customerInvoiceFilters)[number];
export type InvoiceKind = (typeof invoiceKinds)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];
export type PaymentMethod = (typeof paymentMethods)[number];
export type PaymentProvider = (typeof paymentProviders)[number];
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];
export type CheckoutPurpose = (typeof checkoutPurposes)[number];
export type Currency = (typeof currencies)[number];
/** Plans as staff edit them: text limits, and the most any one limit (minutes, agents, days) may be. */
export const PLAN_NAME_MAX = 100;
export const PLAN_DESCRIPTION_MAX = 500;
export const PLAN_FEATURE_MAX = 120;
export const PLAN_LIMIT_MAX = 1_000_000;
export const PLAN_POSITION_MAX = 1000;
export type AdminInvoiceSort = (typeof adminInvoiceSortColumns)[number];
/** What staff may do next with an invoice, each from the invoice page. */
export const invoiceSteps = ["send", "uncollectible", "void"] as const;

/** The most of one thing an invoice line may bill. */
export const INVOICE_QUANTITY_MAX = 10_000;

/** Calls and agents. A call's outcome and direction as the call platform reports them. */
export const callStatuses = ["completed", "missed", "failed", "voicemail"] as const;
export const callDirections = ["inbound", "outbound"] as const;
export const agentKinds = ["human", "ai"] as const;
/** An agent's part in an account: the one who takes calls first, or the one who covers. */
export const assignmentRoles = ["primary", "backup"] as const;
export const agentRequestStatuses = ["pending", "approved", "declined"] as const;
/** An outbound call the customer asked for: waiting, taken by the call platform, done, or withdrawn. */
export const callRequestStatuses = ["pending", "claimed", "completed", "cancelled"] as const;
export const callQualities = ["standard", "high", "hd"] as const;
/** What the call history sorts by; the default is the newest first. */
export const callSortColumns = ["startedAt", "duration", "satisfaction"] as const;
export const CALL_PAGE_SIZE = 25;
/** Search needs three characters: the trigram index cannot serve fewer. */
export const CALL_SEARCH_MIN = 3;
export const CALL_SEARCH_MAX = 100;
/** A call's texts as the platform may send them (characters). */
export const CALL_TRANSCRIPT_MAX = 200_000;
export const CALL_SUMMARY_MAX = 5000;
export const CALL_NOTES_MAX = 1000;
/** A day of talk: no single call lasts longer. */
export const CALL_DURATION_MAX = 86_400;
export const CALL_RECORDING_MAX_BYTES = 50 * 1024 * 1024;
/** The audio types a recording may have, decided by content. */
export const recordingTypes = ["audio/wav", "audio/mpeg", "audio/ogg", "audio/webm", "audio/mp4"] as const;
/** Calls rated this low tell staff. */
export const LOW_SATISFACTION_MAX = 2;
/** The most rows one CSV import takes. */
export const CALL_IMPORT_MAX_ROWS = 10_000;
export const AGENT_NAME_MAX = 100;
export const AGENT_BIO_MAX = 2000;
export const AGENT_TAGS_MAX = 10;
export const AGENT_TAG_MAX = 40;
export const PLATFORM_KEY_NAME_MAX = 100;
export type CallStatus = (typeof callStatuses)[number];
export type CallDirection = (typeof callDirections)[number];
export type AgentKind = (typeof agentKinds)[number];
export type AssignmentRole = (typeof assignmentRoles)[number];
export type AgentRequestStatus = (typeof agentRequestStatuses)[number];
export type CallRequestStatus = (typeof callRequestStatuses)[number];
export type CallQuality = (typeof callQualities)[number];
export type CallSort = (typeof callSortColumns)[number];

/** The call platform's API, ingestion and CSV import. */
export const PLATFORM_CALL_ID_MAX = 200;
/** The most due call requests the platform claims in one request. */
export const PLATFORM_CLAIM_MAX = 100;
/** A CSV import's file: it is sent with a server action, whose body is capped at 6 MB (next.config.ts). */
export const CALL_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Agents (the agents task): what customers may ask for, and what staff keep about an agent. */
export const agentLanguages = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "tr", "ar", "zh", "ja"] as const;
export const AGENT_REQUEST_NOTES_MAX = 2000;
export const AGENT_DECLINE_REASON_MAX = 1000;
export type AgentLanguage = (typeof agentLanguages)[number];

/** A claimed call request the platform has not reported within this time is handed out again (the platform may have crashed). */
export const CALL_REQUEST_CLAIM_LEASE_MINUTES = 15;

/** Notifications reach a user on these channels; SMS only once a provider is configured. */
export const notificationChannels = ["inApp", "email", "sms"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** How the user reads dates and times everywhere (pages, PDFs, emails, CSV files). "locale" follows the language. */
export const dateFormats = ["locale", "dmy", "mdy", "ymd"] as const;
export type DateFormat = (typeof dateFormats)[number];
export const timeFormats = ["locale", "h12", "h24"] as const;
export type TimeFormat = (typeof timeFormats)[number];

/** The overview: its widgets, in their default order, and how much each shows. */
export const overviewWidgets = [
  "profile",
  "projects",
  "milestones",
  "messages",
  "invoices",
  "subscription",
  "callStats",
  "recentCalls",
  "activity",
  "quickActions",
] as const;
export type OverviewWidget = (typeof overviewWidgets)[number];
export const dashboardDensities = ["default", "compact", "detailed"] as const;
export type DashboardDensity = (typeof dashboardDensities)[number];
/** The user's saved overview: widgets in the order chosen, and the hidden ones. Widgets added later show at the end. */
export type OverviewLayout = { order: OverviewWidget[]; hidden: OverviewWidget[] };

/** The activity timeline: what area an entry belongs to (its filter). */
export const activityAreas = ["projects", "messages", "billing", "calls", "agents", "security"] as const;
export type ActivityArea = (typeof activityAreas)[number];
export const ACTIVITY_PAGE_SIZE = 25;

/** The JSON API: what a personal access token may touch, per area, read or write (write includes read). */
export const apiScopeAreas = ["profile", "settings", "projects", "messages", "invoices", "subscription", "calls", "agents", "notifications", "export"] as const;
export type ApiScopeArea = (typeof apiScopeAreas)[number];
export const apiAccessLevels = ["read", "write"] as const;
export type ApiAccessLevel = (typeof apiAccessLevels)[number];
/** A scope as tokens store it and the API reference names it, e.g. "calls:read". */
export type ApiScope = `${ApiScopeArea}:${ApiAccessLevel}`;
export const apiScopes = apiScopeAreas.flatMap((area) => apiAccessLevels.map((access) => `${area}:${access}` as ApiScope));
export const API_TOKEN_NAME_MAX = 100;
/** A user may hold this many live tokens. */
export const API_TOKENS_PER_USER_MAX = 25;
/** Expiry choices offered on the Security page, in days (null: never). */
export const apiTokenExpiryDays = [7, 30, 90, 365] as const;
export const API_PAGE_SIZE_DEFAULT = 25;
export const API_PAGE_SIZE_MAX = 100;
/** Requests per token per window; the window is a minute. */
export const API_RATE_LIMIT = 600;
export const API_RATE_LIMIT_WINDOW_SECONDS = 60;
/** How long a POST's idempotency key answers its first result again. */
export const API_IDEMPOTENCY_TTL_HOURS = 24;

/** Outgoing webhooks: the events a customer's endpoint can subscribe to. */
export const webhookEventTypes = [
  "call.completed",
  "invoice.issued",
  "invoice.paid",
  "payment.failed",
  "project.status_changed",
  "milestone.reached",
  "message.received",
  "subscription.updated",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** A test delivery the owner sends from the webhooks page; no endpoint subscribes to it. */
export const WEBHOOK_PING_EVENT = "ping";
export type WebhookDeliveryEventType = WebhookEventType | typeof WEBHOOK_PING_EVENT;
export const webhookDeliveryStatuses = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 200;
export const WEBHOOK_ENDPOINTS_PER_ACCOUNT_MAX = 10;
/** After a rotation the old secret still signs (a second signature) for this long. */
export const WEBHOOK_SECRET_OVERLAP_HOURS = 24;
