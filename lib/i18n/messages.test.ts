import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import de from "./messages/de.json";
import en from "./messages/en.json";
import { auditActions } from "@/db/schema/audit";
import { flatten } from "./flatten-messages";
import { globalErrorMessages } from "./global-error-messages";


/** The names of an ICU message's arguments, also inside plural and select options, but not the options' own text. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
      if ("children" in element) visit(element.children);
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

describe("message files", () => {
  const english = flatten(en);
  const german = flatten(de);

  it("have the same keys in English and German", () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("use the same arguments in both languages", () => {
    for (const [key, text] of english) expect({ key, args: argumentsOf(german.get(key) ?? "") }).toEqual({ key, args: argumentsOf(text) });
  });

  it("name every audit action, so no page shows a raw key", () => {
    for (const action of auditActions) expect({ action, named: english.has(`admin.audit.actions.${action.replace(".", "_")}`) }).toEqual({ action, named: true });
  });

  it("leave no message empty", () => {
    for (const [key, text] of [...english, ...german]) expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });

  it("keep the root error page's copies equal to the message files", () => {
    expect(globalErrorMessages.en).toEqual({ errorTitle: en.errors.errorTitle, errorText: en.errors.errorText, reference: en.errors.reference, retry: en.errors.retry });
    expect(globalErrorMessages.de).toEqual({ errorTitle: de.errors.errorTitle, errorText: de.errors.errorText, reference: de.errors.reference, retry: de.errors.retry });
  });
});
