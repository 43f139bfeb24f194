using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// What another slice must do when a customer disassociates (R19): the voucher slice recalls what the partner issued to
/// it, the funds slice returns a resale balance. The customer slice runs every step's preview for the confirmation
/// dialog, then every step's apply in one transaction on one context, so the unbinding never half happens and the
/// customer slice need not know vouchers or ledgers.
/// </summary>
public interface ICustomerUnbindingStep
{
    /// <summary>Order among steps: vouchers recall (10) before the balance returns (20).</summary>
    int Order { get; }

    /// <summary>What this step would do, as lines for the preview dialog. Reads only.</summary>
    Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct);

    /// <summary>Does it on <paramref name="db"/> without saving; the caller saves once, inside its transaction.</summary>
    Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct);
}

/// <summary>One line of the unbinding preview: a resource key (with count and amount arguments) for the dialog.</summary>
public sealed record UnbindingEffect(string MessageKey, int Count, long AmountFen);
