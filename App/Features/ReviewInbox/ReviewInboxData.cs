using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>The kinds of item a reviewer decides; each stays owned by its slice, the inbox only lists and dispatches.</summary>
public enum ReviewItemKind
{
    ResellerApplication = 0,
    CustomerRegistration = 1,
    NetworkApplication = 2,
    Certification = 3,
}

/// <summary>
/// Who on the reviewing side (the vendor, or a distributor for its level of a reseller application) handles an item. One
/// row per item and reviewing organization, so the vendor's assignment of an application does not carry over to the
/// distributor's level.
/// </summary>
public class ReviewAssignment : ITenantOwned
{
    public ReviewItemKind Kind { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The reviewing organization (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    public string AssigneeUserId { get; set; } = "";
    public string AssigneeName { get; set; } = "";
    public string AssignedByName { get; set; } = "";
    public DateTime AssignedAtUtc { get; set; }
}

public static class ReviewInboxData
{
    extension(AppDbContext db)
    {
        public DbSet<ReviewAssignment> ReviewAssignments => db.Set<ReviewAssignment>();
    }
}

public static class ReviewInboxRoutes
{
    public const string Todo = "/todo";
}

public static class ReviewInboxPolicies
{
    /// <summary>Anyone who decides some kind of item: the vendor's reviewers and the distributors' reviewers.</summary>
    public const string Reviewer = "review-inbox.reviewer";

    public static readonly IReadOnlyList<string> ReviewPermissions =
        [CustomerPermissions.ReviewRegistrations, ResellerPermissions.Review, ResellerPermissions.Decide, OnboardingPermissions.ReviewApplications, OnboardingPermissions.ReviewCertifications];
}

public static class ReviewInboxAuditActions
{
    public const string Assign = "review.assign";
}

/// <summary>
/// Each kind's service level: an item should be decided within this many working days of its (latest) submission. R6 gives
/// a bank letter 3–5 working days, so it is late only after 5; every other kind aims at 3.
/// </summary>
public static class ReviewInboxRules
{
    /// <summary>R6: a reviewer processes a bank letter within 3–5 working days.</summary>
    public const int BankLetterWorkingDays = 5;

    /// <summary>R15 names no review period; the vendor holds itself to the same 3 working days as the other reviews.</summary>
    public const int RegistrationWorkingDays = 3;

    public static int ServiceLevelWorkingDays(ReviewItemKind kind, bool bankLetter = false) => kind switch
    {
        ReviewItemKind.ResellerApplication => ResellerRules.ReviewWorkingDays,
        ReviewItemKind.NetworkApplication => OnboardingRules.ReviewWorkingDays,
        ReviewItemKind.Certification => bankLetter ? BankLetterWorkingDays : OnboardingRules.ReviewWorkingDays,
        _ => RegistrationWorkingDays,
    };

    public const int PageSize = 20;

    public const int MaxBatch = 100;
}

public static class ReviewInboxNotifications
{
    /// <summary>Another reviewer assigned items to this one.</summary>
    public const string Assigned = "review.assigned";
}

public enum TodoAssignment
{
    Anyone = 0,
    Mine = 1,
    Nobody = 2,
}

/// <summary>Which pending items the "To do" page shows.</summary>
public sealed record TodoFilter
{
    public ReviewItemKind? Kind { get; init; }

    public TodoAssignment Assignment { get; init; }

    public bool OverdueOnly { get; init; }
}

/// <summary>
/// One pending item as the inbox lists it; <see cref="Link"/> opens the item itself where its slice decides it.
/// <see cref="BankLetter"/>: a certification whose bank letter waits (R6), with its own service level.
/// </summary>
public sealed record TodoItem(
    ReviewItemKind Kind,
    Guid Id,
    string Title,
    string Detail,
    DateTime SubmittedAtUtc,
    int Version,
    string? AssigneeName,
    string Link,
    bool BankLetter = false)
{
    public int ServiceLevelWorkingDays => ReviewInboxRules.ServiceLevelWorkingDays(Kind, BankLetter);

    /// <summary>Waiting longer than its service level by the work calendar.</summary>
    public bool Late { get; init; }

    /// <summary>Who it is assigned to (null: nobody), by account: display names need not be unique.</summary>
    public string? AssigneeUserId { get; init; }
}

public sealed record TodoList(IReadOnlyList<TodoItem> Items, int TotalCount);

/// <summary>An item a reviewer acts on, with the version and (for assignment) the assignee the reviewer saw.</summary>
public sealed record TodoTarget(ReviewItemKind Kind, Guid Id, int Version)
{
    /// <summary>Whom the reviewer saw it assigned to, by account (null: nobody): another reviewer's assignment since is not overwritten.</summary>
    public string? SeenAssigneeUserId { get; init; }
}

/// <summary>What a batch did to one item: done, or the refusal's message key and arguments.</summary>
public sealed record TodoOutcome(ReviewItemKind Kind, Guid Id, string Title, bool Succeeded, string? MessageKey, IReadOnlyList<object> Arguments);

public sealed record ReviewerOption(string UserId, string Name);
