"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./api-reference.css";

/** Swagger UI's dark theme follows `html.dark-mode`: set it while this page shows, from the app's theme. */
function useSwaggerDarkMode() {
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => root.classList.toggle("dark-mode", root.dataset.theme === "dark" || (root.dataset.theme !== "light" && media.matches));
    apply();
    media.addEventListener("change", apply);
    return () => {
      media.removeEventListener("change", apply);
      root.classList.remove("dark-mode");
    };
  }, []);
}

/**
 * The API reference rendered from /api/v1/openapi.json by Swagger UI's prebuilt bundle (bundled
 * from node_modules, so no CDN; its own copy of React, loaded only on this page). It fetches
 * nothing but the document (and, for "Try it out", the API itself) and keeps no token in storage.
 */
export function ApiReference({ loading }: { loading: string }) {
  useSwaggerDarkMode();
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    // The package's module build breaks under Turbopack (swagger-api/swagger-ui#10599); its bundle does not.
    void import("swagger-ui-dist/swagger-ui-es-bundle.js").then(({ default: SwaggerUIBundle }) => {
      if (cancelled || !container.current) return;
      SwaggerUIBundle({
        domNode: container.current,
        url: "/api/v1/openapi.json",
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        docExpansion: "list",
        defaultModelsExpandDepth: 0,
        deepLinking: true,
        persistAuthorization: false,
        tryItOutEnabled: false,
        validatorUrl: null,
        withCredentials: false,
        onComplete: () => setReady(true),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <div className="api-reference min-w-0">
      {!ready && (
        <p role="status" className="py-8 text-fg-muted">
          {loading}
        </p>
      )}
      <div ref={container} />
    </div>
  );
}
