// Small app-owned helpers called through JS interop.
window.blazorPartner = {
  // Saves a .NET stream (e.g. an Excel export) as a file download.
  downloadFromStream: async function (fileName, streamReference) {
    const buffer = await streamReference.arrayBuffer();
    const blob = new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = fileName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },

  // Called by the layout after its first interactive render: clicks before this would be dropped,
  // so end-to-end tests wait for this attribute instead of sleeping.
  markInteractive: function () {
    document.documentElement.setAttribute("data-interactive", "true");
  }
};

// Reconnect overlay (Components/Layout/ReconnectModal.razor). blazor.web.js toggles the components-reconnect-* classes on
// #components-reconnect-modal; here the buttons get their actions (CSP allows no inline handlers) and, while the overlay is
// up, the rest of the page is inert, so keystrokes and clicks cannot go to a page that would silently drop them.
(function () {
  const visibleClasses = ["components-reconnect-show", "components-reconnect-failed", "components-reconnect-rejected"];
  // Not a data- attribute: enhanced navigation syncs attributes with the server's markup and would drop it.
  const wired = new WeakSet();

  function setup() {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal || wired.has(modal)) {
      return;
    }
    wired.add(modal);

    modal.addEventListener("click", async function (event) {
      const button = event.target.closest("[data-reconnect-action]");
      if (!button) {
        return;
      }
      if (button.dataset.reconnectAction === "reload") {
        location.reload();
        return;
      }
      // Blazor.reconnect() resolves false when the server no longer has this circuit: then only a reload helps.
      modal.classList.remove("components-reconnect-failed");
      modal.classList.add("components-reconnect-show");
      try {
        const reconnected = await window.Blazor.reconnect();
        if (!reconnected) {
          modal.classList.remove("components-reconnect-show");
          modal.classList.add("components-reconnect-rejected");
        }
      } catch {
        modal.classList.remove("components-reconnect-show");
        modal.classList.add("components-reconnect-failed");
      }
    });

    new MutationObserver(function () {
      const visible = visibleClasses.some(c => modal.classList.contains(c));
      for (const element of document.body.children) {
        if (element !== modal && element.tagName !== "SCRIPT") {
          element.inert = visible;
        }
      }
      if (visible && !modal.contains(document.activeElement)) {
        const button = modal.querySelector("button:not([hidden])");
        (button && button.offsetParent !== null ? button : modal).focus();
      }
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  // Enhanced navigation keeps the element when it can; if it ever replaces it, wire the new one.
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener("enhancedload", setup);
  }
})();
