"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import "swagger-ui-react/swagger-ui.css";
import "./api-reference.css";

// Swagger UI renders in the browser only, from this route's own chunk: no other page loads it.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), { ssr: false, loading: () => null });

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
 * The API reference rendered from /api/v1/openapi.json by Swagger UI, bundled with the app: it
 * fetches nothing but the document (and, for "Try it out", the API), and keeps no token in storage.
 */
export function ApiReference({ loading }: { loading: string }) {
  useSwaggerDarkMode();
  const [ready, setReady] = useState(false);
  return (
    <div className="api-reference min-w-0">
      {!ready && (
        <p role="status" className="py-8 text-fg-muted">
          {loading}
        </p>
      )}
      <SwaggerUI url="/api/v1/openapi.json" docExpansion="list" defaultModelsExpandDepth={0} deepLinking persistAuthorization={false} tryItOutEnabled={false} onComplete={() => setReady(true)} />
    </div>
  );
}
