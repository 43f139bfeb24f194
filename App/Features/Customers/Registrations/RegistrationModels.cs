namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>The registration form (R15). Field names are the keys of its field errors.</summary>
public sealed class RegisterCustomerInput
{
    public string? CompanyName { get; set; }
    public string? CreditCode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Region { get; set; }
    public string? Industry { get; set; }
}

/// <summary>A registration as the user saw it: commands refuse to act on a row that changed since.</summary>
public sealed record RegistrationTarget(Guid Id, int? ExpectedVersion = null);

public sealed record RejectRegistrationInput(RegistrationTarget Target)
{
    public string? Reason { get; set; }
}

public sealed record SendInvitationInput(RegistrationTarget Target)
{
    public AssociationMode? Mode { get; set; }
}

/// <summary>The public page's form: the customer confirms or corrects its contact details (R16).</summary>
public sealed class AssociateInput
{
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
}

public sealed record RegistrationQuery
{
    public RegistrationStatus? Status { get; init; }

    /// <summary>Matches company name or credit code (contains).</summary>
    public string? Search { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    public const int DefaultPageSize = 10;
}

public sealed record RegistrationRow(
    Guid Id,
    Guid OrganizationId,
    string PartnerName,
    string CompanyName,
    string CreditCode,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    string Region,
    string Industry,
    RegistrationStatus Status,
    string RegisteredByUserId,
    string RegisteredByName,
    DateTime RegisteredAtUtc,
    string? ReviewedByName,
    DateTime? ReviewedAtUtc,
    string? RejectionReason,
    DateTime? ReservedUntilUtc,
    DateTime? LastInvitedAtUtc,
    int Version)
{
    /// <summary>Whole days left in the reservation (0 = ends within a day); only meaningful while approved.</summary>
    public int DaysLeft { get; init; }

    /// <summary>Whether the current user may send an invitation for this row now.</summary>
    public bool CanInvite { get; init; }

    public bool CanWithdraw { get; init; }
}

public sealed record RegistrationPage(IReadOnlyList<RegistrationRow> Items, int TotalCount, IReadOnlyDictionary<RegistrationStatus, int> Counts);

/// <summary>The e-mail an invitation sends, as previewed and as stored in the outbox.</summary>
public sealed record InvitationMail(string Recipient, string Subject, string Body);

/// <summary>What the public page shows a customer who opened a valid link.</summary>
public sealed record InvitationView(
    string PartnerName,
    AssociationMode Mode,
    string CompanyName,
    string CreditCode,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    DateTime ExpiresAtUtc);
