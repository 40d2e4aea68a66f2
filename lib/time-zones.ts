// ICU resolves every alias ("US/Eastern", "Asia/Kolkata") to CLDR's name, which for these zones is
// an older spelling than the IANA database's current one; users expect the current one.
const currentNames: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The current IANA name of a zone given by any of its names, or null when it is not a time zone. */
export function canonicalTimeZone(value: string): string | null {
  if (!value || value.length > 64) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    return currentNames[resolved] ?? resolved;
  } catch {
    return null;
  }
}

let allZones: string[] | undefined;

/** Every selectable zone, by its current name, with UTC first. */
function timeZoneNames(): string[] {
  allZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").map((zone) => currentNames[zone] ?? zone)];
  return allZones;
}

function zonePart(locale: string, timeZone: string, style: "longOffset" | "longGeneric", at: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** "+01:00" for Berlin in winter; offsets are those of `at`, as daylight saving time moves them. */
export function utcOffset(timeZone: string, at = new Date()): string {
  const gmt = zonePart("en", timeZone, "longOffset", at);
  return gmt === "GMT" ? "+00:00" : gmt.replace("GMT", "");
}

export type TimeZoneOption = { value: string; label: string; offset: string };

// Formatting 400-odd zones twice costs about 200 ms; offsets only move with daylight saving time.
const optionsCache = new Map<string, { hour: number; options: TimeZoneOption[] }>();

/** Options for a picker: "(UTC+01:00) Europe/Berlin · Mitteleuropäische Zeit", sorted by offset. */
export function timeZoneOptions(locale: string, at = new Date()): TimeZoneOption[] {
  const hour = Math.floor(at.getTime() / 3_600_000);
  const cached = optionsCache.get(locale);
  if (cached?.hour === hour) return cached.options;
  const options = buildOptions(locale, at);
  optionsCache.set(locale, { hour, options });
  return options;
}

function buildOptions(locale: string, at: Date): TimeZoneOption[] {
  return timeZoneNames()
    .map((zone) => {
      const offset = utcOffset(zone, at);
      const generic = zone === "UTC" ? "" : zonePart(locale, zone, "longGeneric", at);
      const place = zone.replace(/_/g, " ");
      return { value: zone, offset, label: `(UTC${offset}) ${place}${generic && !generic.startsWith("GMT") ? ` · ${generic}` : ""}` };
    })
    .sort((a, b) => offsetMinutes(a.offset) - offsetMinutes(b.offset) || a.value.localeCompare(b.value));
}

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
