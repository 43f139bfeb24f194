using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>
/// What an approval of R5 does, whoever approves (the system or a reviewer): the solution-provider organization and its
/// admin's invitation, staged on the caller's context so they commit with the decision.
/// </summary>
internal static class PartnerEnrollment
{
    public static async Task<Organization> EnrollAsync(
        AppDbContext db, NetworkApplication application, MemberInvitations invitations, Actor? actor, string actorName, string auditAction,
        string baseUri, IStringLocalizer<SharedResource> L, TimeProvider time, CancellationToken ct)
    {
        // R41: the admin is a new account. An address that gained an account since submission cannot be invited.
        var email = application.ContactEmail.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == email, ct))
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{application.ContactEmail} already has an account.", "Network.EmailTakenSince", application.Number);
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Organization names are unique (people sign in by them): a reviewer who admits a company whose name is taken, or
        // looks like a taken one, gets it with the application number, which is unique and language-neutral.
        var name = await OrganizationNames.LookAlikeExistsAsync(db, application.CompanyName, ct)
            ? Organization.NameWithSuffix(application.CompanyName, application.Number)
            : application.CompanyName;
        var partner = new Organization { Name = name, Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
        db.Organizations.Add(partner);
        application.PartnerOrganizationId = partner.Id;
        application.UpdatedAtUtc = now;
        db.Audit(actor, new AuditChange(nameof(NetworkApplication), application.Id.ToString(), auditAction)
        {
            OrganizationId = partner.Id,
            // An automatic approval decides the submission itself; a reviewer decides what waited for review.
            Before = actor is null ? null : new { Status = NetworkApplicationStatus.ManualReview },
            After = new { application.Status, Partner = name, application.Round },
        }, time);
        // The applicant learns of the approval from its admin invitation, in the language it applied in.
        using (Cultures.Use(application.ApplicantCulture))
        {
            var approval = new InvitationPreface(L["NetworkApply.MailApprovedSubject", application.Number, partner.Name].Value,
                L["NetworkApply.MailApprovedLead", application.Number, partner.Name].Value);
            invitations.StageFirstAdmin(db, actor, actorName, partner.Id, partner.Name, application.ContactEmail, baseUri, now, approval);
        }

        return partner;
    }
}
