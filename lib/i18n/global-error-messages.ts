// The root error page replaces the root layout, so it has no message provider. Importing the
// message files there would ship both whole catalogues in every page's JavaScript; these four
// strings are copies, kept equal to messages/*.json `errors.*` by lib/i18n/messages.test.ts.
export const globalErrorMessages = {
  en: {
    errorTitle: "Something went wrong",
    errorText: "We could not load this page. Please try again in a moment.",
    reference: "Reference: {digest}",
    retry: "Try again",
  },
  de: {
    errorTitle: "Etwas ist schiefgelaufen",
    errorText: "Diese Seite konnte nicht geladen werden. Bitte versuchen Sie es gleich noch einmal.",
    reference: "Referenz: {digest}",
    retry: "Erneut versuchen",
  },
  ur: {
    errorTitle: "کچھ غلط ہو گیا",
    errorText: "ہم یہ صفحہ لوڈ نہیں کر سکے۔ براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    reference: "حوالہ: {digest}",
    retry: "دوبارہ کوشش کریں",
  },
};
