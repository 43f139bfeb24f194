using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Members;

/// <summary>
/// A slice's part of unbinding a member (R2), registered by that slice so Members knows none of them: it stages its changes
/// on the unbinding's context, inside its transaction, so they commit (or not) with it. E.g. the reviewers' To do hands the
/// member's assignments back to nobody.
/// </summary>
public interface IMemberUnbindingStep
{
    Task UnbindingAsync(AppDbContext db, Actor actor, string userId, CancellationToken ct);

    /// <summary>After the unbinding committed (telling open screens, say); never called when it was refused or rolled back.</summary>
    void Unbound(Actor actor, string userId)
    {
    }
}
