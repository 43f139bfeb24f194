using BlazorPartner.Platform.Uploads;
using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>Shortcuts for the reseller tests (R40–R43), on top of the shared <see cref="TestWorld"/>.</summary>
internal static class ResellerTestKit
{
    public const string BaseUri = "https://partner.test/";

    public const string ContactEmail = "xu.ming@reseller.example";

    public static ResellerApplicationIntake Intake(this TestWorld world) => world.Get<ResellerApplicationIntake>();

    public static ResellerReviews Reviews(this TestWorld world) => world.Get<ResellerReviews>();

    public static ResellerQueries ResellerQueries(this TestWorld world) => world.Get<ResellerQueries>();

    public static ResellerAssignments Assignments(this TestWorld world) => world.Get<ResellerAssignments>();

    /// <summary>A valid credit code, one per <paramref name="number"/>.</summary>
    public static string Code(int number = 11) => CreditCode.WithCheckCharacter($"91320500MA1R{number:D5}");

    /// <summary><see cref="Code"/> with its check character changed: the checksum fails.</summary>
    public static string BadCode(int number = 11)
    {
        var code = Code(number);
        return code[..^1] + (code[^1] == '0' ? '1' : '0');
    }

    public static byte[] PdfBytes(string text = "licence") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    public static byte[] PngBytes() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    public static DocumentUpload Upload(string fileName = "licence.pdf", byte[]? bytes = null)
    {
        bytes ??= PdfBytes();
        return new DocumentUpload(fileName, bytes.Length, bytes);
    }

    public static IReadOnlyList<DocumentUpload> Licence(string fileName = "licence.pdf") => [Upload(fileName)];

    public static ResellerApplicationInput Input(Guid? distributor, int number = 11, string company = "Suzhou Cloud Reseller Co.", string email = ContactEmail) => new()
    {
        CompanyName = company,
        CreditCode = Code(number),
        ContactName = "Xu Ming",
        ContactPhone = "13812345678",
        ContactEmail = email,
        DistributorId = distributor,
    };

    /// <summary>Submits a valid application naming Partner B (or <paramref name="distributor"/>).</summary>
    public static Task<SubmittedApplication> SubmitAsync(this TestWorld world, int number = 11, Guid? distributor = null, string company = "Suzhou Cloud Reseller Co.", string email = ContactEmail) =>
        world.Intake().SubmitAsync(Input(distributor ?? world.PartnerB, number, company, email), Licence(), BaseUri);

    /// <summary>The application as the database holds it now (bypassing tenancy).</summary>
    public static async Task<ResellerApplication> LoadApplicationAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.ResellerApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The application with the version the database holds now: what a reviewer's fresh page would send.</summary>
    public static async Task<ApplicationTarget> TargetAsync(this TestWorld world, Guid id) =>
        new(id, (await world.LoadApplicationAsync(id)).Version);

    /// <summary>Submits an application naming <paramref name="distributor"/> (Partner B by default) and has the vendor approve it.</summary>
    public static async Task<SubmittedApplication> VendorApprovedAsync(this TestWorld world, int number = 11, Guid? distributor = null, string company = "Suzhou Cloud Reseller Co.", string email = ContactEmail)
    {
        var submitted = await world.SubmitAsync(number, distributor, company, email);
        await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(submitted.Id));
        return submitted;
    }

    /// <summary>Runs the whole R40 flow for one company; returns the new reseller organization's id.</summary>
    public static async Task<Guid> ApprovedResellerAsync(this TestWorld world, Actor distributorReviewer, int number = 11, string company = "Suzhou Cloud Reseller Co.", string email = ContactEmail)
    {
        var submitted = await world.VendorApprovedAsync(number, distributorReviewer.OrganizationId, company, email);
        return await world.Reviews().DistributorApproveAsync(distributorReviewer, await world.TargetAsync(submitted.Id), BaseUri);
    }

    /// <summary>
    /// A user of <paramref name="organizationId"/> holding <paramref name="role"/> (a system role's or a custom role's name),
    /// inserted as <see cref="TestWorld"/> seeds its users, and its actor as sign-in would build it.
    /// </summary>
    public static async Task<Actor> AddUserAsync(this TestWorld world, Guid organizationId, string login, string name, string role, string? email = null)
    {
        email ??= $"{login}@test";
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            var user = new AppUser
            {
                UserName = login,
                NormalizedUserName = login.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = name,
                OrganizationId = organizationId,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            await db.SaveChangesAsync();
            login = user.Id;
        }

        return await world.Get<ActorDirectory>().LoadAsync(login);
    }

    /// <summary>Partner B's distributor reviewer (R40's second level).</summary>
    public static Task<Actor> ReviewerBAsync(this TestWorld world, string login = "rev-b", string name = "Reviewer B") =>
        world.AddUserAsync(world.PartnerB, login, name, AppRoles.DistributorReviewer);

    /// <summary>A second vendor operator, to race the first.</summary>
    public static Task<Actor> SecondVendorAsync(this TestWorld world) =>
        world.AddUserAsync(world.VendorOrg, "vendor-2", "Vendor Op Two", AppRoles.VendorOperator);

    /// <summary>Another distributor organization ("Partner D") and its reviewer, for tenant isolation and moves (R43).</summary>
    public static async Task<(Guid Distributor, Actor Reviewer)> SecondDistributorAsync(this TestWorld world, string name = "Partner D", string reviewerLogin = "rev-d", string reviewerName = "Reviewer D")
    {
        var id = Guid.NewGuid();
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            db.Organizations.Add(new Organization { Id = id, Name = name, Kind = OrganizationKind.Distributor, CreatedUtc = world.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        return (id, await world.AddUserAsync(id, reviewerLogin, reviewerName, AppRoles.DistributorReviewer));
    }

    /// <summary>Every row an application command could write, to prove a refused one wrote none.</summary>
    public static async Task<(int Applications, int Events, int Attachments, int Outbox, int Notifications, int Audits)> CountResellerRowsAsync(this TestWorld world)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.ResellerApplications.CountAsync(), await db.ResellerApplicationEvents.CountAsync(), await db.ResellerApplicationAttachments.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(), await db.Set<Notification>().CountAsync(), await db.AuditEntries.CountAsync());
    }

    public static async Task<List<ResellerApplicationEvent>> EventsAsync(this TestWorld world, Guid applicationId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.ResellerApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync())
            .OrderBy(e => e.Round).ThenBy(e => e.Kind).ToList();
    }

    public static async Task<int> AuditCountAsync(this TestWorld world, string entityId, string action)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.AuditEntries.CountAsync(a => a.EntityId == entityId && a.Action == action);
    }

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
}
