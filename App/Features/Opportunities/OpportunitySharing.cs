using System.Text.RegularExpressions;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>The vendor operator shares an opportunity with one partner (R9); the R10 deadline is fixed at that moment.</summary>
public sealed partial class OpportunitySharing(IDbContextFactory<AppDbContext> dbFactory, WorkCalendarService calendar, TimeProvider time)
{
    public const decimal MaxEstimatedAmount = 10_000_000_000m;

    public async Task<Guid> ShareAsync(Actor actor, ShareOpportunityCommand command, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesShare);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("share opportunities");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(command, BeijingTime.DateOf(now));
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = command.PartnerOrganizationId is { } partnerId
            ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == partnerId && o.Kind != OrganizationKind.Vendor, ct)
            : null;
        if (partner is null)
        {
            errors.TryAdd(nameof(command.PartnerOrganizationId), "Share.PartnerRequired");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var workCalendar = await calendar.GetCalendarAsync(ct);
        var opportunity = new Opportunity
        {
            Number = NewNumber(now),
            OrganizationId = partner!.Id,
            CustomerName = command.CustomerName.Trim(),
            Industry = command.Industry,
            Region = command.Region,
            City = command.City.Trim(),
            CloudServices = string.Join(';', command.CloudServices.Distinct()),
            EstimatedAmountFen = Money.ToMinor(command.EstimatedAmount!.Value),
            ExpectedCloseDate = command.ExpectedCloseDate!.Value,
            Description = command.Description.Trim(),
            ContactName = command.ContactName.Trim(),
            ContactPhone = command.ContactPhone.Trim(),
            Status = OpportunityStatus.PendingAcceptance,
            SharedByUserId = actor.UserId,
            SharedAtUtc = now,
            DeadlineUtc = OpportunityRules.AcceptanceDeadlineUtc(now, workCalendar),
            UpdatedAtUtc = now,
        };
        db.Opportunities.Add(opportunity);
        db.Audit(actor, partner.Id, nameof(Opportunity), opportunity.Id.ToString(), "opportunity.share", null,
            new { opportunity.Number, Partner = partner.Name, opportunity.CustomerName, opportunity.EstimatedAmountFen, opportunity.DeadlineUtc }, null, time);
        await db.SaveChangesAsync(ct);
        return opportunity.Id;
    }

    /// <summary>Field name → resource key. Empty when the command is valid.</summary>
    public static Dictionary<string, string> Validate(ShareOpportunityCommand command, DateOnly todayBeijing)
    {
        var errors = new Dictionary<string, string>();
        if (command.PartnerOrganizationId is null)
        {
            errors[nameof(command.PartnerOrganizationId)] = "Share.PartnerRequired";
        }

        Require(errors, nameof(command.CustomerName), command.CustomerName, 200);
        Require(errors, nameof(command.City), command.City, 64);
        Require(errors, nameof(command.ContactName), command.ContactName, 100);
        if (!OpportunityCatalog.Industries.Contains(command.Industry))
        {
            errors[nameof(command.Industry)] = "Share.IndustryRequired";
        }

        if (!OpportunityCatalog.Regions.Contains(command.Region))
        {
            errors[nameof(command.Region)] = "Share.RegionRequired";
        }

        var services = command.CloudServices.ToList();
        if (services.Count == 0 || services.Any(s => !OpportunityCatalog.CloudServices.Contains(s)))
        {
            errors[nameof(command.CloudServices)] = "Share.ServicesRequired";
        }

        if (command.EstimatedAmount is not { } amount || amount <= 0 || amount > MaxEstimatedAmount || decimal.Round(amount, 2) != amount)
        {
            errors[nameof(command.EstimatedAmount)] = "Share.AmountInvalid";
        }

        if (command.ExpectedCloseDate is not { } close || close < todayBeijing)
        {
            errors[nameof(command.ExpectedCloseDate)] = "Share.CloseDateInvalid";
        }

        if (!PhonePattern().IsMatch(command.ContactPhone.Trim()))
        {
            errors[nameof(command.ContactPhone)] = "Share.PhoneInvalid";
        }

        if (command.Description.Length > 2000)
        {
            errors[nameof(command.Description)] = "Share.DescriptionTooLong";
        }

        return errors;
    }

    private static void Require(Dictionary<string, string> errors, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            errors[field] = "Share.Required";
        }
    }

    internal static string NewNumber(DateTime nowUtc) =>
        $"OPP-{BeijingTime.ToBeijing(nowUtc):yyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,19}$")]
    private static partial Regex PhonePattern();
}
