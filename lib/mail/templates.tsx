import { localeDirection } from "@/lib/i18n/config";

type Translator = (key: string, values?: Record<string, string>) => string;

const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", margin: 0, padding: "24px" },
  card: { maxWidth: "520px", margin: "0 auto", backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px" },
  brand: { fontSize: "18px", fontWeight: 700, color: "#1e3a8a", margin: "0 0 24px" },
  heading: { fontSize: "20px", color: "#111827", margin: "0 0 16px" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#374151", margin: "0 0 16px" },
  button: { display: "inline-block", backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", textDecoration: "none", fontWeight: 600 },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#6b7280", margin: "24px 0 0" },
} as const;

function ActionEmail(props: { lang: string; heading: string; body: string; actionLabel: string; actionUrl: string; note: string }) {
  return (
    <html lang={props.lang} dir={localeDirection(props.lang)}>
      <body style={styles.body}>
        <div style={styles.card}>
          <p style={styles.brand}>Clientdesk</p>
          <h1 style={styles.heading}>{props.heading}</h1>
          <p style={styles.text}>{props.body}</p>
          <p>
            <a href={props.actionUrl} style={styles.button}>
              {props.actionLabel}
            </a>
          </p>
          <p style={styles.muted} dir="ltr">
            {props.actionUrl}
          </p>
          <p style={styles.muted}>{props.note}</p>
        </div>
      </body>
    </html>
  );
}

/** `email`: an address the text names, e.g. the one an email change is going to. */
type ActionProps = { name: string; url: string; email?: string };

/** The link with every query value replaced, so what is kept of a mail cannot be used to act on it. */
function redactLink(url: string): string {
  const parsed = new URL(url);
  for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, "redacted");
  return parsed.toString();
}

/**
 * A template whose strings all live under `email.<key>` in the message files. `secretLink` marks a
 * link that carries a token: the outbox keeps the mail with that link redacted.
 */
function actionTemplate(key: string, options: { secretLink: boolean }) {
  const render = (t: Translator, props: ActionProps, lang: string) => ({
    subject: t(`${key}.subject`),
    element: (
      <ActionEmail
        lang={lang}
        heading={t(`${key}.heading`, { name: props.name })}
        body={t(`${key}.body`, { email: props.email ?? "" })}
        actionLabel={t(`${key}.action`)}
        actionUrl={props.url}
        note={t(`${key}.note`)}
      />
    ),
  });
  const redact = (props: ActionProps): ActionProps => (options.secretLink ? { ...props, url: redactLink(props.url) } : props);
  return { render, redact, secretLink: options.secretLink };
}

type NotificationProps = { title: string; body: string; url: string };

/** A notification by email: its title and text come already in the recipient's language. */
const notificationTemplate = {
  render: (t: Translator, props: NotificationProps, lang: string) => ({
    subject: props.title,
    element: (
      <ActionEmail lang={lang} heading={props.title} body={props.body} actionLabel={t("notification.action")} actionUrl={props.url} note={t("notification.note")} />
    ),
  }),
  redact: (props: NotificationProps) => props,
  secretLink: false,
};

/**
 * Each template turns its props into a subject and a React element, in the recipient's language, and
 * says what to redact. Without a secret link the outbox's copy is the mail itself, so it can be resent.
 */
export const mailTemplates = {
  verifyEmail: actionTemplate("verifyEmail", { secretLink: true }),
  resetPassword: actionTemplate("resetPassword", { secretLink: true }),
  accountExists: actionTemplate("accountExists", { secretLink: false }),
  signInBlocked: actionTemplate("signInBlocked", { secretLink: false }),
  confirmEmailChange: actionTemplate("confirmEmailChange", { secretLink: true }),
  emailChangeRequested: actionTemplate("emailChangeRequested", { secretLink: false }),
  emailChanged: actionTemplate("emailChanged", { secretLink: false }),
  passwordChanged: actionTemplate("passwordChanged", { secretLink: false }),
  // `email` carries the new API token's name here.
  apiTokenCreated: actionTemplate("apiTokenCreated", { secretLink: false }),
  // `email` carries the closed account's name here.
  accountClosed: actionTemplate("accountClosed", { secretLink: false }),
  notification: notificationTemplate,
};

export type MailTemplate = keyof typeof mailTemplates;
