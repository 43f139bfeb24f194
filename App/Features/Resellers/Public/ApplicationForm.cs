using Microsoft.AspNetCore.Http;

namespace BlazorPartner.Features.Resellers.Public;

/// <summary>The public form's posted fields (settable for form binding), turned into the service's input.</summary>
public sealed class ApplicationForm
{
    public string? CompanyName { get; set; }
    public string? CreditCode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? DistributorId { get; set; }

    public ResellerApplicationInput ToInput() => new()
    {
        CompanyName = CompanyName,
        CreditCode = CreditCode,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
        DistributorId = Guid.TryParse(DistributorId, out var id) ? id : null,
    };

    public static ApplicationForm From(ApplicationDetail detail) => new()
    {
        CompanyName = detail.CompanyName,
        CreditCode = detail.CreditCode,
        ContactName = detail.ContactName,
        ContactPhone = detail.ContactPhone,
        ContactEmail = detail.ContactEmail,
        DistributorId = detail.DistributorId.ToString(),
    };

    /// <summary>
    /// The posted files, each read only up to one byte past the limit: an oversized file is reported (as too large) without
    /// holding all of it in memory.
    /// </summary>
    public static async Task<IReadOnlyList<ApplicationUpload>> UploadsAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        var uploads = new List<ApplicationUpload>();
        foreach (var file in (await request.ReadFormAsync(ct)).Files.GetFiles("Attachments"))
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }

            if (file.Length > ResellerRules.MaxAttachmentBytes)
            {
                uploads.Add(new ApplicationUpload(file.FileName, file.Length, null));
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new ApplicationUpload(file.FileName, file.Length, buffer.ToArray()));
        }

        return uploads;
    }
}
