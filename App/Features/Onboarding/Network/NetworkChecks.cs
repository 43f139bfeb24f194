using BlazorPartner.Core.Validation;

namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>
/// R5's automatic checks, a pure function of what was submitted: the form accepts an application as long as the applicant
/// can be reached; whatever these find incomplete or doubtful goes to a vendor operator instead of being refused.
/// </summary>
public static class NetworkChecks
{
    public static IReadOnlyList<NetworkCheck> Failed(NetworkApplication application, bool hasDocuments, bool nameTaken)
    {
        var failed = new List<NetworkCheck>();
        if (!CreditCode.IsValid(application.CreditCode))
        {
            failed.Add(NetworkCheck.CreditCode);
        }

        if (string.IsNullOrWhiteSpace(application.RegisteredAddress) || string.IsNullOrWhiteSpace(application.ContactPhone))
        {
            failed.Add(NetworkCheck.RequiredFields);
        }

        if (!hasDocuments)
        {
            failed.Add(NetworkCheck.Documents);
        }

        if (nameTaken)
        {
            failed.Add(NetworkCheck.NewCompany);
        }

        return failed;
    }

    public static string Format(IEnumerable<NetworkCheck> checks) => string.Join(',', checks);

    public static IReadOnlyList<NetworkCheck> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(Enum.Parse<NetworkCheck>).ToList();
}
