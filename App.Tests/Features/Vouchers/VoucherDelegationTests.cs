using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Vouchers;

/// <summary>R29: a distributor (Partner B) delegates quota to its reseller (Partner C), recalls the unused part, and sees amounts only.</summary>
public class VoucherDelegationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static DelegateQuotaInput Delegation(Guid parent, Guid reseller, decimal amount) => new() { ParentQuotaId = parent, ResellerOrganizationId = reseller, Amount = amount };

    [Theory, MemberData(nameof(Providers))]
    public async Task R29_distributor_grants_part_of_its_quota_and_the_reseller_issues_to_consultative_customers_only(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var parent = await w.GrantAsync(w.World.PartnerB, 10_000m);

        var child = await w.Quotas.DelegateAsync(w.World.AdminB, Delegation(parent, w.PartnerC, 3_000m));

        Assert.Equal((700_000L, 300_000L), ((await w.QuotaAsync(parent)).RemainingFen, (await w.QuotaAsync(parent)).DelegatedFen));
        var card = Assert.Single(await w.Quotas.CardsAsync(w.AdminC));
        Assert.Equal((child, 300_000L, true), (card.Id, card.RemainingFen, card.Delegated));

        var consultative = await w.CustomerAsync(w.PartnerC, AssociationMode.Consultative);
        var resale = await w.CustomerAsync(w.PartnerC, AssociationMode.Resale);
        var refused = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.AdminC, VoucherWorld.Issue(child, 100m, consultative, resale)));
        var issued = await w.Issuing.IssueAsync(w.AdminC, VoucherWorld.Issue(child, 100m, consultative));

        Assert.Equal("Voucher.DelegatedConsultativeOnly", refused.ResourceKey);
        Assert.Equal(1, issued.Count);
        Assert.Equal(290_000, (await w.QuotaAsync(child)).RemainingFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R29_distributor_recalls_the_unused_part_issued_vouchers_stay(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var parent = await w.GrantAsync(w.World.PartnerB, 10_000m);
        var child = await w.Quotas.DelegateAsync(w.World.AdminB, Delegation(parent, w.PartnerC, 3_000m));
        var customer = await w.CustomerAsync(w.PartnerC, AssociationMode.Consultative);
        var issue = await w.Issuing.IssueAsync(w.AdminC, VoucherWorld.Issue(child, 500m, customer));

        var returned = await w.Quotas.RecallDelegationAsync(w.World.AdminB, child);

        Assert.Equal(250_000, returned);
        var p = await w.QuotaAsync(parent);
        Assert.Equal((950_000L, 50_000L), (p.RemainingFen, p.DelegatedFen));
        var c = await w.QuotaAsync(child);
        Assert.Equal((QuotaStatus.Recalled, 0L, 50_000L), (c.Status, c.RemainingFen, c.GrantedFen));
        Assert.Equal(VoucherStatus.Usable, (await w.VouchersOfIssueAsync(issue.IssueId)).Single().Status);
        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Issuing.IssueAsync(w.AdminC, VoucherWorld.Issue(child, 1m, customer)));
        Assert.Equal(VoucherErrors.QuotaUnavailable, error.Code);
        Assert.Equal(2, await w.LogCountAsync(VoucherOperationKind.RecallDelegation));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R29_distributor_sees_its_resellers_quota_use_but_no_customer_data(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var parent = await w.GrantAsync(w.World.PartnerB, 10_000m);
        var child = await w.Quotas.DelegateAsync(w.World.AdminB, Delegation(parent, w.PartnerC, 3_000m));
        var customer = await w.CustomerAsync(w.PartnerC, AssociationMode.Consultative, name: "Secret Customer Ltd");
        await w.Issuing.IssueAsync(w.AdminC, VoucherWorld.Issue(child, 500m, customer));

        var usage = Assert.Single(await w.Quotas.ResellerUsageAsync(w.World.AdminB));
        var (vouchers, total) = await w.Queries.PageAsync(w.World.AdminB, new VoucherQuery(), 0, 10);
        var (log, _) = await w.Log.PageAsync(w.World.AdminB, new OperationLogQuery(), 0, 50);

        Assert.Equal(("Partner C", 300_000L, 50_000L, 250_000L, 1), (usage.ResellerName, usage.GrantedFen, usage.IssuedFen, usage.RemainingFen, usage.VoucherCount));
        Assert.DoesNotContain(typeof(ResellerQuotaRow).GetProperties(), p => p.Name.Contains("Customer") || p.Name.Contains("Remark"));
        Assert.Equal(0, total);
        Assert.Empty(vouchers);
        Assert.All(log, row => Assert.Equal("", row.CustomerName));
        Assert.DoesNotContain(log, row => row.QuotaId == child && row.Kind == VoucherOperationKind.Issue);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R29_only_a_distributor_delegates_only_to_its_own_resellers_within_remaining(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quotaA = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var quotaB = await w.GrantAsync(w.World.PartnerB, 1_000m);
        var before = await w.CountRowsAsync();

        var notDistributor = await Assert.ThrowsAsync<AccessDeniedException>(() => w.Quotas.DelegateAsync(w.World.AdminA, Delegation(quotaA, w.PartnerC, 10m)));
        var notReseller = await Assert.ThrowsAsync<ValidationException>(() => w.Quotas.DelegateAsync(w.World.AdminB, Delegation(quotaB, w.World.PartnerA, 10m)));
        var tooMuch = await Assert.ThrowsAsync<BusinessException>(() => w.Quotas.DelegateAsync(w.World.AdminB, Delegation(quotaB, w.PartnerC, 1_000.01m)));
        var othersQuota = await Assert.ThrowsAsync<BusinessException>(() => w.Quotas.DelegateAsync(w.World.AdminB, Delegation(quotaA, w.PartnerC, 10m)));
        var recallForeign = await Assert.ThrowsAsync<NotFoundException>(() => w.Quotas.RecallDelegationAsync(w.World.AdminB, quotaA));

        Assert.Equal(ErrorCodes.AccessDenied, notDistributor.Code);
        Assert.Equal("Voucher.ResellerInvalid", notReseller.FieldErrors["ResellerOrganizationId"]);
        Assert.Equal(VoucherErrors.QuotaInsufficient, tooMuch.Code);
        Assert.Equal(VoucherErrors.QuotaUnavailable, othersQuota.Code);
        Assert.Equal(ErrorCodes.NotFound, recallForeign.Code);
        Assert.Equal(before, await w.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R26_vendor_grants_a_quota_logged_and_audited_and_refuses_bad_input_storing_nothing(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var before = await w.CountRowsAsync();
        var bad = new GrantQuotaInput { PartnerOrganizationId = w.World.PartnerA, Amount = 0.001m, ValidFrom = VoucherWorld.Today, ValidTo = VoucherWorld.Today.AddDays(-1), ServiceTypes = ["Nope"] };

        var error = await Assert.ThrowsAsync<ValidationException>(() => w.Quotas.GrantAsync(w.World.Vendor, bad));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.GrantAsync(w.World.PartnerA, 10m).ContinueWith(_ => w.Quotas.GrantAsync(w.World.AdminA, bad)).Unwrap());

        Assert.Equal(["Amount", "ServiceTypes", "ValidTo"], error.FieldErrors.Keys.Order());
        var after = await w.CountRowsAsync();
        Assert.Equal((before.Quotas + 1, before.Log + 1, before.Audits + 1), (after.Quotas, after.Log, after.Audits));
        var (vendorLog, _) = await w.Log.PageAsync(w.World.Vendor, new OperationLogQuery { Kind = VoucherOperationKind.Grant }, 0, 10);
        Assert.Equal("Partner A", Assert.Single(vendorLog).PartnerName);
    }
}
