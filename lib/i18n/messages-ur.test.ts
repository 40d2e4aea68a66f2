import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ur from "./messages/ur.json";
import { loadMessages, localeDirection, mergeMessages, negotiateLocale } from "./config";
import { flatten, type Messages } from "./flatten-messages";
import { globalErrorMessages } from "./global-error-messages";


/** An ICU message's arguments and, for plurals and selects, which options they offer: a translation must keep both. */
function shapeOf(message: string): string[] {
  const shape = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if ("value" in element && typeof element.value === "string") shape.add(`${TYPE[element.type]} ${element.value}`);
      if ("options" in element) {
        shape.add(`${element.value} {${Object.keys(element.options).sort().join(" ")}}`);
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if ("children" in element) visit(element.children);
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...shape].sort();
}

describe("the Urdu messages", () => {
  const english = flatten(en);
  const urdu = flatten(ur as Messages);

  // Keys added to en.json after the translation show in English (see mergeMessages) until translated here.
  it("translate every English message", () => {
    expect([...english.keys()].filter((key) => !urdu.has(key))).toEqual([]);
  });

  it("have no key English lacks", () => {
    expect([...urdu.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("keep every argument, plural and select of the English message", () => {
    for (const [key, text] of urdu) expect({ key, shape: shapeOf(text) }).toEqual({ key, shape: shapeOf(english.get(key) ?? "") });
  });

  it("leave no message empty", () => {
    for (const [key, text] of urdu) expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });

  it("keep the root error page's copies equal to the message file", () => {
    expect(globalErrorMessages.ur).toEqual({ errorTitle: ur.errors.errorTitle, errorText: ur.errors.errorText, reference: ur.errors.reference, retry: ur.errors.retry });
  });
});

describe("loading a translation", () => {
  it("shows a message not yet translated in English rather than as its key", () => {
    const merged = mergeMessages({ nav: { overview: "Overview", activity: "Activity" }, meta: { description: "Dashboard" } }, { nav: { overview: "جائزہ" } });
    expect(merged).toEqual({ nav: { overview: "جائزہ", activity: "Activity" }, meta: { description: "Dashboard" } });
  });

  it("keeps a message the build precompiled to an array whole", () => {
    const merged = mergeMessages({ overview: { greeting: ["Hello, ", ["name"]] } }, { overview: { greeting: ["السلام علیکم، ", ["name"]] } });
    expect(merged).toEqual({ overview: { greeting: ["السلام علیکم، ", ["name"]] } });
  });

  it("gives Urdu readers every English key, in Urdu where translated", async () => {
    const messages = await loadMessages("ur");
    expect([...flatten(messages).keys()].sort()).toEqual([...flatten(en).keys()].sort());
    expect(messages.nav.overview).toBe(ur.nav.overview);
  });
});

describe("choosing the language", () => {
  it("picks Urdu from the browser's languages, by quality", () => {
    expect(negotiateLocale("ur-PK,ur;q=0.9,en;q=0.8")).toBe("ur");
    expect(negotiateLocale("fr-FR,ur;q=0.7,de;q=0.5")).toBe("ur");
    expect(negotiateLocale("de;q=0.4,ur;q=0.6")).toBe("ur");
    expect(negotiateLocale("en-GB,ur;q=0.9")).toBe("en");
    expect(negotiateLocale("ar,fa;q=0.8")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });

  it("writes Urdu right to left and the others left to right", () => {
    expect(localeDirection("ur")).toBe("rtl");
    expect(localeDirection("ur-PK")).toBe("rtl");
    expect(localeDirection("en")).toBe("ltr");
    expect(localeDirection("de")).toBe("ltr");
  });
});
