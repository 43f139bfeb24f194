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
