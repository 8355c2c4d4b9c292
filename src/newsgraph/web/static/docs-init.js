// Starts Swagger UI or ReDoc from the locally served bundles (no CDN, no inline script).
"use strict";
const root = document.getElementById("docs");
if (root.dataset.kind === "swagger") {
  window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#docs", deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset], layout: "BaseLayout"});
} else {
  Redoc.init("/openapi.json", {}, root);
}
