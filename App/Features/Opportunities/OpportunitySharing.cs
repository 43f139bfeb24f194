using BlazorPartner.Platform.Live;
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
using BlazorPartner.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>The vendor operator shares an opportunity with one partner (R9); the R10 deadline is fixed at that moment.</summary>
public sealed class OpportunitySharing(IDbContextFactory<AppDbContext> dbFactory, WorkCalendarService calendar, TimeProvider time, ChangeFeed changes)
{
    public const int MaxCustomerNameLength = 200;
    public const int MaxCityLength = 64;
    public const int MaxContactNameLength = 100;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Deals close within a few years; a date beyond that is a typo (e.g. 9999-12-31).</summary>
    public const int MaxCloseYearsAhead = 5;

    public async Task<Guid> ShareAsync(Actor actor, ShareOpportunityInput input, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Share);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("share opportunities");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new InputErrors();
        var valid = Validate(input, BeijingTime.DateOf(now), errors);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = input.PartnerOrganizationId is { } partnerId
            ? await db.Organizations.SingleOrDefaultAsync(o => o.Id == partnerId && o.Kind != OrganizationKind.Vendor, ct)
            : null;
        if (partner is null)
        {
            errors.Add(nameof(input.PartnerOrganizationId), "Share.PartnerRequired");
        }

        errors.ThrowIfAny();

        var workCalendar = await calendar.GetCalendarAsync(ct);
        var opportunity = new Opportunity
        {
            Number = NewNumber(now),
            OrganizationId = partner!.Id,
            CustomerName = valid.CustomerName,
            Industry = input.Industry,
            Region = input.Region,
            City = valid.City,
            CloudServices = string.Join(';', input.CloudServices.Distinct()),
            EstimatedAmountFen = valid.Amount.Fen,
            ExpectedCloseDate = valid.CloseDate,
            Description = valid.Description,
            ContactName = valid.ContactName,
            ContactPhone = valid.ContactPhone,
            Status = OpportunityStatus.PendingAcceptance,
            SharedByUserId = actor.UserId,
            SharedAtUtc = now,
            DeadlineUtc = OpportunityRules.AcceptanceDeadlineUtc(now, workCalendar),
            UpdatedAtUtc = now,
        };
        db.Opportunities.Add(opportunity);
        db.Audit(actor, new AuditChange(nameof(Opportunity), opportunity.Id.ToString(), OpportunityAuditActions.Share)
        {
            OrganizationId = partner.Id,
            After = new { opportunity.Number, Partner = partner.Name, opportunity.CustomerName, opportunity.EstimatedAmountFen, opportunity.DeadlineUtc },
        }, time);
        await db.SaveChangesAsync(ct);
        changes.Publish(LiveTopics.Opportunities(partner.Id), LiveTopics.AllOpportunities);
        return opportunity.Id;
    }

    /// <summary>Checks every field, adding problems to <paramref name="errors"/>; returns the trimmed, parsed values.</summary>
    public static ValidShare Validate(ShareOpportunityInput input, DateOnly todayBeijing, InputErrors errors)
    {
        if (input.PartnerOrganizationId is null)
        {
            errors.Add(nameof(input.PartnerOrganizationId), "Share.PartnerRequired");
        }

        var customer = errors.Text(nameof(input.CustomerName), input.CustomerName, MaxCustomerNameLength);
        var city = errors.Text(nameof(input.City), input.City, MaxCityLength);
        var contact = errors.Text(nameof(input.ContactName), input.ContactName, MaxContactNameLength);
        var description = errors.Text(nameof(input.Description), input.Description, MaxDescriptionLength, required: false);
        var phone = errors.Phone(nameof(input.ContactPhone), input.ContactPhone);
        if (!OpportunityCatalog.Industries.Contains(input.Industry))
        {
            errors.Add(nameof(input.Industry), "Share.IndustryRequired");
        }

        if (!OpportunityCatalog.Regions.Contains(input.Region))
        {
            errors.Add(nameof(input.Region), "Share.RegionRequired");
        }

        var services = input.CloudServices.ToList();
        if (services.Count == 0 || services.Any(s => !OpportunityCatalog.CloudServices.Contains(s)))
        {
            errors.Add(nameof(input.CloudServices), "Share.ServicesRequired");
        }

        if (!Money.TryParse(input.EstimatedAmount, MoneyRule.Positive, out var amount, out var amountError))
        {
            errors.Add(nameof(input.EstimatedAmount), amountError!);
        }

        var close = errors.Date(nameof(input.ExpectedCloseDate), input.ExpectedCloseDate, todayBeijing, todayBeijing.AddYears(MaxCloseYearsAhead));
        return new ValidShare(customer, city, contact, phone, description, amount, close);
    }

    public sealed record ValidShare(string CustomerName, string City, string ContactName, string ContactPhone, string Description, Money Amount, DateOnly CloseDate);

    internal static string NewNumber(DateTime nowUtc) =>
        $"OPP-{BeijingTime.ToBeijing(nowUtc):yyMMdd}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
