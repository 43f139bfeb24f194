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
}
