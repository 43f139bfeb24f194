using BlazorPartner.Features.Onboarding.Network;

namespace BlazorPartner.Features.Onboarding.Public;

/// <summary>The public form's posted fields (settable for form binding), turned into the service's input.</summary>
public sealed class NetworkForm
{
    public string? CompanyName { get; set; }
    public string? CreditCode { get; set; }
    public string? RegisteredAddress { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public NetworkApplicationInput ToInput() => new()
    {
        CompanyName = CompanyName,
        CreditCode = CreditCode,
        RegisteredAddress = RegisteredAddress,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
    };

    public static NetworkForm From(NetworkApplicationDetail detail) => new()
    {
        CompanyName = detail.CompanyName,
        CreditCode = detail.CreditCode,
        RegisteredAddress = detail.RegisteredAddress,
        ContactName = detail.ContactName,
        ContactPhone = detail.ContactPhone,
        ContactEmail = detail.ContactEmail,
    };
}
