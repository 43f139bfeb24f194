using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Consumption;

/// <summary>Vendor › Consumption import: upload, the selected import's result and choices, the recent imports.</summary>
public sealed class ConsumptionImportPage(IPage page)
{
    public const string Path = "vendor/consumption/import";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Consumption import", Level = 1 });
    public ILocator FileInput => page.GetByLabel("File", new() { Exact = true });
    public ILocator Detail => page.GetByTestId("import-detail");
    public ILocator Counts => page.GetByTestId("import-counts");
    public ILocator Errors => page.GetByTestId("import-errors");
    public ILocator Outcome => page.GetByTestId("import-outcome");
    public ILocator UploadError => page.GetByTestId("upload-error");
    public ILocator DownloadReport => page.GetByRole(AriaRole.Button, new() { Name = "Download error report", Exact = true });
    public ILocator ValidOnlyChoice => Detail.GetByRole(AriaRole.Checkbox);
    public ILocator ImportValidOnly => page.GetByRole(AriaRole.Button, new() { Name = "Import only the valid rows", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
    }

    public Task UploadAsync(string fileName, byte[] content) =>
        FileInput.SetBlazorInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
}
