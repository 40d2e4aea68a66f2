import localFont from "next/font/local";

/**
 * Geist, from the `geist` package's files (nothing is fetched at build time). `optional` display:
 * a first visit on a slow network keeps the size-matched fallback rather than repainting every line
 * when the font arrives late (which would also push back the largest contentful paint).
 */
export const sans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "optional",
});

/**
 * Noto Naskh Arabic (OFL, the file the invoice PDF uses) for Urdu: system fonts often lack letters
 * such as ہ and ھ. Only Arabic-script characters use it (unicode-range), so other pages never load it.
 */
export const urdu = localFont({
  src: [
    { path: "../lib/pdf/fonts/NotoNaskhArabic-Regular.ttf", weight: "400" },
    { path: "../lib/pdf/fonts/NotoNaskhArabic-Bold.ttf", weight: "700" },
  ],
  variable: "--font-naskh",
  display: "swap",
  preload: false,
  declarations: [{ prop: "unicode-range", value: "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F" }],
});
