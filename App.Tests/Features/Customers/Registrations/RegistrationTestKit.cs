using System.Text.RegularExpressions;
using BlazorPartner.Components.Shared;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

/// <summary>Shortcuts for the registration tests, on top of the shared <see cref="TestWorld"/>.</summary>
internal static partial class RegistrationTestKit
{
    public const string BaseUri = "https://partner.test/";

    public static RegistrationService Registrations(this TestWorld world) => world.Get<RegistrationService>();

    public static RegistrationQueries RegistrationQueries(this TestWorld world) => world.Get<RegistrationQueries>();

    public static InvitationService Invitations(this TestWorld world) => world.Get<InvitationService>();

    public static InvitationAcceptance Acceptance(this TestWorld world) => world.Get<InvitationAcceptance>();

    public static string Code(long number) => CustomerFactory.CreditCodeFor(number);

    public static RegisterCustomerInput ValidInput(long number = 1, string company = "Suzhou Cloud Textiles Co.") => new()
    {
        CompanyName = company,
        CreditCode = Code(number),
        ContactName = "Li Na",
        ContactPhone = "13812345678",
        ContactEmail = "li.na@textiles.example",
        Region = "EastChina",
        Industry = "Manufacturing",
    };

    public static Task<Guid> RegisterAsync(this TestWorld world, Actor actor, long number = 1, string company = "Suzhou Cloud Textiles Co.") =>
        world.Registrations().RegisterAsync(actor, ValidInput(number, company));

    /// <summary>Registers as <paramref name="actor"/> and has the vendor operator approve it.</summary>
    public static async Task<Guid> ApprovedAsync(this TestWorld world, Actor actor, long number = 1, string company = "Suzhou Cloud Textiles Co.")
    {
        var id = await world.RegisterAsync(actor, number, company);
        await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(id));
        return id;
    }

    /// <summary>Sends an invitation and returns the token from the link in the mail.</summary>
    public static async Task<string> InviteAsync(this TestWorld world, Actor actor, Guid registrationId, AssociationMode mode = AssociationMode.Resale)
    {
        var mail = await world.Invitations().SendAsync(actor, new SendInvitationInput(new RegistrationTarget(registrationId)) { Mode = mode }, BaseUri);
        return TokenIn(mail.Body);
    }

    public static string TokenIn(string body) => LinkPattern().Match(body) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("No invitation link in the mail: " + body);

    public static AssociateInput Contact() => new() { ContactName = "Li Na", ContactPhone = "13812345678", ContactEmail = "li.na@textiles.example" };

    public static async Task<CustomerRegistration> LoadRegistrationAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.CustomerRegistrations.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Every row a registration command could write, to prove a refused one wrote none.</summary>
    public static async Task<(int Audits, int Registrations, int Invitations, int Customers, int Assignments, int Outbox)> CountRegistrationRowsAsync(this TestWorld world)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.AuditEntries.CountAsync(), await db.CustomerRegistrations.CountAsync(), await db.CustomerInvitations.CountAsync(),
            await db.Customers.CountAsync(), await db.CustomerAssignments.CountAsync(), await db.Set<OutboxMessage>().CountAsync());
    }

    public static async Task<int> AuditCountAsync(this TestWorld world, string action)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.AuditEntries.CountAsync(a => a.Action == action);
    }

    /// <summary>A localized message as the UI shows it, to check what the user reads.</summary>
    public static string Describe(BusinessException error) => ErrorText.Describe(TestWorld.Localizer, error);

    public static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    [GeneratedRegex("/invitations/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
